import { ConcurrencyError, ConflictError, ValidationError } from '@govhall/errors';
import { actors, hallSetup, windowCommand } from '../in-memory-tenancy.test-double';

const paths = (e: unknown) => (e as ValidationError).violations.map((v) => `${v.path}:${v.reason}`);

async function setup() {
  const s = hallSetup();
  const window = await s.uc.createWindow(windowCommand, actors.ycAdmin);
  const changes = {
    windowId: window.id,
    number: window.number,
    name: window.name,
    kind: window.kind as string,
    department: window.department,
    servesDepartments: window.servesDepartments,
    location: window.location,
    expectedVersion: 1,
  };
  return { ...s, window, changes };
}

describe('update window', () => {
  it('changes number, name, kind, departments and location, keeps the posts, queues WindowUpdated', async () => {
    const { uc, windows, window, changes } = await setup();
    const updated = await uc.updateWindow(
      {
        ...changes,
        number: 'B01',
        name: '综合受理窗口',
        kind: 'comprehensive',
        servesDepartments: ['620321-SCJG', '620321-RSJ'],
        location: '一楼西侧',
      },
      actors.ycAdmin,
    );
    expect(updated).toMatchObject({
      id: window.id,
      number: 'B01',
      name: '综合受理窗口',
      kind: 'comprehensive',
      servesDepartments: ['620321-SCJG', '620321-RSJ'],
      aPostStaffId: 'a',
      bPostStaffId: 'b',
      version: 2,
    });
    expect((await windows.findById(window.id))!.number).toBe('B01');
    expect(windows.events.map((e) => e.type)).toEqual(['WindowCreated', 'WindowUpdated']);
  });

  it('refuses a department its post holders do not belong to, at the field, and changes nothing', async () => {
    const { uc, windows, window, changes } = await setup();
    const err = await uc
      .updateWindow({ ...changes, department: '620321-RSJ', servesDepartments: ['620321-RSJ'] }, actors.ycAdmin)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(paths(err)).toEqual(['department:DEPARTMENT_MISMATCH', 'department:DEPARTMENT_MISMATCH']);
    expect((await windows.findById(window.id))!.department).toBe('620321-SCJG');
  });

  it('refuses a bad number at the field', async () => {
    const { uc, changes } = await setup();
    const err = await uc.updateWindow({ ...changes, number: '窗口1' }, actors.ycAdmin).catch((e: unknown) => e);
    expect(paths(err)).toEqual(['number:PATTERN']);
  });

  it("refuses another window's number with WINDOW_NUMBER_TAKEN", async () => {
    const { uc, windows, window, changes } = await setup();
    await uc.createWindow({ ...windowCommand, number: 'A04' }, actors.ycAdmin);
    const err = await uc.updateWindow({ ...changes, number: 'A04' }, actors.ycAdmin).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).code).toBe('WINDOW_NUMBER_TAKEN');
    expect((await windows.findById(window.id))!.number).toBe('A03');
  });

  it('refuses a stale version and a clerk', async () => {
    const { uc, changes } = await setup();
    await expect(uc.updateWindow({ ...changes, expectedVersion: 2 }, actors.ycAdmin)).rejects.toBeInstanceOf(
      ConcurrencyError,
    );
    await expect(uc.updateWindow(changes, actors.ycClerk)).rejects.toMatchObject({ code: 'ROLE_REQUIRED' });
  });
});
