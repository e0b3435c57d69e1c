import type { Authorizer, Principal } from '@govhall/auth';
import { ValidationError } from '@govhall/errors';
import {
  disableServiceAccount,
  serviceAccountDisableReasonViolations,
  type ServiceAccount,
} from '../../domain/service-account';
import type { IdentityDirectory } from '../directory.port';
import type { Clock } from '../ports';
import { requireManagedServiceAccount } from '../service-accounts.access';
import type { ServiceAccountRepository } from '../staff.ports';

/**
 * The center administrator disables a department system's account: Keycloak first (the client disabled, so the
 * token endpoint refuses it), then the record with ServiceAccountDisabled. A repeat returns the disabled record
 * unchanged; a retry after a failed record update repeats both (both idempotent).
 */
export function disableServiceAccountUseCase(deps: {
  serviceAccounts: ServiceAccountRepository;
  directory: IdentityDirectory;
  authorizer: Authorizer;
  clock: Clock;
}) {
  return async (command: { serviceAccountId: string; reason: string }, actor: Principal): Promise<ServiceAccount> => {
    const violations = serviceAccountDisableReasonViolations(command.reason);
    if (violations.length > 0) throw new ValidationError(violations);
    const account = await requireManagedServiceAccount(deps, command.serviceAccountId, actor);
    if (account.status === 'disabled') return account;
    await deps.directory.disableServiceClient(account.directoryId);
    const { serviceAccount, events } = disableServiceAccount(account, command.reason, deps.clock.now());
    await deps.serviceAccounts.update(serviceAccount, account.version, events, actor);
    return serviceAccount;
  };
}
