import { NotFoundError, PreconditionError, ValidationError } from '@govhall/errors';
import { createServiceAccountUseCase } from '../create-service-account/create-service-account.usecase';
import { FakeDirectory } from '../fake-directory.test-double';
import { FakeTenancy, InMemoryServiceAccounts } from '../in-memory-staff.test-double';
import { authorizer, clock, ids, principal } from '../principals.test-double';
import { rotateServiceAccountSecretUseCase } from '../rotate-service-account-secret/rotate-service-account-secret.usecase';
import { disableServiceAccountUseCase } from './disable-service-account.usecase';

const admin = principal('yc-admin', '620321', ['center_admin']);

async function setup() {
  const serviceAccounts = new InMemoryServiceAccounts();
  const directory = new FakeDirectory();
  const deps = { serviceAccounts, directory, tenancy: new FakeTenancy(), authorizer, clock, ids };
  const { serviceAccount, secret } = await createServiceAccountUseCase(deps)(
    { tenant: '620321', department: '620321-SCJG', clientId: 'yc-scjg-approval', description: '审批系统' },
    admin,
  );
  return {
    serviceAccounts,
    directory,
    account: serviceAccount,
    secret,
    disable: disableServiceAccountUseCase(deps),
    rotate: rotateServiceAccountSecretUseCase(deps),
  };
}

describe('disableServiceAccount', () => {
  it('disables the Keycloak client and the record, once', async () => {
    const { disable, directory, serviceAccounts, account } = await setup();
    const done = await disable({ serviceAccountId: account.id, reason: '系统下线' }, admin);
    expect(done).toMatchObject({ status: 'disabled', disabledReason: '系统下线', version: account.version + 1 });
    expect(directory.clients.get(account.directoryId!)!.enabled).toBe(false);
    expect(await disable({ serviceAccountId: account.id, reason: '系统下线' }, admin)).toMatchObject({
      version: done.version,
    });
    expect(serviceAccounts.events.map((e) => e.type)).toEqual(['ServiceAccountCreated', 'ServiceAccountDisabled']);
  });

  it('refuses a missing reason at its field, another tenant as not found, and changes nothing', async () => {
    const { disable, directory, account } = await setup();
    const bad = await disable({ serviceAccountId: account.id, reason: ' ' }, admin).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ValidationError);
    expect((bad as ValidationError).violations.map((v) => v.path)).toEqual(['reason']);
    await expect(
      disable({ serviceAccountId: account.id, reason: '系统下线' }, principal('x', '620302', ['center_admin'])),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(directory.clients.get(account.directoryId!)!.enabled).toBeUndefined();
  });
});

describe('rotateServiceAccountSecret', () => {
  it('issues a new secret in Keycloak, returns it once and records the rotation without it', async () => {
    const { rotate, directory, serviceAccounts, account, secret } = await setup();
    const rotated = await rotate({ serviceAccountId: account.id }, admin);
    expect(rotated.secret).not.toBe(secret);
    expect(directory.clients.get(account.directoryId!)!.secret).toBe(rotated.secret);
    expect(rotated.serviceAccount.version).toBe(account.version + 1);
    expect(serviceAccounts.events.map((e) => e.type)).toEqual(['ServiceAccountCreated', 'ServiceAccountSecretRotated']);
    expect(JSON.stringify(serviceAccounts.events)).not.toContain(rotated.secret);
  });

  it('refuses a disabled account and a department head', async () => {
    const { rotate, disable, account } = await setup();
    await expect(
      rotate({ serviceAccountId: account.id }, principal('h', '620321', ['department_head'], '620321-SCJG')),
    ).rejects.toBeInstanceOf(NotFoundError);
    await disable({ serviceAccountId: account.id, reason: '系统下线' }, admin);
    await expect(rotate({ serviceAccountId: account.id }, admin)).rejects.toBeInstanceOf(PreconditionError);
  });
});
