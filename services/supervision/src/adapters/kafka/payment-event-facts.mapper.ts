import type { ReceivedEvent } from '@govhall/kafka';
import { paymentsV1 } from '@govhall/proto';
import type { StaffMarkPaidFacts } from '../../domain/violations/payment-violation-detectors';

/** What the detector reads of a StaffMarkPaidRefused envelope (its payload decoded). */
export function staffMarkPaidFacts({ envelope }: Pick<ReceivedEvent, 'envelope'>): StaffMarkPaidFacts {
  const event = paymentsV1.StaffMarkPaidRefused.decode(envelope.payload);
  const notice = event.notice;
  return {
    eventId: envelope.id,
    occurredAt: envelope.occurredAt ?? new Date(0),
    tenant: notice?.tenant || envelope.tenant,
    caseId: notice?.caseId ?? '',
    caseNumber: notice?.caseNumber ?? '',
    itemName: notice?.itemName ?? '',
    noticeNumber: notice?.number ?? '',
    actor: event.actor,
    roles: event.roles,
    department: event.department,
    attempt: event.attempt,
    reason: event.reason,
  };
}
