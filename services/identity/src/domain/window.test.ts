import { assignPosts, createWindow, validateNewWindow, validatePosts } from './window';
import { staffFact as person, windowInput as input } from './window.test-double';

const NOW = new Date('2026-11-26T02:00:00Z');
const DEPARTMENTS = ['620321-RSJ', '620321-SCJG', '620321-ZRZY'];
const a = person('a');
const b = person('b');
const reasons = (v: { path: string; reason?: string }[]) => v.map((x) => `${x.path}:${x.reason}`);

describe('validateNewWindow', () => {
  it('accepts a department window with two active clerks of its department', () => {
    expect(validateNewWindow(input(), DEPARTMENTS, { a, b })).toEqual([]);
  });

  it('reads an empty serves list of a department window as its own department', () => {
    expect(validateNewWindow(input({ servesDepartments: [] }), DEPARTMENTS, { a, b })).toEqual([]);
    expect(createWindow(input({ servesDepartments: [] }), 'w1', NOW).window.servesDepartments).toEqual(['620321-SCJG']);
  });

  it('refuses a department window that serves another department', () => {
    const v = validateNewWindow(input({ servesDepartments: ['620321-SCJG', '620321-RSJ'] }), DEPARTMENTS, { a, b });
    expect(reasons(v)).toEqual(['servesDepartments:DEPARTMENT_WINDOW_SERVES']);
  });

  it('refuses the same person on both posts', () => {
    const v = validateNewWindow(input({ bPostStaffId: 'a' }), DEPARTMENTS, { a, b: a });
    expect(reasons(v)).toEqual(['bPostStaffId:SAME_PERSON']);
  });

  it('requires both posts', () => {
    const v = validateNewWindow(input({ aPostStaffId: '', bPostStaffId: ' ' }), DEPARTMENTS, {});
    expect(reasons(v)).toEqual(['aPostStaffId:REQUIRED', 'bPostStaffId:REQUIRED']);
  });

  it('refuses unknown, disabled, other-tenant and other-department people', () => {
    expect(reasons(validateNewWindow(input(), DEPARTMENTS, { a }))).toEqual(['bPostStaffId:NOT_FOUND']);
    expect(reasons(validateNewWindow(input(), DEPARTMENTS, { a, b: { ...b, status: 'disabled' } }))).toEqual([
      'bPostStaffId:NOT_ACTIVE',
    ]);
    expect(reasons(validateNewWindow(input(), DEPARTMENTS, { a: { ...a, tenant: '620302' }, b }))).toEqual([
      'aPostStaffId:TENANT_MISMATCH',
    ]);
    expect(reasons(validateNewWindow(input(), DEPARTMENTS, { a: { ...a, department: '620321-RSJ' }, b }))).toEqual([
      'aPostStaffId:DEPARTMENT_MISMATCH',
    ]);
  });

  it('accepts a comprehensive window over two departments with posts from either', () => {
    const comprehensive = input({
      kind: 'comprehensive',
      name: '综合窗口',
      servesDepartments: ['620321-SCJG', '620321-RSJ'],
    });
    expect(validateNewWindow(comprehensive, DEPARTMENTS, { a, b: { ...b, department: '620321-RSJ' } })).toEqual([]);
    expect(
      reasons(validateNewWindow(comprehensive, DEPARTMENTS, { a, b: { ...b, department: '620321-ZRZY' } })),
    ).toEqual(['bPostStaffId:DEPARTMENT_MISMATCH']);
  });

  it('refuses a comprehensive window with one department, without its own, or with unknown ones', () => {
    const one = input({ kind: 'comprehensive', servesDepartments: ['620321-SCJG'] });
    expect(reasons(validateNewWindow(one, DEPARTMENTS, { a, b }))).toEqual(['servesDepartments:COUNT']);
    const notOwn = input({ kind: 'comprehensive', servesDepartments: ['620321-RSJ', '620321-ZRZY'] });
    const rsj = { department: '620321-RSJ' };
    expect(reasons(validateNewWindow(notOwn, DEPARTMENTS, { a: { ...a, ...rsj }, b: { ...b, ...rsj } }))).toEqual([
      'servesDepartments:DEPARTMENT_NOT_SERVED',
    ]);
    const unknown = input({ kind: 'comprehensive', servesDepartments: ['620321-SCJG', '620302-RSJ'] });
    expect(reasons(validateNewWindow(unknown, DEPARTMENTS, { a, b }))).toEqual(['servesDepartments.1:NOT_FOUND']);
  });

  it('checks number, name, kind and department', () => {
    const v = validateNewWindow(input({ number: 'AB1', name: '窗', kind: '', department: '620321-XX' }), DEPARTMENTS, {
      a,
      b,
    });
    expect(reasons(v)).toEqual(['number:PATTERN', 'name:LENGTH', 'department:NOT_FOUND', 'kind:ENUM']);
    for (const number of ['1', '12', '123', 'A1', 'Z999']) {
      expect(validateNewWindow(input({ number }), DEPARTMENTS, { a, b })).toEqual([]);
    }
  });
});

describe('window changes', () => {
  it('creates version 1 with WindowCreated', () => {
    const { window, events } = createWindow(input({ number: ' A03 ' }), 'w1', NOW);
    expect(window).toMatchObject({ id: 'w1', number: 'A03', kind: 'department', version: 1, aPostStaffId: 'a' });
    expect(events).toEqual([{ type: 'WindowCreated', window }]);
  });

  it('assigns posts with a new version and WindowPostsAssigned', () => {
    const { window } = createWindow(input(), 'w1', NOW);
    const c = person('c');
    expect(validatePosts(window, 'c', 'a', { a: c, b: a })).toEqual([]);
    const later = new Date('2026-11-27T00:00:00Z');
    const assigned = assignPosts(window, 'c', 'a', later);
    expect(assigned.window).toMatchObject({ aPostStaffId: 'c', bPostStaffId: 'a', version: 2, updatedAt: later });
    expect(assigned.events).toEqual([{ type: 'WindowPostsAssigned', window: assigned.window }]);
  });
});
