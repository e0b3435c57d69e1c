import { createDepartment, validateNewDepartment } from './department';

const reasons = (v: { path: string; reason?: string }[]) => v.map((x) => `${x.path}:${x.reason}`);

describe('department', () => {
  it('builds the code from the tenant and the abbreviation', () => {
    const now = new Date('2026-11-26T00:00:00Z');
    const { department, events } = createDepartment(
      { tenant: '620321', abbreviation: 'SCJG', name: '市场监督管理局' },
      now,
    );
    expect(department).toEqual({
      code: '620321-SCJG',
      tenant: '620321',
      name: '市场监督管理局',
      version: 1,
      createdAt: now,
    });
    expect(events).toEqual([{ type: 'DepartmentCreated', department }]);
  });

  it('accepts upper-case abbreviations of 2 to 12 characters starting with a letter', () => {
    for (const abbreviation of ['RS', 'ZJJ', 'WJW2', 'ABCDEFGHIJKL']) {
      expect(validateNewDepartment({ tenant: '620321', abbreviation, name: '卫生健康委员会' })).toEqual([]);
    }
  });

  it('refuses bad abbreviations, names and tenants', () => {
    for (const abbreviation of ['scjg', 'S', '1SCJG', 'ABCDEFGHIJKLM', 'SC-JG']) {
      expect(reasons(validateNewDepartment({ tenant: '620321', abbreviation, name: '市场监督管理局' }))).toEqual([
        'abbreviation:PATTERN',
      ]);
    }
    expect(reasons(validateNewDepartment({ tenant: '6203', abbreviation: 'SCJG', name: '局' }))).toEqual([
      'tenant:LENGTH',
      'name:LENGTH',
    ]);
  });
});
