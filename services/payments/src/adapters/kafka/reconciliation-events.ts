import type { Principal } from '@govhall/auth';
import { actorFromPrincipal, buildEnvelope, toOutboxMessage, type OutboxMessage } from '@govhall/kafka';
import { paymentsV1 } from '@govhall/proto';
import type { Mismatch } from '../../domain/reconciliation/mismatch';
import type { Statement } from '../../usecases/reconciliation/reconciliation.ports';
import { toProtoMismatch, toProtoStatement } from '../grpc/reconciliation.mapper';

/** Topic of the reconciliation; key = the statement id. Listed in deploy/kafka/topics.txt. */
export const RECONCILIATION_TOPIC = 'govhall.payments.reconciliation';

export function toStatementOutbox(s: Statement, actor: Principal): OutboxMessage[] {
  return [
    toOutboxMessage(
      RECONCILIATION_TOPIC,
      buildEnvelope({
        type: 'govhall.payments.v1.StatementImported',
        codec: paymentsV1.StatementImported,
        payload: { statement: toProtoStatement(s) },
        tenant: s.tenant,
        aggregateId: s.id,
        aggregateVersion: 1,
        actor: actorFromPrincipal(actor),
        occurredAt: s.importedAt,
      }),
    ),
  ];
}

export function toMismatchOutbox(
  m: Mismatch,
  type: 'MismatchFound' | 'MismatchResolved',
  actor: Principal,
): OutboxMessage[] {
  const common = {
    payload: { mismatch: toProtoMismatch(m) },
    tenant: m.tenant,
    // Keyed by the statement that found it: a statement's events stay in order.
    aggregateId: m.statementId,
    aggregateVersion: m.version,
    actor: actorFromPrincipal(actor),
    occurredAt: m.resolvedAt ?? m.foundAt,
  };
  const envelope =
    type === 'MismatchFound'
      ? buildEnvelope({ ...common, type: 'govhall.payments.v1.MismatchFound', codec: paymentsV1.MismatchFound })
      : buildEnvelope({ ...common, type: 'govhall.payments.v1.MismatchResolved', codec: paymentsV1.MismatchResolved });
  return [toOutboxMessage(RECONCILIATION_TOPIC, envelope)];
}
