import { complaintsV1 } from '@govhall/proto';
import { LEVEL_NAMES, ratingChannel } from './ratings.enums';

/** What a rating and its rectification both say of the rated service and the rating, proto → REST. */
type RatedProto = Pick<
  complaintsV1.Rating,
  | 'subject'
  | 'visitId'
  | 'caseId'
  | 'caseNumber'
  | 'itemName'
  | 'department'
  | 'windowId'
  | 'level'
  | 'reason'
  | 'channel'
  | 'realName'
  | 'raterName'
  | 'ratedAt'
>;

export function ratedToRest(r: RatedProto) {
  return {
    subject: r.subject === complaintsV1.RatingSubject.RATING_SUBJECT_VISIT ? ('visit' as const) : ('case' as const),
    visitId: r.visitId,
    caseId: r.caseId,
    caseNumber: r.caseNumber,
    itemName: r.itemName,
    department: r.department,
    windowId: r.windowId,
    level: r.level,
    levelName: LEVEL_NAMES[r.level] ?? '',
    reason: r.reason,
    channel: ratingChannel.fromProto(r.channel) || ('online' as const),
    realName: r.realName,
    raterName: r.raterName,
    ratedAt: (r.ratedAt ?? new Date(0)).toISOString(),
  };
}
