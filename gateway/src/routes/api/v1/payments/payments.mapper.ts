import type { paymentsV1 } from '@govhall/proto';
import { feeCategory, noticeState, paymentSource, reductionKind, refundState } from './payments.enums';
import type { AssessBody, FeeItem, Notice, PutFeeItemBody } from './payments.schemas';

export function feeItemToRest(i: paymentsV1.FeeItem): FeeItem {
  const { updatedAt, category, ...rest } = i;
  return {
    ...rest,
    category: feeCategory.fromProto(category),
    ...(updatedAt ? { updatedAt: updatedAt.toISOString() } : {}),
  };
}

export function feeItemToProto(tenant: string, code: string, b: PutFeeItemBody): paymentsV1.FeeItem {
  const { expectedVersion: _version, category, ...fields } = b;
  return {
    ...fields,
    tenant,
    code,
    category: feeCategory.toProto(category),
    version: 0,
    updatedAt: undefined,
    updatedBy: '',
  };
}

export function noticeToRest(n: paymentsV1.Notice): Notice {
  return {
    id: n.id,
    tenant: n.tenant,
    caseId: n.caseId,
    caseNumber: n.caseNumber,
    itemName: n.itemName,
    state: noticeState.fromProto(n.state),
    number: n.number,
    paymentCode: n.paymentCode,
    payerName: n.payerName,
    collectingBody: n.collectingBody,
    collectingBodyCode: n.collectingBodyCode,
    lines: n.lines.map((l) => ({
      ...l,
      category: feeCategory.fromProto(l.category),
      reductions: l.reductions.map((r) => ({ ...r, kind: reductionKind.fromProto(r.kind) })),
    })),
    parts: n.parts.map((p) => ({
      department: p.department,
      assessedBy: p.assessedBy,
      ...(p.assessedAt ? { assessedAt: p.assessedAt.toISOString() } : {}),
    })),
    totalFen: n.totalFen,
    totalCapitals: n.totalCapitals,
    deadline: n.deadline,
    ...(n.issuedAt ? { issuedAt: n.issuedAt.toISOString() } : {}),
    ...(n.slip
      ? {
          slip: {
            slipNumber: n.slip.slipNumber,
            registeredBy: n.slip.registeredBy,
            ...(n.slip.registeredAt ? { registeredAt: n.slip.registeredAt.toISOString() } : {}),
          },
        }
      : {}),
    ...(n.payment
      ? {
          payment: {
            source: paymentSource.fromProto(n.payment.source),
            channel: n.payment.channel,
            bankTxnId: n.payment.bankTxnId,
            receiptCode: n.payment.receiptCode,
            receiptNumber: n.payment.receiptNumber,
            ...(n.payment.paidAt ? { paidAt: n.payment.paidAt.toISOString() } : {}),
            ...(n.payment.confirmedAt ? { confirmedAt: n.payment.confirmedAt.toISOString() } : {}),
          },
        }
      : {}),
    refunds: n.refunds.map(refundToRest),
    version: n.version,
    ...(n.createdAt ? { createdAt: n.createdAt.toISOString() } : {}),
    ...(n.updatedAt ? { updatedAt: n.updatedAt.toISOString() } : {}),
  };
}

export function assessmentToRest(a: paymentsV1.GetAssessmentResponse) {
  return {
    caseId: a.caseId,
    caseNumber: a.caseNumber,
    itemName: a.itemName,
    lines: a.lines.map((l) => ({ ...l, category: feeCategory.fromProto(l.category) })),
    ...(a.notice ? { notice: noticeToRest(a.notice) } : {}),
  };
}

export function assessedLinesToProto(lines: AssessBody['lines']): paymentsV1.AssessedLine[] {
  return lines.map((l) => ({
    feeCode: l.feeCode,
    quantity: l.quantity,
    reductions: l.reductions.map((r) => ({
      kind: reductionKind.toProto(r.kind),
      amountFen: r.amountFen ?? 0,
      legalBasis: r.legalBasis,
    })),
  }));
}

const iso = (d: Date | undefined, name: string) => (d ? { [name]: d.toISOString() } : {});

export function refundToRest(r: paymentsV1.Refund) {
  return {
    id: r.id,
    amountFen: r.amountFen,
    reason: r.reason,
    state: refundState.fromProto(r.state),
    requestedBy: r.requestedBy,
    ...iso(r.requestedAt, 'requestedAt'),
    decidedBy: r.decidedBy,
    ...iso(r.decidedAt, 'decidedAt'),
    rejectReason: r.rejectReason,
    bankRefundTxnId: r.bankRefundTxnId,
    ...iso(r.refundedAt, 'refundedAt'),
    ...iso(r.instructedAt, 'instructedAt'),
  };
}
