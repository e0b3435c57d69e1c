import type { Principal } from '@govhall/auth';
import type { IdentityDirectory } from '../directory.port';
import type { Clock } from '../ports';
import type { ServiceAccountRepository } from '../staff.ports';
import type { ReconcileLogger } from '../complete-pending-staff/complete-pending-staff.usecase';
import { provisionServiceClient } from '../create-service-account/provision-service-client';

/**
 * Finishes service accounts left `provisioning`: creating the client needs nothing secret from the request, so
 * the reconciler completes them (the administrator reads the secret with a repeat of the create request).
 */
export function completePendingServiceAccountsUseCase(deps: {
  serviceAccounts: ServiceAccountRepository;
  directory: IdentityDirectory;
  clock: Clock;
  logger: ReconcileLogger;
  system: Principal;
}) {
  return async (olderThanMs: number): Promise<number> => {
    const cutoff = new Date(deps.clock.now().getTime() - olderThanMs);
    let done = 0;
    for (const record of await deps.serviceAccounts.findProvisioning(cutoff)) {
      try {
        await provisionServiceClient(deps, record, deps.system);
        done += 1;
        deps.logger.info(
          { serviceAccountId: record.id, clientId: record.clientId },
          'pending service account completed',
        );
      } catch (err) {
        deps.logger.warn({ serviceAccountId: record.id, err }, 'pending service account not reconciled yet');
      }
    }
    return done;
  };
}
