import type { ReceivedEvent } from '@govhall/kafka';
import { paymentsV1 } from '@govhall/proto';
import type { MismatchFacts } from '../../domain/violations/reconciliation-violation-detectors';

const KINDS: Partial<Record<paymentsV1.MismatchKind, MismatchFacts['kind']>> = {
  [paymentsV1.MismatchKind.MISMATCH_KIND_FEE_OUTSIDE_CENTER]: 'fee_outside_center',
  [paymentsV1.MismatchKind.MISMATCH_KIND_SLIP_UNCONFIRMED]: 'slip_unconfirmed',
};

/** What the detector reads of a MismatchFound envelope (its payload decoded). */
export function mismatchFacts({ envelope }: Pick<ReceivedEvent, 'envelope'>): MismatchFacts {
  const m = paymentsV1.MismatchFound.decode(envelope.payload).mismatch;
  return {
    eventId: envelope.id,
    occurredAt: envelope.occurredAt ?? new Date(0),
    tenant: m?.tenant || envelope.tenant,
    mismatchId: m?.id ?? '',
    kind: (m && KINDS[m.kind]) ?? 'other',
    settlementDate: m?.settlementDate ?? '',
    paymentCode: m?.paymentCode ?? '',
    noticeNumber: m?.noticeNumber ?? '',
    caseId: m?.caseId ?? '',
    caseNumber: m?.caseNumber ?? '',
    bankTxnId: m?.bankTxnId ?? '',
    collectingUnitCode: m?.collectingUnitCode ?? '',
    revenueCode: m?.revenueCode ?? '',
    department: m?.department ?? '',
    statementFen: Number(m?.statementFen ?? 0),
    expectedFen: Number(m?.expectedFen ?? 0),
  };
}
