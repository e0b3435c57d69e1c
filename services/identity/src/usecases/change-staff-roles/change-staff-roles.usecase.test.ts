import { ConcurrencyError, PreconditionError, ValidationError } from '@govhall/errors';
import { staffCommand, staffSetup } from '../in-memory-staff.test-double';
import { authorizer, clock, principal } from '../principals.test-double';
import { changeStaffRolesUseCase } from './change-staff-roles.usecase';

const admin = principal('yc-admin', '620321', ['center_admin']);

async function setup() {
  const { staff, directory, tenancy, create } = staffSetup();
  const created = await create(
    staffCommand({ username: 'mover', displayName: '孙八', roles: ['window_clerk'] }),
    admin,
  );
  const change = changeStaffRolesUseCase({ staff, directory, tenancy, windows: tenancy, authorizer, clock });
  return { staff, directory, tenancy, created, change };
}

const paths = (e: unknown) => (e as ValidationError).violations.map((v) => `${v.path}:${v.reason}`);

describe('changeStaffRoles', () => {
  it('sets the roles and department in Keycloak and the record, ends the sessions, queues StaffRolesChanged', async () => {
    const { change, directory, staff, created } = await setup();
    const done = await change(
      {
        staffId: created.id,
        roles: ['reviewer', 'approver'],
        department: '620321-RSJ',
        expectedVersion: created.version,
      },
      admin,
    );
    expect(done).toMatchObject({
      roles: ['reviewer', 'approver'],
      department: '620321-RSJ',
      version: created.version + 1,
    });
    expect(await staff.findById(created.id)).toMatchObject({
      roles: ['reviewer', 'approver'],
      department: '620321-RSJ',
    });
    const user = directory.users.get(created.subject!)!;
    expect(user.roles).toEqual(['reviewer', 'approver']);
    expect(user.attributes.department).toBe('620321-RSJ');
    expect(directory.loggedOut).toEqual([created.subject]);
    const event = staff.events.at(-1)!;
    expect(event).toMatchObject({
      type: 'StaffRolesChanged',
      previous: { roles: ['window_clerk'], department: '620321-SCJG' },
    });
  });

  it('clears the department for a role outside departments', async () => {
    const { change, directory, staff, created } = await setup();
    const done = await change(
      { staffId: created.id, roles: ['supervisor'], department: '', expectedVersion: created.version },
      admin,
    );
    expect(done.department).toBeUndefined();
    expect((await staff.findById(created.id))!.department).toBeUndefined();
    expect(directory.users.get(created.subject!)!.attributes.department).toBeUndefined();
  });

  it('refuses no role, an unknown role and a department role without department, at the fields, changing nothing', async () => {
    const { change, directory, staff, created } = await setup();
    const none = await change({ staffId: created.id, roles: [], expectedVersion: created.version }, admin).catch(
      (e: unknown) => e,
    );
    expect(paths(none)).toEqual(['roles:REQUIRED']);
    const bad = await change(
      { staffId: created.id, roles: ['reviewer', 'god'], department: '', expectedVersion: created.version },
      admin,
    ).catch((e: unknown) => e);
    expect(paths(bad)).toEqual(['roles[1]:UNKNOWN_ROLE', 'department:REQUIRED']);
    const unknown = await change(
      { staffId: created.id, roles: ['reviewer'], department: '620321-XXJ', expectedVersion: created.version },
      admin,
    ).catch((e: unknown) => e);
    expect(paths(unknown)).toEqual(['department:NOT_FOUND']);
    expect((await staff.findById(created.id))!.roles).toEqual(['window_clerk']);
    expect(directory.users.get(created.subject!)!.roles).toEqual(['window_clerk']);
    expect(directory.loggedOut).toEqual([]);
  });

  it('refuses a department change while on a window post, a stale version, one’s own roles, a department head', async () => {
    const { change, tenancy, created } = await setup();
    const command = {
      staffId: created.id,
      roles: ['reviewer'],
      department: '620321-RSJ',
      expectedVersion: created.version,
    };
    tenancy.posts.set(created.id, [{ id: 'w1', number: 'A03', post: 'A' }]);
    const held = await change(command, admin).catch((e: unknown) => e);
    expect(held).toBeInstanceOf(PreconditionError);
    expect((held as PreconditionError).code).toBe('HOLDS_WINDOW_POST');
    // The same department keeps the post valid: roles alone may change.
    await expect(
      change({ ...command, roles: ['window_clerk', 'reviewer'], department: '620321-SCJG' }, admin),
    ).resolves.toMatchObject({ roles: ['window_clerk', 'reviewer'] });
    await expect(change(command, admin)).rejects.toBeInstanceOf(ConcurrencyError);
    const self = principal('mover', '620321', ['center_admin']);
    await expect(
      change({ ...command, expectedVersion: created.version + 1 }, { ...self, subject: created.subject! }),
    ).rejects.toMatchObject({ code: 'CANNOT_CHANGE_OWN_ROLES' });
    await expect(change(command, principal('h', '620321', ['department_head'], '620321-SCJG'))).rejects.toMatchObject({
      code: 'ROLE_REQUIRED',
    });
  });
});
