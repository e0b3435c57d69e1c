import { complaintsV1, enumCodec, enumSpelling } from '@govhall/proto';
import type { RatingInvitation } from '../../domain/ratings/invitation';
import type { Rating, RatingChannel, RatingSubject } from '../../domain/ratings/rating';

export const ratingChannel = enumCodec<RatingChannel, complaintsV1.RatingChannel>(
  enumSpelling(complaintsV1.RatingChannel, 'RATING_CHANNEL_'),
);
export const ratingSubject = enumCodec<RatingSubject, complaintsV1.RatingSubject>(
  enumSpelling(complaintsV1.RatingSubject, 'RATING_SUBJECT_'),
);

/** The proto's levels are the domain's numbers (1 非常不满意 … 5 非常满意). */
export function toProtoRating(r: Rating): complaintsV1.Rating {
  return {
    id: r.id,
    tenant: r.tenant,
    subject: ratingSubject.toProto(r.subject),
    caseId: r.caseId,
    caseNumber: r.caseNumber,
    visitId: r.visitId,
    itemName: r.itemName,
    department: r.department,
    windowId: r.windowId,
    staff: r.staff.map((s) => ({ ...s })),
    level: r.level as number as complaintsV1.RatingLevel,
    reason: r.reason,
    channel: ratingChannel.toProto(r.channel),
    realName: r.realName,
    raterName: r.raterName,
    recordedBy: r.recordedBy,
    ratedAt: r.ratedAt,
    rectificationId: r.rectificationId,
    hasScan: !!r.scan,
    appealUpheld: r.appealUpheld === true,
  };
}

export function toProtoInvitation(i: RatingInvitation): complaintsV1.RatingInvitation {
  return {
    id: i.id,
    tenant: i.tenant,
    windowId: i.windowId,
    windowNumber: i.windowNumber,
    windowName: i.windowName,
    caseId: i.caseId,
    caseNumber: i.caseNumber,
    itemName: i.itemName,
    clerk: i.clerk,
    clerkName: i.clerkName,
    invitedAt: i.invitedAt,
    expiresAt: i.expiresAt,
    ratingId: i.ratingId,
  };
}
