import type { Principal } from '@govhall/auth';
import { ValidationError } from '@govhall/errors';
import type { PulledUpdate } from '../../domain/escalations/sender';
import { requireTransferAccount } from '../escalations/escalation.access';
import type { EscalationDeps } from '../escalations/escalation.ports';

export interface PullRequest {
  targetTenant: string;
  sourceTenant: string;
  afterSequence: number;
  maxUpdates: number;
}

export interface PulledEscalationUpdate extends PulledUpdate {
  /** The sender record the update answers. */
  sourceEscalationId: string;
}

/** The status flowing back down: the parent's updates on escalations from `sourceTenant` after a cursor, in order. */
export function pullEscalationUpdatesUseCase(deps: Pick<EscalationDeps, 'escalations'>) {
  return async (
    request: PullRequest,
    actor: Principal,
  ): Promise<{ updates: PulledEscalationUpdate[]; lastSequence: number }> => {
    requireTransferAccount(actor, request.targetTenant, '');
    const max = request.maxUpdates === 0 ? 100 : request.maxUpdates;
    if (max < 1 || max > 500 || request.afterSequence < 0) {
      throw new ValidationError([
        request.afterSequence < 0
          ? { path: 'afterSequence', message: '游标不能为负数', reason: 'OUT_OF_RANGE' }
          : { path: 'maxUpdates', message: '每次最多取500条', reason: 'OUT_OF_RANGE' },
      ]);
    }
    const records = await deps.escalations.updatedSince(
      request.targetTenant,
      request.sourceTenant,
      request.afterSequence,
      max,
    );
    // A department-bound account sees its department's records only.
    const visible = records.filter((e) => !actor.department || e.department === actor.department);
    const updates = visible
      .flatMap((e) =>
        e.updates
          .filter((u) => u.sequence > request.afterSequence)
          .map((u) => ({ counterpartId: e.id, sourceEscalationId: e.counterpartId, state: e.state, update: u })),
      )
      .sort((a, b) => a.update.sequence - b.update.sequence)
      .slice(0, max);
    return { updates, lastSequence: updates.at(-1)?.update.sequence ?? request.afterSequence };
  };
}
