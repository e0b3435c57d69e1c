import { ConflictError, NotFoundError, PreconditionError } from '@govhall/errors';
import { disableServiceAccountUseCase } from '../disable-service-account/disable-service-account.usecase';
import { completePendingServiceAccountsUseCase } from '../complete-pending-service-accounts/complete-pending-service-accounts.usecase';
import { FakeDirectory } from '../fake-directory.test-double';
import { FakeTenancy, InMemoryServiceAccounts } from '../in-memory-staff.test-double';
import { authorizer, clock, ids, principal } from '../principals.test-double';
import { createServiceAccountUseCase } from './create-service-account.usecase';

const admin = principal('yc-admin', '620321', ['center_admin']);
const request = {
  tenant: '620321',
  department: '620321-SCJG',
  clientId: 'yc-scjg-license-system',
  description: '永昌县市场监管局审批系统',
};

function setup(hostedTenants: string[] = []) {
  const serviceAccounts = new InMemoryServiceAccounts();
  const directory = new FakeDirectory();
  const deps = { serviceAccounts, directory, tenancy: new FakeTenancy(), authorizer, clock, ids, hostedTenants };
  return { serviceAccounts, directory, create: createServiceAccountUseCase(deps) };
}

describe('createServiceAccount', () => {
  it('creates the client bound to tenant and department and returns its secret; a repeat returns the same', async () => {
    const { create, directory, serviceAccounts } = setup();
    const first = await create(request, admin);
    expect(first.serviceAccount).toMatchObject({ status: 'active', clientId: 'yc-scjg-license-system' });
    expect(first.secret).toMatch(/^secret-/);
    const again = await create(request, admin);
    expect(again).toEqual(first);
    expect(directory.clients.size).toBe(1);
    expect(serviceAccounts.events.map((e) => e.type)).toEqual(['ServiceAccountCreated']);
  });

  it('creates a center account (no department, ADR 0053); a department of another tenant is still refused', async () => {
    const { create } = setup();
    const center = await create({ ...request, department: '', clientId: 'yc-joint-review' }, admin);
    expect(center.serviceAccount).toMatchObject({ status: 'active', department: '', tenant: '620321' });
    await expect(create({ ...request, department: '620302-SCJG', clientId: 'jc-x' }, admin)).rejects.toMatchObject({
      violations: [expect.objectContaining({ path: 'department', reason: 'TENANT_MISMATCH' })],
    });
  });

  it('a repeat after the account was disabled is refused and changes nothing (no secret, still disabled)', async () => {
    const { create, directory, serviceAccounts } = setup();
    const first = await create(request, admin);
    const disable = disableServiceAccountUseCase({ serviceAccounts, directory, authorizer, clock });
    await disable({ serviceAccountId: first.serviceAccount.id, reason: '系统下线' }, admin);
    const before = serviceAccounts.events.length;
    const refused = create(request, admin);
    await expect(refused).rejects.toBeInstanceOf(PreconditionError);
    await expect(refused).rejects.toMatchObject({ code: 'SERVICE_ACCOUNT_DISABLED' });
    expect(await serviceAccounts.findByClientId(request.clientId)).toMatchObject({ status: 'disabled' });
    expect(serviceAccounts.events.length).toBe(before);
  });

  it('refuses reserved ids, unknown departments, other tenants and a taken id', async () => {
    const { create } = setup();
    await expect(create({ ...request, clientId: 'govhall-x' }, admin)).rejects.toMatchObject({
      violations: [expect.objectContaining({ path: 'clientId', reason: 'RESERVED' })],
    });
    await expect(create({ ...request, department: '620321-NOPE' }, admin)).rejects.toBeInstanceOf(NotFoundError);
    await expect(create(request, principal('jc-admin', '620302', ['center_admin']))).rejects.toMatchObject({
      code: 'TENANT_OUT_OF_SCOPE',
    });
    await create(request, admin);
    await expect(create({ ...request, description: '别的系统' }, admin)).rejects.toBeInstanceOf(ConflictError);
  });

  it('the reconciler completes an account left provisioning by an outage', async () => {
    const { create, directory, serviceAccounts } = setup();
    directory.down = true;
    await expect(create(request, admin)).rejects.toMatchObject({ kind: 'unavailable' });
    directory.down = false;
    const reconcile = completePendingServiceAccountsUseCase({
      serviceAccounts,
      directory,
      clock: { now: () => new Date(clock.now().getTime() + 60_000) },
      logger: { info: () => undefined, warn: () => undefined },
      system: admin,
    });
    expect(await reconcile(30_000)).toBe(1);
    expect([...serviceAccounts.rows.values()][0]).toMatchObject({ status: 'active' });
    expect(directory.clients.size).toBe(1);
  });

  it('refuses a tenant this deployment does not host, creating nothing', async () => {
    const { create, directory, serviceAccounts } = setup(['620302']);
    await expect(create(request, admin)).rejects.toMatchObject({ code: 'TENANT_NOT_HOSTED' });
    expect(directory.clients.size + serviceAccounts.rows.size).toBe(0);
  });
});
