import type { Authorizer, Principal } from '@govhall/auth';
import type { ServiceAccount } from '../../domain/service-account';
import type { ServiceAccountRepository } from '../staff.ports';

/** Service accounts of a tenant, for its administrators and supervisors (secrets are never listed). */
export function listServiceAccountsUseCase(deps: {
  serviceAccounts: ServiceAccountRepository;
  authorizer: Authorizer;
}) {
  return async (tenant: string, actor: Principal): Promise<ServiceAccount[]> => {
    deps.authorizer.ensure(
      actor,
      'read',
      { type: 'service-account', tenant },
      { roles: ['center_admin', 'ops_admin', 'supervisor'] },
    );
    return deps.serviceAccounts.list(tenant);
  };
}
