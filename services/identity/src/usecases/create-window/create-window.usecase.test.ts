import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@govhall/errors';
import { actors, hallSetup, windowCommand } from '../in-memory-tenancy.test-double';

const paths = (e: unknown) => (e as ValidationError).violations.map((v) => `${v.path}:${v.reason}`);

describe('create window', () => {
  it('opens a department window with its A and B posts and queues WindowCreated', async () => {
    const { uc, windows } = hallSetup();
    const window = await uc.createWindow(windowCommand, actors.ycAdmin);
    expect(window).toMatchObject({ number: 'A03', kind: 'department', aPostStaffId: 'a', bPostStaffId: 'b' });
    expect(windows.events.map((e) => e.type)).toEqual(['WindowCreated']);
  });

  it('opens a comprehensive window over two departments', async () => {
    const { uc } = hallSetup();
    const window = await uc.createWindow(
      {
        ...windowCommand,
        number: 'B01',
        name: '综合窗口',
        kind: 'comprehensive',
        servesDepartments: ['620321-SCJG', '620321-RSJ'],
        bPostStaffId: 'c',
      },
      actors.ycAdmin,
    );
    expect(window.servesDepartments).toEqual(['620321-SCJG', '620321-RSJ']);
  });

  it('refuses a window with A == B', async () => {
    const { uc, windows } = hallSetup();
    const err = await uc.createWindow({ ...windowCommand, bPostStaffId: 'a' }, actors.ycAdmin).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(paths(err)).toEqual(['bPostStaffId:SAME_PERSON']);
    expect(windows.saved.size).toBe(0);
  });

  it('refuses a comprehensive window with one department', async () => {
    const { uc } = hallSetup();
    const err = await uc
      .createWindow({ ...windowCommand, kind: 'comprehensive', servesDepartments: ['620321-SCJG'] }, actors.ycAdmin)
      .catch((e) => e);
    expect(paths(err)).toEqual(['servesDepartments:COUNT']);
  });

  it('refuses posts outside the window department and people who are not active', async () => {
    const { uc, staff } = hallSetup();
    staff.people.find((s) => s.id === 'b')!.status = 'disabled';
    const err = await uc.createWindow({ ...windowCommand, aPostStaffId: 'c' }, actors.ycAdmin).catch((e) => e);
    expect(paths(err)).toEqual(['bPostStaffId:NOT_ACTIVE', 'aPostStaffId:DEPARTMENT_MISMATCH']);
  });

  it('refuses a number the tenant already uses with WINDOW_NUMBER_TAKEN', async () => {
    const { uc } = hallSetup();
    await uc.createWindow(windowCommand, actors.ycAdmin);
    const err = await uc.createWindow({ ...windowCommand, name: '另一个窗口' }, actors.ycAdmin).catch((e) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).code).toBe('WINDOW_NUMBER_TAKEN');
  });

  it('needs the tenant own administrator and an existing tenant', async () => {
    const { uc } = hallSetup();
    await expect(uc.createWindow(windowCommand, actors.jcsAdmin)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(uc.createWindow(windowCommand, actors.ycClerk)).rejects.toMatchObject({ code: 'ROLE_REQUIRED' });
    const other = { ...actors.ycAdmin, tenant: '620322' };
    await expect(uc.createWindow({ ...windowCommand, tenant: '620322' }, other)).rejects.toBeInstanceOf(NotFoundError);
  });
});
