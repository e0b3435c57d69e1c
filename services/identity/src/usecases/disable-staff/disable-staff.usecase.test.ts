import { PreconditionError } from '@govhall/errors';
import { staffCommand, staffSetup } from '../in-memory-staff.test-double';
import { authorizer, clock, principal } from '../principals.test-double';
import { disableStaffUseCase } from './disable-staff.usecase';

const admin = principal('yc-admin', '620321', ['center_admin']);

async function setup() {
  const { staff, directory, tenancy, create } = staffSetup();
  const created = await create(staffCommand({ username: 'leaver', displayName: '钱七', roles: ['reviewer'] }), admin);
  const disable = disableStaffUseCase({ staff, directory, windows: tenancy, authorizer, clock });
  return { staff, directory, tenancy, created, disable };
}

describe('disableStaff', () => {
  it('disables the Keycloak account and the record, once', async () => {
    const { disable, directory, staff, created } = await setup();
    const done = await disable({ staffId: created.id, reason: '调离本中心' }, admin);
    expect(done).toMatchObject({ status: 'disabled', disabledReason: '调离本中心' });
    expect(directory.users.get(created.subject!)!.enabled).toBe(false);
    expect(await disable({ staffId: created.id, reason: '调离本中心' }, admin)).toMatchObject({
      version: done.version,
    });
    expect(staff.events.map((e) => e.type)).toEqual(['StaffCreated', 'StaffDisabled']);
  });

  it('refuses while the person holds a window post, and changes nothing', async () => {
    const { disable, directory, tenancy, created } = await setup();
    tenancy.posts.set(created.id, [{ id: 'w1', number: 'A03', post: 'B' }]);
    const err = await disable({ staffId: created.id, reason: '调离本中心' }, admin).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PreconditionError);
    expect((err as PreconditionError).message).toContain('A03窗口B岗');
    expect(directory.users.get(created.subject!)!.enabled).toBe(true);
  });

  it('is for administrators of the tenant only', async () => {
    const { disable, created } = await setup();
    await expect(
      disable(
        { staffId: created.id, reason: '调离本中心' },
        principal('h', '620321', ['department_head'], '620321-SCJG'),
      ),
    ).rejects.toMatchObject({ code: 'ROLE_REQUIRED' });
  });
});
