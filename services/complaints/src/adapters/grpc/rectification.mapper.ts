import { complaintsV1, enumCodec, enumSpelling } from '@govhall/proto';
import type {
  Rectification,
  RectificationOutcome,
  RectificationReply,
  RectificationStatus,
} from '../../domain/rectifications/rectification';
import { ratingChannel, ratingSubject } from './rating.mapper';

export const rectificationStatus = enumCodec<RectificationStatus, complaintsV1.RectificationStatus>(
  enumSpelling(complaintsV1.RectificationStatus, 'RECTIFICATION_STATUS_'),
);
export const rectificationOutcome = enumCodec<RectificationOutcome, complaintsV1.RectificationOutcome>(
  enumSpelling(complaintsV1.RectificationOutcome, 'RECTIFICATION_OUTCOME_'),
);

export function toProtoRectification(r: Rectification): complaintsV1.Rectification {
  return {
    id: r.id,
    tenant: r.tenant,
    ratingId: r.ratingId,
    subject: ratingSubject.toProto(r.subject),
    caseId: r.caseId,
    caseNumber: r.caseNumber,
    visitId: r.visitId,
    itemName: r.itemName,
    department: r.department,
    windowId: r.windowId,
    level: r.level as number as complaintsV1.RatingLevel,
    reason: r.reason,
    channel: ratingChannel.toProto(r.channel),
    realName: r.realName,
    raterName: r.raterName,
    ratedAt: r.ratedAt,
    status: rectificationStatus.toProto(r.status),
    handler: r.handler,
    handlerName: r.handlerName,
    deadline: r.deadline,
    callBacks: r.callBacks.map((c) => ({ at: c.at, by: c.by, reached: c.reached, notes: c.notes })),
    outcome: rectificationOutcome.toProto(r.outcome),
    outcomeText: r.outcomeText,
    fixBy: r.fixBy,
    concludedAt: r.concludedAt,
    appealDecision: r.appealDecision ? { ...r.appealDecision } : undefined,
    raterToldAt: r.raterToldAt,
    overdue: r.overdue,
    version: r.version,
    openedAt: r.openedAt,
    closedAt: r.closedAt,
  };
}

export function toProtoReply(r: RectificationReply): complaintsV1.RectificationReply {
  return {
    status: rectificationStatus.toProto(r.status),
    outcome: rectificationOutcome.toProto(r.outcome),
    text: r.text,
    fixBy: r.fixBy,
    closedAt: r.closedAt,
  };
}
