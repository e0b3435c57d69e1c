import type { Static } from '@sinclair/typebox';
import { complaintsV1, enumCodec, enumSpelling } from '@govhall/proto';
import { ratedToRest } from './rated.rest';
import type { Rectification, RectificationReply } from './rectifications.schemas';

/* 差评整改 as the REST API spells it (lower case, no prefix), proto ⇄ JSON. */

export type RectificationStatusName = 'open' | 'appealed' | 'closed';
export const rectificationStatus = enumCodec<RectificationStatusName, complaintsV1.RectificationStatus>(
  enumSpelling(complaintsV1.RectificationStatus, 'RECTIFICATION_STATUS_'),
);
export type RectificationOutcomeName = 'fixed' | 'fix_by_date' | 'explained' | 'appeal_mistaken' | 'appeal_malicious';
export const rectificationOutcome = enumCodec<RectificationOutcomeName, complaintsV1.RectificationOutcome>(
  enumSpelling(complaintsV1.RectificationOutcome, 'RECTIFICATION_OUTCOME_'),
);

const iso = (d: Date | undefined) => (d ? d.toISOString() : null);

export function rectificationToRest(r: complaintsV1.Rectification | undefined): Static<typeof Rectification> {
  if (!r) throw new Error('complaints answered without a rectification');
  return {
    id: r.id,
    tenant: r.tenant,
    ratingId: r.ratingId,
    ...ratedToRest(r),
    status: rectificationStatus.fromProto(r.status) || 'open',
    handler: r.handler,
    handlerName: r.handlerName,
    deadline: r.deadline,
    callBacks: r.callBacks.map((c) => ({
      at: (c.at ?? new Date(0)).toISOString(),
      by: c.by,
      reached: c.reached,
      notes: c.notes,
    })),
    outcome: rectificationOutcome.fromProto(r.outcome),
    outcomeText: r.outcomeText,
    fixBy: r.fixBy,
    concludedAt: iso(r.concludedAt),
    appealDecision: r.appealDecision
      ? {
          upheld: r.appealDecision.upheld,
          notes: r.appealDecision.notes,
          decidedBy: r.appealDecision.decidedBy,
          decidedAt: (r.appealDecision.decidedAt ?? new Date(0)).toISOString(),
        }
      : null,
    raterToldAt: iso(r.raterToldAt),
    overdue: r.overdue,
    version: Number(r.version),
    openedAt: (r.openedAt ?? new Date(0)).toISOString(),
    closedAt: iso(r.closedAt),
  };
}

export function replyToRest(r: complaintsV1.RectificationReply): Static<typeof RectificationReply> {
  return {
    status: r.status === complaintsV1.RectificationStatus.RECTIFICATION_STATUS_CLOSED ? 'closed' : 'open',
    outcome: rectificationOutcome.fromProto(r.outcome),
    text: r.text,
    fixBy: r.fixBy,
    closedAt: iso(r.closedAt),
  };
}
