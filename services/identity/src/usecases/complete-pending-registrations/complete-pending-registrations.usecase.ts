import { maskIdNumber } from '@govhall/identifiers';
import type { NaturalPersonRepository } from '../applicants.ports';
import type { IdentityDirectory } from '../directory.port';
import type { Clock } from '../ports';
import { provisionApplicantAccount } from '../register-natural-person/provision-applicant-account';

export interface ReconcileLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/**
 * The registration saga's reconciler: finishes or compensates natural persons left `provisioning` by a crash
 * or a Keycloak outage. Only records untouched for `olderThanMs` are considered (a retry touches its record),
 * so a registration still in flight is left alone.
 *
 * Why it never creates a Keycloak user: the password is not stored anywhere (we keep nothing secret), so
 * a user can only be created while the person is there to give one. Hence:
 * - a Keycloak user with our `govhall_ref` exists (Keycloak created it, we crashed or timed out after): the
 *   record is marked active — the person logs in with the password they chose;
 * - no such user: the record is removed (compensation) and the person simply registers again. A user with
 *   this username but another reference is not adopted either (see provisionApplicantAccount).
 */
export function completePendingRegistrationsUseCase(deps: {
  naturalPersons: NaturalPersonRepository;
  directory: IdentityDirectory;
  clock: Clock;
  logger: ReconcileLogger;
}) {
  return async (olderThanMs: number): Promise<{ activated: number; removed: number }> => {
    const cutoff = new Date(deps.clock.now().getTime() - olderThanMs);
    let activated = 0;
    let removed = 0;
    for (const record of await deps.naturalPersons.findProvisioning(cutoff)) {
      const log = { personId: record.id, idNumber: maskIdNumber(record.idNumber) };
      try {
        const result = await provisionApplicantAccount(deps, record, undefined);
        if (result.outcome === 'active') {
          activated += 1;
          deps.logger.info(log, 'pending registration completed: Keycloak user adopted');
        } else {
          removed += 1;
          deps.logger.warn({ ...log, why: result.why }, 'pending registration removed: no Keycloak user of ours');
        }
      } catch (err) {
        deps.logger.warn({ ...log, err }, 'pending registration not reconciled yet');
      }
    }
    return { activated, removed };
  };
}
