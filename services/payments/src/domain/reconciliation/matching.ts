import { chinaDate } from '@govhall/identifiers';
import { formatYuan } from '@govhall/money';
import { PAYABLE, type Notice, type NoticeChange, type Payment } from '../notices/notice';
import { mismatchId, type Mismatch, type MismatchKind } from './mismatch';
import type { StatementLine } from './statement-file';

/** The tenant's fee register as the matching reads it: its codes and their owning departments (P4, P11). */
export interface RegisterCodes {
  collectingUnitCodes: ReadonlyMap<string, string>;
  revenueCodes: ReadonlyMap<string, string>;
}

export interface MatchInput {
  tenant: string;
  statementId: string;
  settlementDate: string;
  lines: readonly StatementLine[];
  /** The notices of the statement's payment codes that exist (any tenant: another tenant's is not this one's). */
  noticesByCode: ReadonlyMap<string, Notice>;
  register: RegisterCodes;
  /** The tenant's notices paid on the settlement date (China time). */
  paidThatDay: readonly Notice[];
  /** The tenant's notices with a registered slip, still unpaid, whose deadline is on or before the settlement date. */
  slipsDue: readonly Notice[];
  now: Date;
}

export interface MatchResult {
  mismatches: Mismatch[];
  /** Notices the statement shows paid without the bank's callback: marked paid (source reconciliation). */
  paid: { change: NoticeChange; expectedVersion: number }[];
  /** Payment codes whose lines matched a notice paid by callback, exactly. */
  matchedCount: number;
}

/** The channel recorded on a payment the reconciliation confirmed. */
export const STATEMENT_CHANNEL = 'statement';

const yuan = (fen: number): string => formatYuan(fen);

function sumByRevenue(entries: readonly { revenueCode: string; amountFen: number }[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const e of entries) if (e.amountFen > 0) sums.set(e.revenueCode, (sums.get(e.revenueCode) ?? 0) + e.amountFen);
  return sums;
}

/** The first revenue code whose amounts differ between the notice and the statement, or undefined. */
function differingRevenue(notice: Notice, lines: readonly StatementLine[]): string | undefined {
  const want = sumByRevenue(notice.lines);
  const got = sumByRevenue(lines);
  for (const code of new Set([...want.keys(), ...got.keys()])) {
    if ((want.get(code) ?? 0) !== (got.get(code) ?? 0)) return code;
  }
  return undefined;
}

/**
 * A day's statement matched to the notices (no I/O): every payment code's lines by (缴款码, 收入项目编码) against its
 * notice; codes no notice has (unknown, or fees collected outside the center when the codes are the tenant's); notices
 * on the statement without the bank's callback (marked paid here); notices confirmed that day but not on it; slips
 * registered and never paid by their deadline. Refund lines are not matched (refunds are confirmed by callback).
 */
