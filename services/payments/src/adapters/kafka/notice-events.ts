import type { Principal } from '@govhall/auth';
import { actorFromPrincipal, buildEnvelope, systemActor, toOutboxMessage, type OutboxMessage } from '@govhall/kafka';
import { paymentsV1 } from '@govhall/proto';
import type { FeeItem } from '../../domain/fee-items/fee-item';
import type { Notice, NoticeEvent } from '../../domain/notices/notice';
import { toProtoFeeItem, toProtoNotice } from '../grpc/notice.mapper';

/** Topic of the notice stream; key = notice id. Listed in deploy/kafka/topics.txt. */
export const NOTICE_TOPIC = 'govhall.payments.notice';
/** Topic of the fee register; key = "<tenant>:<code>". */
export const FEE_ITEM_TOPIC = 'govhall.payments.fee-item';

function envelopeOf(notice: Notice, event: NoticeEvent, actor?: Principal) {
  const common = {
    tenant: notice.tenant,
    aggregateId: notice.id,
    aggregateVersion: notice.version,
    // Without a principal the service acts on a bank's verified message.
    actor: actor ? actorFromPrincipal(actor) : systemActor('payments'),
    occurredAt: notice.updatedAt,
  };
  // Events carry the payer's name masked, never an ID number or a phone number.
  const n = toProtoNotice(notice, true);
  switch (event.type) {
    case 'NoticeAssessed':
      return buildEnvelope({
        ...common,
        type: 'govhall.payments.v1.NoticeAssessed',
        codec: paymentsV1.NoticeAssessed,
        payload: { notice: n, department: event.department },
      });
    case 'NoticeIssued':
      return buildEnvelope({
        ...common,
        type: 'govhall.payments.v1.NoticeIssued',
        codec: paymentsV1.NoticeIssued,
        payload: { notice: n },
      });
    case 'NoticeWaived':
      return buildEnvelope({
        ...common,
        type: 'govhall.payments.v1.NoticeWaived',
        codec: paymentsV1.NoticeWaived,
        payload: { notice: n },
      });
    case 'SlipRegistered':
      return buildEnvelope({
        ...common,
        type: 'govhall.payments.v1.SlipRegistered',
        codec: paymentsV1.SlipRegistered,
        payload: { notice: n },
      });
    case 'NoticePaid':
      return buildEnvelope({
        ...common,
        type: 'govhall.payments.v1.NoticePaid',
        codec: paymentsV1.NoticePaid,
        payload: { notice: n },
      });
    case 'NoticeCancelled':
      return buildEnvelope({
        ...common,
        type: 'govhall.payments.v1.NoticeCancelled',
        codec: paymentsV1.NoticeCancelled,
        payload: { notice: n },
      });
    case 'StaffMarkPaidRefused':
      return buildEnvelope({
        ...common,
        type: 'govhall.payments.v1.StaffMarkPaidRefused',
        codec: paymentsV1.StaffMarkPaidRefused,
        payload: {
          notice: n,
          actor: event.actor,
          roles: event.roles,
          department: event.department,
          attempt: event.attempt,
          reason: event.reason,
        },
      });
    case 'RefundRequested':
      return buildEnvelope({
        ...common,
        type: 'govhall.payments.v1.RefundRequested',
        codec: paymentsV1.RefundRequested,
        payload: { notice: n, refundId: event.refundId },
      });
    case 'RefundApproved':
      return buildEnvelope({
        ...common,
        type: 'govhall.payments.v1.RefundApproved',
        codec: paymentsV1.RefundApproved,
        payload: { notice: n, refundId: event.refundId },
      });
    case 'RefundRejected':
      return buildEnvelope({
        ...common,
        type: 'govhall.payments.v1.RefundRejected',
        codec: paymentsV1.RefundRejected,
        payload: { notice: n, refundId: event.refundId },
      });
    case 'RefundPaid':
      return buildEnvelope({
        ...common,
        type: 'govhall.payments.v1.RefundPaid',
        codec: paymentsV1.RefundPaid,
        payload: { notice: n, refundId: event.refundId },
      });
  }
}

/** The notice's events as outbox messages in the shared envelope. */
export function toNoticeOutbox(events: readonly NoticeEvent[], actor?: Principal): OutboxMessage[] {
  return events.map((e) => toOutboxMessage(NOTICE_TOPIC, envelopeOf(e.notice, e, actor)));
}

export function toFeeItemOutbox(item: FeeItem, actor: Principal): OutboxMessage[] {
  return [
    toOutboxMessage(
      FEE_ITEM_TOPIC,
      buildEnvelope({
        type: 'govhall.payments.v1.FeeItemPut',
        codec: paymentsV1.FeeItemPut,
        payload: { item: toProtoFeeItem(item) },
        tenant: item.tenant,
        aggregateId: `${item.tenant}:${item.code}`,
        aggregateVersion: item.version,
        actor: actorFromPrincipal(actor),
        occurredAt: item.updatedAt,
      }),
    ),
  ];
}
