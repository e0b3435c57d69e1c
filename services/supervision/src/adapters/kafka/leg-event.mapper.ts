import { enumSpelling, jointReviewV1 } from '@govhall/proto';
import { LEG_KINDS, type LegKind } from '../../domain/clocks/matter-kind';
import type { JointReviewLeg, LegPause, LegPauseReason } from '../../domain/legs/leg';
import type { LegEvent } from '../../usecases/apply-leg-event/apply-leg-event.usecase';

const pb = jointReviewV1;
const state = enumSpelling(pb.LegState, 'LEG_STATE_');
const end = enumSpelling(pb.LegEnd, 'LEG_END_');
const pauseReason = enumSpelling(pb.PauseReason, 'PAUSE_REASON_');
const legKind = enumSpelling(pb.LegKind, 'LEG_KIND_');

const PAUSE_REASONS: readonly LegPauseReason[] = ['case_suspended', 'special_procedure', 'waiting_for_sender'];

function pause(p: jointReviewV1.LegPause, fallback: Date): LegPause {
  const reason = pauseReason.fromProto(p.reason) as LegPauseReason | undefined;
  return {
    reason: reason && PAUSE_REASONS.includes(reason) ? reason : 'unspecified',
    procedure: p.procedure,
    note: p.note,
    startedAt: p.startedAt ?? fallback,
    endedAt: p.endedAt,
  };
}

/** The leg's kind; unspecified (an older writer): the kind its id spells ("<aggregate>:<kind>:<n>"), else co-review. */
function kindOf(l: jointReviewV1.Leg): LegKind {
  const isKind = (k: string | undefined): k is LegKind => LEG_KINDS.includes(k as LegKind);
  const k = legKind.fromProto(l.kind);
  if (isKind(k)) return k;
  const spelled = l.id.split(':').at(-2);
  return isKind(spelled) ? spelled : 'co_review';
}

function legState(l: jointReviewV1.Leg): JointReviewLeg['state'] {
  const s = state.fromProto(l.state);
  if (s === 'finished' || s === 'paused') return s;
  // A leg with a finish time is finished whatever its state says.
  return l.finishedAt ? 'finished' : 'running';
}

/** A LegStarted / LegPaused / LegResumed / LegFinished envelope as the use case reads it; undefined without a leg. */
export function toLegEvent(
  envelope: { id: string; occurredAt?: Date; aggregateVersion: number },
  leg: jointReviewV1.Leg | undefined,
): LegEvent | undefined {
  if (!leg?.id) return undefined;
  const occurredAt = envelope.occurredAt ?? new Date(0);
  const e = end.fromProto(leg.end);
  return {
    leg: {
      id: leg.id,
      kind: kindOf(leg),
      tenant: leg.tenant,
      department: leg.department,
      windowId: leg.windowId,
      caseId: leg.caseId,
      caseNumber: leg.caseNumber,
      itemName: leg.itemName,
      itemBasicCode: leg.itemBasicCode,
      aggregateId: leg.aggregateId,
      taskId: leg.taskId,
      responsible: leg.responsible,
      budgetWorkingDays: leg.budgetWorkingDays,
      startDate: leg.startDate,
      dueDate: leg.dueDate,
      state: legState(leg),
      end: e === 'completed' || e === 'cancelled' ? e : '',
      startedAt: leg.startedAt,
      finishedAt: leg.finishedAt,
      pauses: leg.pauses.map((p) => pause(p, occurredAt)),
    },
    meta: { eventId: envelope.id, version: envelope.aggregateVersion, occurredAt },
  };
}