export function matchStatement(input: MatchInput): MatchResult {
  const { tenant, now } = input;
  const found: Mismatch[] = [];
  const paid: MatchResult['paid'] = [];
  let matchedCount = 0;
  const base = (kind: MismatchKind, subject: string, first?: StatementLine): Mismatch => ({
    id: mismatchId(tenant, kind, subject),
    tenant,
    statementId: input.statementId,
    settlementDate: input.settlementDate,
    kind,
    paymentCode: first?.paymentCode ?? '',
    noticeId: '',
    noticeNumber: '',
    caseId: '',
    caseNumber: '',
    lineNumbers: [],
    bankTxnId: first?.bankTxnId ?? '',
    collectingUnitCode: first?.collectingUnitCode ?? '',
    revenueCode: first?.revenueCode ?? '',
    department: '',
    expectedFen: 0,
    statementFen: 0,
    detail: '',
    state: 'open',
    resolutionNote: '',
    resolvedBy: '',
    foundAt: now,
    version: 1,
  });
  const ofNotice = (n: Notice) => ({
    noticeId: n.id,
    noticeNumber: n.number ?? '',
    caseId: n.caseId,
    caseNumber: n.caseNumber,
    paymentCode: n.paymentCode ?? '',
    expectedFen: n.totalFen,
  });

  const groups = new Map<string, StatementLine[]>();
  for (const line of input.lines) {
    if (line.type !== 'payment') continue;
    groups.set(line.paymentCode, [...(groups.get(line.paymentCode) ?? []), line]);
  }

  for (const [code, lines] of groups) {
    const first = lines[0]!;
    const onStatement = {
      lineNumbers: lines.map((l) => l.lineNumber),
      statementFen: lines.reduce((s, l) => s + l.amountFen, 0),
    };
    const candidate = input.noticesByCode.get(code);
    const notice = candidate && candidate.tenant === tenant && candidate.number ? candidate : undefined;
    if (!notice) {
      const owned = lines
        .map((l) => ({
          line: l,
          department:
            input.register.revenueCodes.get(l.revenueCode) ??
            input.register.collectingUnitCodes.get(l.collectingUnitCode),
        }))
        .find((o) => o.department !== undefined);
      if (owned) {
        found.push({
          ...base('fee_outside_center', code, owned.line),
          ...onStatement,
          department: owned.department!,
          detail: `缴款码${code}不对应本中心的任何缴款通知书，但其执收单位编码/收入项目编码属于本地收费项目（${owned.department}），疑似在中心外收费，金额${yuan(onStatement.statementFen)}`,
        });
      } else {
        found.push({
          ...base('unknown_payment_code', code, first),
          ...onStatement,
          detail: `缴款码${code}不对应本中心的任何缴款通知书，金额${yuan(onStatement.statementFen)}`,
        });
      }
      continue;
    }
    const differs = differingRevenue(notice, lines);
    if (differs !== undefined || onStatement.statementFen !== notice.totalFen) {
      found.push({
        ...base('amount', code, lines.find((l) => l.revenueCode === differs) ?? first),
        ...onStatement,
        ...ofNotice(notice),
        revenueCode: differs ?? first.revenueCode,
        detail: `缴款通知书${notice.number}应缴${yuan(notice.totalFen)}，对账单为${yuan(onStatement.statementFen)}${differs ? `（收入项目编码${differs}金额不符）` : ''}`,
      });
      continue;
    }
    if (notice.state === 'paid' && notice.payment?.source !== 'reconciliation') {
      matchedCount += 1;
      continue;
    }
    const unconfirmed = {
      ...base('paid_not_confirmed', code, first),
      ...onStatement,
      ...ofNotice(notice),
    };
    if (notice.state === 'paid') {
      // Marked paid by an earlier import of this payment: found again, nothing to change.
      found.push({
        ...unconfirmed,
        detail: `对账单显示已缴款${yuan(notice.totalFen)}，但未收到银行的缴款确认；已据对账单确认缴款`,
      });
    } else if (PAYABLE.includes(notice.state)) {
      const payment: Payment = {
        source: 'reconciliation',
        channel: STATEMENT_CHANNEL,
        bankTxnId: first.bankTxnId,
        paidAt: first.paidAt,
        receiptCode: '',
        receiptNumber: first.receiptNumber,
        confirmedAt: now,
      };
      const next: Notice = { ...notice, state: 'paid', payment, updatedAt: now };
      paid.push({
        change: { notice: next, events: [{ type: 'NoticePaid', notice: next }] },
        expectedVersion: notice.version,
      });
      found.push({
        ...unconfirmed,
        detail: `对账单显示已缴款${yuan(notice.totalFen)}，但未收到银行的缴款确认；已据对账单确认缴款`,
      });
    } else {
      found.push({
        ...unconfirmed,
        detail: `对账单显示已缴款${yuan(notice.totalFen)}，但该缴款通知书的状态不可缴款（${notice.state}），未确认缴款，请核实是否需要退款`,
      });
    }
  }

  for (const n of input.paidThatDay) {
    if (n.tenant !== tenant || !n.payment || n.payment.source !== 'bank_callback') continue;
    if (chinaDate(n.payment.paidAt) !== input.settlementDate || groups.has(n.paymentCode ?? '')) continue;
    found.push({
      ...base('confirmed_not_on_statement', n.id),
      ...ofNotice(n),
      bankTxnId: n.payment.bankTxnId,
      detail: `缴款通知书${n.number}已于${input.settlementDate}收到银行缴款确认（流水号${n.payment.bankTxnId}，${yuan(n.totalFen)}），但对账单中没有该笔缴款`,
    });
  }

  for (const n of input.slipsDue) {
    if (n.tenant !== tenant || n.state !== 'slip_registered' || groups.has(n.paymentCode ?? '')) continue;
    if (!n.deadline || n.deadline > input.settlementDate) continue;
    found.push({
      ...base('slip_unconfirmed', n.id),
      ...ofNotice(n),
      detail: `缴款通知书${n.number}已于${chinaDate(n.slip!.registeredAt)}登记缴费回执（${n.slip!.slipNumber}），截至缴款期限${n.deadline}银行对账单中仍无该笔缴款`,
    });
  }

  return { mismatches: found, paid, matchedCount };
}
