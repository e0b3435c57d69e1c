import type { Principal } from '@govhall/auth';
import type { IdentityDirectory } from '../directory.port';
import type { Clock } from '../ports';
import type { StaffRepository } from '../staff.ports';
import { provisionStaffAccount } from '../create-staff/provision-staff-account';

export interface ReconcileLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/**
 * The staff saga's reconciler: finishes or compensates records left `provisioning` by a crash or an outage.
 * Only records untouched for `olderThanMs` are considered, so a request still in flight is left alone.
 */
export function completePendingStaffUseCase(deps: {
  staff: StaffRepository;
  directory: IdentityDirectory;
  clock: Clock;
  logger: ReconcileLogger;
  system: Principal;
}) {
  return async (olderThanMs: number): Promise<{ activated: number; removed: number }> => {
    const cutoff = new Date(deps.clock.now().getTime() - olderThanMs);
    let activated = 0;
    let removed = 0;
    for (const record of await deps.staff.findProvisioning(cutoff)) {
      try {
        const done = await provisionStaffAccount(deps, record, undefined, deps.system);
        if (done) {
          activated += 1;
          deps.logger.info({ staffId: record.id, username: record.username }, 'pending staff account adopted');
        } else {
          removed += 1;
          deps.logger.warn(
            { staffId: record.id, username: record.username },
            'pending staff record had no Keycloak account and was removed',
          );
        }
      } catch (err) {
        deps.logger.warn({ staffId: record.id, err }, 'pending staff record not reconciled yet');
      }
    }
    return { activated, removed };
  };
}
