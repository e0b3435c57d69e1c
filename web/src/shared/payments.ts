import { formatYuan, MoneyError, parseYuan } from '@govhall/money/fen';
import type { CasePayment, CollectionQuery, MismatchKind, NoticeState, RefundState } from '../api/types';

/*
 * 收缴分离 (ADR 0059) as people read it: the notice's states, the amounts in yuan from integer fen (exact, never
 * fen / 100), and what the applicant is told about paying. Staff never mark a notice paid: only the bank's
 * confirmation does, so a registered slip reads 待银行确认.
 */

/** The notice's state in the applicant's and the clerk's words. */
export const NOTICE_STATE: Readonly<Record<NoticeState, string>> = {
  assessing: '核定中',
  issued: '待缴费',
  slip_registered: '待银行确认',
  paid: '已缴费',
  waived: '免缴',
  cancelled: '已作废',
};

/** Tag colour: orange while the applicant must pay, blue while the bank is to confirm, green paid. */
export const NOTICE_STATE_COLOR: Readonly<Record<NoticeState, string>> = {
  assessing: 'blue',
  issued: 'orange',
  slip_registered: 'blue',
  paid: 'green',
  waived: 'green',
  cancelled: 'default',
};

/** The case's payment state (REST case `payment.state`) in the same words. */
export const CASE_PAYMENT_STATE: Readonly<Record<CasePayment['state'], string>> = {
  due: '待缴费',
  paid: '已缴费',
  waived: '免缴',
  cancelled: '已作废',
};

export const FEE_CATEGORY: Readonly<Record<string, string>> = {
  administrative: '行政性收费',
  institutional: '事业性收费',
  tax: '税',
  other: '其他',
};

/** 123456 → "1,234.56元"; an amount the API should never send shows as a dash rather than a wrong figure. */
export function yuan(fen: number): string {
  try {
    return formatYuan(fen);
  } catch {
    return '—';
  }
}

/**
 * An amount typed in yuan ("12.5") as integer fen, or the message to show at its field (`what` names it). Empty text
 * is no amount.
 */
export function fenOfYuanText(text: string | undefined, what = '减收金额'): { fen?: number; error?: string } {
  const t = (text ?? '').trim();
  if (!t) return {};
  try {
    return { fen: parseYuan(t, what) };
  } catch (e) {
    return { error: e instanceof MoneyError ? e.message : `${what}必须是以元为单位的数字，如 12.50` };
  }
}

/** A refund's state as finance reads it: asked, approved and sent to the bank, paid back, refused. */
export const REFUND_STATE: Readonly<Record<RefundState, string>> = {
  requested: '待审核',
  approved: '已批准退款中',
  refunded: '已退款',
  rejected: '未批准',
};

export const REFUND_STATE_COLOR: Readonly<Record<RefundState, string>> = {
  requested: 'orange',
  approved: 'blue',
  refunded: 'green',
  rejected: 'default',
};

/** 收费统计's groupings. */
export const REPORT_GROUP: Readonly<Record<NonNullable<CollectionQuery['groupBy']>, string>> = {
  department: '按执收部门',
  category: '按收费类别',
  department_and_category: '按部门和类别',
};

/** How the applicant pays: never to the center, always at the bank (收缴分离). */
export const HOW_TO_PAY =
  '政务服务中心不收取现金和转账。请持缴款通知书到收款银行柜台缴款，或在收款银行的网上缴费页面输入缴款码缴款；' +
  '银行确认到账后，本页显示“已缴费”，并可下载缴费凭证（票据）。';

/** A reconciliation mismatch's kind as the finance reconciler reads it (docs/bank-protocol.md, "Statement file"). */
export const MISMATCH_KIND: Readonly<Record<MismatchKind, string>> = {
  amount: '金额不符',
  unknown_payment_code: '缴款码不存在',
  paid_not_confirmed: '已缴款未确认（已按对账单确认缴款）',
  confirmed_not_on_statement: '已确认未入账',
  fee_outside_center: '中心外收费',
  slip_unconfirmed: '缴费回执未到账',
};
