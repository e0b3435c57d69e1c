import { ConflictError, ForbiddenError, UnavailableError, ValidationError } from '@govhall/errors';
import { completePendingStaffUseCase } from '../complete-pending-staff/complete-pending-staff.usecase';
import { staffCommand, staffSetup } from '../in-memory-staff.test-double';
import { clock, denials, principal } from '../principals.test-double';
import { staffRef } from './provision-staff-account';

const admin = principal('yc-admin', '620321', ['center_admin']);
const request = staffCommand();

function setup() {
  const { staff, directory, create } = staffSetup();
  const reconcile = completePendingStaffUseCase({
    staff,
    directory,
    clock: { now: () => new Date(clock.now().getTime() + 60_000) },
    logger: { info: () => undefined, warn: () => undefined },
    system: admin,
  });
  return { staff, directory, create, reconcile };
}

describe('createStaff', () => {
  it('creates the Keycloak account with roles, tenant and department and activates the record', async () => {
    const { create, staff, directory } = setup();
    const created = await create(request, admin);
    expect(created).toMatchObject({ status: 'active', username: 'yc-clerk-new', roles: ['window_clerk'] });
    const user = directory.users.get(created.subject!)!;
    expect(user).toMatchObject({ roles: ['window_clerk'], temporary: true });
    expect(user.attributes).toEqual({ tenant: '620321', department: '620321-SCJG', govhall_ref: staffRef(created) });
    expect(staff.events.map((e) => e.type)).toEqual(['StaffCreated']);
  });

  it('reports every bad field with its path and creates nothing', async () => {
    const { create, staff, directory } = setup();
    const bad = { ...request, username: 'X', phone: '123', roles: ['window_clerk', 'god'], initialPassword: 'short' };
    const err = await create(bad, admin).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).violations.map((v) => v.path).sort()).toEqual(
      ['initialPassword', 'phone', 'roles[1]', 'username'].sort(),
    );
    expect(staff.rows.size).toBe(0);
    expect(directory.users.size).toBe(0);
  });

  it('requires a department for department roles and a department of the same tenant', async () => {
    const { create } = setup();
    await expect(create({ ...request, department: undefined }, admin)).rejects.toMatchObject({
      violations: [expect.objectContaining({ path: 'department', reason: 'REQUIRED' })],
    });
    await expect(create({ ...request, department: '620302-SCJG' }, admin)).rejects.toMatchObject({
      violations: [expect.objectContaining({ path: 'department', reason: 'TENANT_MISMATCH' })],
    });
  });

  it('refuses administrators of another tenant and non-administrators, and logs the denial', async () => {
    const { create, staff } = setup();
    denials.length = 0;
    await expect(create(request, principal('jc-admin', '620302', ['center_admin']))).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(create(request, principal('jcs-admin', '620300', ['center_admin']))).rejects.toMatchObject({
      code: 'TENANT_OUT_OF_SCOPE',
    });
    await expect(
      create(request, principal('yc-clerk', '620321', ['window_clerk'], '620321-SCJG')),
    ).rejects.toMatchObject({
      code: 'ROLE_REQUIRED',
    });
    expect(denials).toHaveLength(3);
    expect(staff.rows.size).toBe(0);
  });

  it('leaves the record provisioning when Keycloak is down, and a retry completes it with one account', async () => {
    const { create, staff, directory } = setup();
    directory.down = true;
    await expect(create(request, admin)).rejects.toBeInstanceOf(UnavailableError);
    expect([...staff.rows.values()].map((s) => s.status)).toEqual(['provisioning']);
    directory.down = false;
    const done = await create(request, admin);
    expect(done.status).toBe('active');
    expect(staff.rows.size).toBe(1);
    expect(directory.users.size).toBe(1);
  });

  it('refuses a repeat with different content and a username of someone else in Keycloak', async () => {
    const { create, directory, staff } = setup();
    await create(request, admin);
    await expect(create({ ...request, displayName: '王五' }, admin)).rejects.toBeInstanceOf(ConflictError);
    await directory.createUser({
      username: 'taken-name',
      displayName: '他人',
      attributes: { govhall_ref: 'natural-person:x' },
      roles: ['applicant'],
      password: 'Other2026',
      temporaryPassword: false,
    });
    await expect(create({ ...request, username: 'taken-name' }, admin)).rejects.toMatchObject({
      code: 'USERNAME_TAKEN',
    });
    expect([...staff.rows.values()].map((s) => s.username)).toEqual(['yc-clerk-new']);
  });

  it('reconciler: adopts an account created before a crash, removes a record that never got one', async () => {
    const { staff, directory, reconcile } = setup();
    const at = clock.now();
    const base = { tenant: '620321', department: '620321-SCJG', displayName: '赵六', phone: '13812345678' };
    const common = { ...base, roles: ['window_clerk' as const], status: 'provisioning' as const, leaves: [] };
    await staff.insert({ id: 'a', username: 'crashed-after-kc', ...common, version: 1, createdAt: at, updatedAt: at });
    await staff.insert({ id: 'b', username: 'crashed-before-kc', ...common, version: 1, createdAt: at, updatedAt: at });
    await directory.createUser({
      username: 'crashed-after-kc',
      displayName: '赵六',
      attributes: { tenant: '620321', govhall_ref: 'staff:a' },
      roles: ['window_clerk'],
      password: 'Start2026',
      temporaryPassword: true,
    });
    expect(await reconcile(30_000)).toEqual({ activated: 1, removed: 1 });
    expect(staff.rows.get('a')).toMatchObject({ status: 'active', subject: [...directory.users.keys()][0] });
    expect(staff.rows.has('b')).toBe(false);
    expect(directory.users.size).toBe(1);
  });

  it('a retry touches the record, so a reconciler pass that read it before cannot remove it under the retry', async () => {
    const { create, staff, directory, reconcile } = setup();
    directory.down = true;
    await expect(create(request, admin)).rejects.toBeInstanceOf(UnavailableError);
    const [stale] = [...staff.rows.values()];
    directory.down = false;
    await create(request, admin);
    // The reconciler's view is the stale version: its compensation must not apply.
    expect(await staff.removeProvisioning(stale!.id, stale!.version)).toBe(false);
    expect(await reconcile(30_000)).toEqual({ activated: 0, removed: 0 });
    expect([...staff.rows.values()].map((s) => s.status)).toEqual(['active']);
  });
});
