import type { Authorizer, Principal } from '@govhall/auth';
import { PreconditionError } from '@govhall/errors';
import { secretRotated, type ServiceAccount } from '../../domain/service-account';
import type { IdentityDirectory } from '../directory.port';
import type { Clock } from '../ports';
import { requireManagedServiceAccount } from '../service-accounts.access';
import type { ServiceAccountRepository } from '../staff.ports';

/**
 * The center administrator issues a new secret for a department system's account (e.g. the old one leaked): the
 * old secret stops working at once, the new one is returned once and never stored. ServiceAccountSecretRotated
 * records who did it (the secret is in no event).
 */
export function rotateServiceAccountSecretUseCase(deps: {
  serviceAccounts: ServiceAccountRepository;
  directory: IdentityDirectory;
  authorizer: Authorizer;
  clock: Clock;
}) {
  return async (
    command: { serviceAccountId: string },
    actor: Principal,
  ): Promise<{ serviceAccount: ServiceAccount; secret: string }> => {
    const account = await requireManagedServiceAccount(deps, command.serviceAccountId, actor);
    if (account.status === 'disabled') {
      throw new PreconditionError('SERVICE_ACCOUNT_DISABLED', '该服务账号已停用，不能更换密钥');
    }
    const secret = await deps.directory.regenerateServiceClientSecret(account.directoryId);
    const { serviceAccount, events } = secretRotated(account, deps.clock.now());
    await deps.serviceAccounts.update(serviceAccount, account.version, events, actor);
    return { serviceAccount, secret };
  };
}
