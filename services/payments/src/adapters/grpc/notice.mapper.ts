import { enumCodec, enumSpelling, paymentsV1 } from '@govhall/proto';
import { maskName } from '@govhall/identifiers';
import type { FeeCategory, FeeItem, FeeItemInput } from '../../domain/fee-items/fee-item';
import type { AssessedLineInput } from '../../domain/notices/assessment';
import type { Notice, NoticeLine, NoticeState, Reduction } from '../../domain/notices/notice';
import type { Refund, RefundState } from '../../domain/refunds/refund';
import type { Assessment } from '../../usecases/assessment/get-assessment.usecase';

export const noticeState = enumCodec<NoticeState, paymentsV1.NoticeState>(
  enumSpelling(paymentsV1.NoticeState, 'NOTICE_STATE_'),
);
export const feeCategory = enumCodec<FeeCategory, paymentsV1.FeeCategory>(
  enumSpelling(paymentsV1.FeeCategory, 'FEE_CATEGORY_'),
);
const reductionKind = enumCodec<Reduction['kind'], paymentsV1.Reduction_Kind>(
  enumSpelling(paymentsV1.Reduction_Kind, 'KIND_'),
);
export const refundState = enumCodec<RefundState, paymentsV1.RefundState>(
  enumSpelling(paymentsV1.RefundState, 'REFUND_STATE_'),
);
const paymentSource = enumCodec<'bank_callback' | 'reconciliation', paymentsV1.PaymentSource>(
  enumSpelling(paymentsV1.PaymentSource, 'PAYMENT_SOURCE_'),
);

export function toProtoFeeItem(i: FeeItem): paymentsV1.FeeItem {
  return { ...i, category: feeCategory.toProto(i.category) };
}

export function fromProtoFeeItem(i: paymentsV1.FeeItem | undefined): FeeItemInput {
  return {
    tenant: i?.tenant ?? '',
    code: i?.code ?? '',
    name: i?.name ?? '',
    legalBasis: i?.legalBasis ?? '',
    category: feeCategory.fromProto(i?.category ?? 0),
    department: i?.department ?? '',
    collectingUnitCode: i?.collectingUnitCode ?? '',
    revenueCode: i?.revenueCode ?? '',
    standardFen: i?.standardFen ?? 0,
    unit: i?.unit ?? '',
    formula: i?.formula ?? '',
    active: i?.active ?? false,
  };
}

function toProtoReduction(r: Reduction): paymentsV1.Reduction {
  return { kind: reductionKind.toProto(r.kind), amountFen: r.amountFen, legalBasis: r.legalBasis };
}

function toProtoLine(l: NoticeLine): paymentsV1.NoticeLine {
  return { ...l, category: feeCategory.toProto(l.category), reductions: l.reductions.map(toProtoReduction) };
}

/** The notice as callers read it; `masked` for events and lists others may see (the payer's name masked). */
export function toProtoNotice(n: Notice, masked = false): paymentsV1.Notice {
  return {
    id: n.id,
    tenant: n.tenant,
    caseId: n.caseId,
    caseNumber: n.caseNumber,
    itemName: n.itemName,
    state: noticeState.toProto(n.state),
    number: n.number ?? '',
    paymentCode: n.paymentCode ?? '',
    payerName: masked ? maskName(n.payerName) : n.payerName,
    collectingBody: n.collectingBody,
    collectingBodyCode: n.collectingBodyCode,
    lines: n.lines.map(toProtoLine),
    parts: n.parts.map((p) => ({ department: p.department, assessedBy: p.assessedBy ?? '', assessedAt: p.assessedAt })),
    totalFen: n.totalFen,
    totalCapitals: n.totalCapitals ?? '',
    deadline: n.deadline ?? '',
    issuedAt: n.issuedAt,
    slip: n.slip,
    payment: n.payment ? { ...n.payment, source: paymentSource.toProto(n.payment.source) } : undefined,
    version: n.version,
    createdAt: n.createdAt,
    updatedAt: n.updatedAt,
    refunds: n.refunds.map(toProtoRefund),
  };
}

export function toProtoRefund(r: Refund): paymentsV1.Refund {
  return {
    id: r.id,
    amountFen: r.amountFen,
    reason: r.reason,
    state: refundState.toProto(r.state),
    requestedBy: r.requestedBy,
    requestedAt: r.requestedAt,
    decidedBy: r.decidedBy ?? '',
    decidedAt: r.decidedAt,
    rejectReason: r.rejectReason ?? '',
    bankRefundTxnId: r.bankRefundTxnId ?? '',
    refundedAt: r.refundedAt,
    instructedAt: r.instructedAt,
  };
}

export function fromProtoAssessedLines(lines: paymentsV1.AssessedLine[]): AssessedLineInput[] {
  return lines.map((l) => ({
    feeCode: l.feeCode,
    quantity: l.quantity,
    reductions: l.reductions.map((r) => ({
      kind: reductionKind.fromProto(r.kind),
      amountFen: r.amountFen,
      legalBasis: r.legalBasis,
    })),
  }));
}

export function toProtoAssessment(a: Assessment): paymentsV1.GetAssessmentResponse {
  return {
    caseId: a.caseId,
    caseNumber: a.caseNumber,
    itemName: a.itemName,
    lines: a.lines.map((l) => ({
      feeCode: l.feeCode,
      name: l.name,
      category: feeCategory.toProto(l.category),
      department: l.department,
      legalBasis: l.legalBasis,
      standardFen: l.standardFen,
      unit: l.unit,
      formula: l.formula,
      formulaFen: l.formulaFen ?? 0,
      formulaProblem: l.formulaProblem ?? '',
      reductionsNote: l.reductionsNote,
      mine: l.mine,
    })),
    notice: a.notice ? toProtoNotice(a.notice) : undefined,
  };
}
