import { ConcurrencyError, ForbiddenError, NotFoundError, ValidationError } from '@govhall/errors';
import { actors, hallSetup, staffFact, windowCommand } from '../in-memory-tenancy.test-double';

async function setup() {
  const s = hallSetup();
  s.staff.people.push(staffFact('d', { displayName: '刘洋' }));
  const window = await s.uc.createWindow(windowCommand, actors.ycAdmin);
  return { ...s, window };
}

describe('assign window posts', () => {
  it('puts new people on the posts with a new version and queues WindowPostsAssigned', async () => {
    const { uc, windows, window } = await setup();
    const updated = await uc.assignWindowPosts(
      { windowId: window.id, aPostStaffId: 'd', bPostStaffId: 'a', expectedVersion: 1 },
      actors.ycAdmin,
    );
    expect(updated).toMatchObject({ aPostStaffId: 'd', bPostStaffId: 'a', version: 2 });
    expect((await windows.findById(window.id))!.aPostStaffId).toBe('d');
    expect(windows.events.map((e) => e.type)).toEqual(['WindowCreated', 'WindowPostsAssigned']);
  });

  it('refuses a stale version', async () => {
    const { uc, window } = await setup();
    await uc.assignWindowPosts(
      { windowId: window.id, aPostStaffId: 'd', bPostStaffId: 'a', expectedVersion: 1 },
      actors.ycAdmin,
    );
    await expect(
      uc.assignWindowPosts(
        { windowId: window.id, aPostStaffId: 'b', bPostStaffId: 'a', expectedVersion: 1 },
        actors.ycAdmin,
      ),
    ).rejects.toBeInstanceOf(ConcurrencyError);
  });

  it('refuses A == B and people of another department, changing nothing', async () => {
    const { uc, windows, window } = await setup();
    const same = await uc
      .assignWindowPosts(
        { windowId: window.id, aPostStaffId: 'd', bPostStaffId: 'd', expectedVersion: 1 },
        actors.ycAdmin,
      )
      .catch((e: unknown) => e);
    expect((same as ValidationError).violations.map((v) => v.reason)).toEqual(['SAME_PERSON']);
    const other = await uc
      .assignWindowPosts(
        { windowId: window.id, aPostStaffId: 'c', bPostStaffId: 'd', expectedVersion: 1 },
        actors.ycAdmin,
      )
      .catch((e: unknown) => e);
    expect((other as ValidationError).violations.map((v) => v.reason)).toEqual(['DEPARTMENT_MISMATCH']);
    expect((await windows.findById(window.id))!.version).toBe(1);
  });

  it('needs the window tenant administrator and an existing window', async () => {
    const { uc, window } = await setup();
    const command = { windowId: window.id, aPostStaffId: 'd', bPostStaffId: 'a', expectedVersion: 1 };
    await expect(uc.assignWindowPosts(command, actors.jcsAdmin)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      uc.assignWindowPosts({ ...command, windowId: '00000000-0000-4000-8000-999999999999' }, actors.ycAdmin),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(uc.assignWindowPosts({ ...command, windowId: 'w1' }, actors.ycAdmin)).rejects.toBeInstanceOf(
      ValidationError,
    );
  });
});
