import { LookedUpTargets } from './complaint-targets';

const targets = new LookedUpTargets(
  {
    findInTenant: async (tenant, username) =>
      tenant === '620321' && username === 'yc-clerk' ? { username, name: '王清', department: '620321-SCJG' } : null,
    departmentOf: async (tenant, code) =>
      tenant === '620321' && code === '620321-SCJG' ? { code, name: '永昌县市场监督管理局' } : null,
  },
  {
    windowOf: async (tenant, id) =>
      tenant === '620321' && id === 'w-3' ? { id, number: '3', name: '食品经营许可', department: '620321-SCJG' } : null,
  },
  {
    caseOf: async (tenant, id) =>
      tenant === '620321' && id === 'case-1'
        ? { caseNumber: '620321202612010001', itemName: '食品经营许可', department: '620321-SCJG', subject: 's' }
        : null,
  },
);

describe('a complaint target looked up in its tenant', () => {
  it('names each kind as people read it, with the department whose head is told', async () => {
    expect(await targets.resolve('620321', 'department', '620321-SCJG')).toEqual({
      kind: 'department',
      id: '620321-SCJG',
      name: '永昌县市场监督管理局',
      department: '620321-SCJG',
    });
    expect(await targets.resolve('620321', 'window', 'w-3')).toMatchObject({ name: '3号窗口（食品经营许可）' });
    expect(await targets.resolve('620321', 'staff', 'yc-clerk')).toMatchObject({
      name: '王清',
      department: '620321-SCJG',
    });
    expect(await targets.resolve('620321', 'case', 'case-1')).toMatchObject({
      name: '620321202612010001（食品经营许可）',
      department: '620321-SCJG',
    });
  });

  it('finds nothing of another tenant or unknown, and nothing for no target', async () => {
    expect(await targets.resolve('620302', 'staff', 'yc-clerk')).toBeNull();
    expect(await targets.resolve('620321', 'window', 'w-9')).toBeNull();
    expect(await targets.resolve('620321', 'none', '')).toBeNull();
  });
});
