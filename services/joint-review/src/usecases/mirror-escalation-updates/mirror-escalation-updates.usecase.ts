import type { Escalation } from '../../domain/escalations/escalation';
import { mirrorUpdate } from '../../domain/escalations/sender';
import type { EscalationDeps } from '../escalations/escalation.ports';
import { legCalendar } from '../reviews/leg-calendar';

/**
 * The status flowing back down: for each hosted lower tenant whose parent this deployment reaches, the parent's
 * updates after the stored cursor are mirrored on the sender records they answer, in order; the cursor moves past
 * each update once it is stored (a crash repeats at most the last one, which mirroring ignores).
 */
export function mirrorEscalationUpdatesUseCase(
  deps: Pick<
    EscalationDeps,
    'escalations' | 'parents' | 'cursors' | 'tenants' | 'settings' | 'calendars' | 'clock' | 'hosted'
  >,
  onError: (tenant: string, error: unknown) => void,
) {
  async function mirrorTenant(source: string): Promise<number> {
    const target = await deps.tenants.parentOf(source);
    const parent = target ? deps.parents.of(target) : null;
    if (!parent) return 0;
    const after = await deps.cursors.get(target, source);
    const { updates } = await parent.pullUpdates(target, source, after, 100);
    let mirrored = 0;
    for (const pulled of updates) {
      const e: Escalation | null = await deps.escalations.findById(pulled.sourceEscalationId);
      if (e && e.side === 'sender' && e.tenant === source) {
        const change = mirrorUpdate(
          e,
          pulled,
          await deps.settings.forwardWorkingDays(source),
          deps.clock.now(),
          legCalendar(await deps.calendars.forTenant(source)),
        );
        if (change.escalation !== e) {
          await deps.escalations.save(change.escalation, e.version, change.events);
          mirrored++;
        }
      }
      await deps.cursors.set(target, source, pulled.update.sequence);
    }
    return mirrored;
  }

  /** One run over the hosted tenants; answers how many updates were mirrored. */
  return async (): Promise<number> => {
    let total = 0;
    // A deployment for any tenant follows the tenants of its records still waiting for their parent.
    const sources =
      deps.hosted.size > 0
        ? [...deps.hosted]
        : [
            ...new Set(
              (await deps.escalations.sendersIn(['transferring', 'in_handling', 'returned'], 500)).map((e) => e.tenant),
            ),
          ];
    for (const source of sources) {
      try {
        total += await mirrorTenant(source);
      } catch (error) {
        onError(source, error);
      }
    }
    return total;
  };
}
