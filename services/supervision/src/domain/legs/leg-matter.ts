import { chinaToday } from '@govhall/calendar';
import type { Matter, MatterPause } from '../clocks/matter';
import type { JointReviewLeg, LegEventMeta, LegPause } from './leg';

/** The matter statuses of a leg: running (or paused), completed, or cancelled (closed unjudged). */
export type LegStatus = 'running' | 'paused' | 'completed' | 'cancelled';

/**
 * The supervised matter of a leg (ADR 0052: a co-review, an escalation's forwarding or handling, a delegated case's
 * transfer, department or reply), for computeMatterClock and the signal rules, its words named by its leg kind: one
 * deadline, the leg's budget in the tenant's working days counted from the day after it started (its pauses held),
 * 预警 near it and 黄牌 past it, never 红牌 (the statutory clock repeats it); the clock stops on the day (China time)
 * the leg finished. The department, window and person responsible are the leg's (a window's forwarding, transfer
 * or reply leg names its window, whose lead is told with the department's heads). A cancelled leg stops the same way and carries no signal afterwards (the clock is stopped).
 * `matterId` is the leg id; the version is the aggregate's event version, so an older event changes nothing
 * (`legMatterAfter`).
 */
export function legMatter(leg: JointReviewLeg, meta: LegEventMeta): Matter {
  const finished = leg.state === 'finished';
  return {
    matterId: leg.id,
    kind: 'joint_review_leg',
    legKind: leg.kind,
    tenant: leg.tenant,
    caseNumber: leg.caseNumber,
    itemName: leg.itemName,
    itemBasicCode: leg.itemBasicCode,
    department: leg.department,
    windowId: leg.windowId,
    responsible: leg.responsible,
    responsibleRole: leg.responsible ? '' : 'department_head',
    acceptedBy: '',
    applicantName: '',
    status: legStatus(leg),
    channel: '',
    receivedDate: leg.startDate,
    acceptedDate: leg.startDate,
    decidedDate: '',
    endedDate: finished ? chinaToday(leg.finishedAt ?? meta.occurredAt) : '',
    promisedLimitWorkingDays: leg.budgetWorkingDays,
    statutoryLimitWorkingDays: leg.budgetWorkingDays,
    extensionWorkingDays: 0,
    pauses: leg.pauses.map(matterPause),
    steps: [],
    imported: false,
    lastEventId: meta.eventId,
    lastEventAt: meta.occurredAt,
    version: meta.version,
  };
}

export function legStatus(leg: Pick<JointReviewLeg, 'state' | 'end'>): LegStatus {
  if (leg.state !== 'finished') return leg.state;
  return leg.end === 'cancelled' ? 'cancelled' : 'completed';
}

/**
 * The leg's matter after an event, or undefined when the event changes nothing: the stored matter is at a later
 * version, or at the same one and as far along (a review's write can carry several events of one version; a
 * finished leg is never reopened).
 */
export function legMatterAfter(
  stored: Matter | undefined,
  leg: JointReviewLeg,
  meta: LegEventMeta,
): Matter | undefined {
  const next = legMatter(leg, meta);
  if (!stored) return next;
  if (stored.endedDate) return undefined;
  if (meta.version < stored.version) return undefined;
  if (meta.version === stored.version && progress(next) <= progress(stored)) return undefined;
  return next;
}

/** How far along a leg's matter is: started, each pause and resumption, finished. */
function progress(m: Matter): number {
  if (m.endedDate) return Number.MAX_SAFE_INTEGER;
  return m.pauses.length * 2 - (m.pauses.some((p) => !p.endedDate) ? 1 : 0);
}

function matterPause(p: LegPause): MatterPause {
  const waiting = p.reason === 'waiting_for_sender';
  return {
    kind: waiting ? 'sender' : 'suspension',
    procedure: waiting ? '' : p.procedure,
    reason: waiting ? '等待下级中心补充材料' : p.note,
    startedDate: chinaToday(p.startedAt),
    endedDate: p.endedAt ? chinaToday(p.endedAt) : '',
  };
}
