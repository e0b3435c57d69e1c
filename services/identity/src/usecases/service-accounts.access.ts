import type { Authorizer, Principal } from '@govhall/auth';
import { NotFoundError, PreconditionError, concealForbidden } from '@govhall/errors';
import type { ServiceAccount } from '../domain/service-account';
import type { ServiceAccountRepository } from './staff.ports';
import { MANAGE_STAFF } from './staff.policies';

const notFound = () => new NotFoundError('SERVICE_ACCOUNT_NOT_FOUND', '未找到该服务账号');

/**
 * The service account, if `actor` administers its tenant (MANAGE_STAFF); one of another tenant is
 * SERVICE_ACCOUNT_NOT_FOUND, exactly like one that does not exist. A record still provisioning has no Keycloak
 * client yet: STILL_PROVISIONING.
 */
export async function requireManagedServiceAccount(
  deps: { serviceAccounts: Pick<ServiceAccountRepository, 'findById'>; authorizer: Authorizer },
  id: string,
  actor: Principal,
): Promise<ServiceAccount & { directoryId: string }> {
  const account = await deps.serviceAccounts.findById(id);
  if (!account) throw notFound();
  concealForbidden(
    () =>
      deps.authorizer.ensure(
        actor,
        'write',
        { type: 'service-account', id: account.id, tenant: account.tenant },
        MANAGE_STAFF,
      ),
    notFound(),
  );
  if (account.status === 'provisioning' || !account.directoryId) {
    throw new PreconditionError('STILL_PROVISIONING', '该服务账号尚未开通完成，请稍后再试');
  }
  return account as ServiceAccount & { directoryId: string };
}
