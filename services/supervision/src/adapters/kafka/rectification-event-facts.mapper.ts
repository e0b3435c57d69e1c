import type { ReceivedEvent } from '@govhall/kafka';
import { complaintsV1 } from '@govhall/proto';
import type { RectificationOverdueFacts } from '../../domain/violations/rectification-violation-detectors';

/** What the detector reads of a RectificationOverdue envelope (its payload decoded). */
export function rectificationOverdueFacts({ envelope }: Pick<ReceivedEvent, 'envelope'>): RectificationOverdueFacts {
  const r = complaintsV1.RectificationOverdue.decode(envelope.payload).rectification;
  return {
    eventId: envelope.id,
    occurredAt: envelope.occurredAt ?? new Date(0),
    tenant: r?.tenant || envelope.tenant,
    rectificationId: r?.id ?? '',
    subject: r?.subject === complaintsV1.RatingSubject.RATING_SUBJECT_VISIT ? 'visit' : 'case',
    caseId: r?.caseId ?? '',
    caseNumber: r?.caseNumber ?? '',
    itemName: r?.itemName ?? '',
    department: r?.department ?? '',
    windowId: r?.windowId ?? '',
    level: r?.level ?? 0,
    ratedAt: r?.ratedAt,
    deadline: r?.deadline ?? '',
    handler: r?.handler ?? '',
    handlerName: r?.handlerName ?? '',
    appealed: r?.status === complaintsV1.RectificationStatus.RECTIFICATION_STATUS_APPEALED,
  };
}
