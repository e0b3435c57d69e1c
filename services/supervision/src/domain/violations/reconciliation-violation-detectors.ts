import { chinaDate } from '@govhall/identifiers';
import { formatYuan } from '@govhall/money';
import { evidence, type NewViolation } from './violation';

/** What the detector reads of a MismatchFound event (govhall.payments.reconciliation). */
export interface MismatchFacts {
  eventId: string;
  occurredAt: Date;
  tenant: string;
  /** The payments service's mismatch id, "<tenant>.<kind>.<payment code or notice id>": the violation's id. */
  mismatchId: string;
  kind: 'fee_outside_center' | 'slip_unconfirmed' | 'other';
  settlementDate: string;
  paymentCode: string;
  noticeNumber: string;
  caseId: string;
  caseNumber: string;
  bankTxnId: string;
  collectingUnitCode: string;
  revenueCode: string;
  /** The owning department of the revenue code (fee_outside_center). */
  department: string;
  statementFen: number;
  expectedFen: number;
}

/**
 * The reconciliation's findings supervision records (P3, P4): a fee collected outside the center (a bank statement
 * line for the tenant's revenue codes that matches no notice), and a bank slip registered at the window that no
 * statement confirmed by the notice's deadline. One violation per mismatch, id = the mismatch's, so a replayed event
 * records nothing new. Other kinds are the finance reconciler's, not violations.
 */
export function reconciliationViolations(f: MismatchFacts): NewViolation[] {
  if (!f.mismatchId || !f.tenant) return [];
  const occurredDate = f.settlementDate || chinaDate(f.occurredAt);
  if (f.kind === 'fee_outside_center') {
    return [
      {
        id: f.mismatchId,
        tenant: f.tenant,
        kind: 'fee_outside_center',
        summary: `银行对账单${f.settlementDate}有一笔属于${f.department}收入项目的缴款（${formatYuan(f.statementFen)}），不对应政务服务中心的任何缴款通知书，疑似在中心外收费`,
        evidence: [
          evidence('清算日期', f.settlementDate, f.eventId),
          evidence('缴款码', f.paymentCode, f.eventId),
          evidence('银行流水号', f.bankTxnId, f.eventId),
          evidence('执收单位编码', f.collectingUnitCode, f.eventId),
          evidence('收入项目编码', f.revenueCode, f.eventId),
          evidence('金额', formatYuan(f.statementFen), f.eventId),
        ],
        occurredDate,
        department: f.department,
      },
    ];
  }
  if (f.kind === 'slip_unconfirmed') {
    return [
      {
        id: f.mismatchId,
        tenant: f.tenant,
        kind: 'slip_unconfirmed',
        summary: `办件${f.caseNumber}的缴款通知书${f.noticeNumber}已在窗口登记缴费回执，但截至缴款期限银行对账单中仍无该笔缴款（${formatYuan(f.expectedFen)}）`,
        evidence: [
          evidence('办件编号', f.caseNumber, f.eventId),
          evidence('缴款通知书编号', f.noticeNumber, f.eventId),
          evidence('缴款码', f.paymentCode, f.eventId),
          evidence('应缴金额', formatYuan(f.expectedFen), f.eventId),
          evidence('对账日期', f.settlementDate, f.eventId),
        ],
        occurredDate,
        matterId: f.caseId,
        caseNumber: f.caseNumber,
      },
    ];
  }
  return [];
}
