import { randomInt } from 'node:crypto';
import iconv from 'iconv-lite';
import type { StoredRefund } from './refund-store';
import type { StoredTransaction } from './store';

/** The statement's header (docs/bank-protocol.md, "Statement file"). */
export const STATEMENT_HEADER = [
  '清算日期',
  '银行流水号',
  '交易类型',
  '缴款码',
  '执收单位编码',
  '收入项目编码',
  '缴款人',
  '金额',
  '交易时间',
  '票据号码',
] as const;

/** Test and demo controls (STAND_IN_CONTROLS=1) that make the day's file disagree with GovHall on purpose. */
export interface StatementControls {
  /** Leave this payment code's lines out (GovHall: CONFIRMED_NOT_ON_STATEMENT). */
  drop?: string;
  /** Add 1 fen to this payment code's first line (AMOUNT). */
  shift?: string;
  /** A line for a payment taken outside the center under these codes (FEE_OUTSIDE_CENTER). */
  outside?: { collectingUnitCode: string; revenueCode: string };
}

const CHINA_MS = 8 * 3_600_000;
/** 2026-12-05T02:03:04Z → 2026-12-05 10:03:04 (China Standard Time). */
export function chinaTime(iso: string): string {
  return new Date(Date.parse(iso) + CHINA_MS).toISOString().slice(0, 19).replace('T', ' ');
}
const chinaDay = (iso: string) => chinaTime(iso).slice(0, 10);

/** Integer fen as yuan with two decimals, without floating point. */
export function yuan(fen: number): string {
  return `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The day's statement (对账单) as the bank sends it: one line per payment and revenue item taken on `date` (China
 * time) whatever became of its callback, one per refund paid back that day, GB18030 with CRLF.
 */
export function statementFile(
  date: string,
  transactions: readonly StoredTransaction[],
  refunds: readonly StoredRefund[],
  controls: StatementControls = {},
): Buffer {
  const rows: string[][] = [];
  for (const tx of [...transactions].reverse()) {
    if (chinaDay(tx.paidAt) !== date || tx.paymentCode === controls.drop) continue;
    const lines =
      tx.lines && tx.lines.length > 0
        ? tx.lines
        : [{ collectingUnitCode: '', revenueCode: '', amountFen: tx.amountFen }];
    lines.forEach((l, i) => {
      const fen = l.amountFen + (i === 0 && tx.paymentCode === controls.shift ? 1 : 0);
      rows.push([
        date,
        tx.bankTxnId,
        '缴款',
        tx.paymentCode,
        l.collectingUnitCode,
        l.revenueCode,
        tx.payerName ?? '',
        yuan(fen),
        chinaTime(tx.paidAt),
        tx.receiptNumber,
      ]);
    });
  }
  for (const r of [...refunds].reverse()) {
    if (chinaDay(r.refundedAt) !== date) continue;
    const paid = transactions.find((t) => t.bankTxnId === r.bankTxnId);
    const first = paid?.lines?.[0];
    rows.push([
      date,
      r.refundTxnId,
      '退款',
      r.paymentCode,
      first?.collectingUnitCode ?? '',
      first?.revenueCode ?? '',
      paid?.payerName ?? '',
      yuan(r.amountFen),
      chinaTime(r.refundedAt),
      '',
    ]);
  }
  if (controls.outside) {
    rows.push([
      date,
      `OUT${date.replace(/-/g, '')}${String(randomInt(0, 1_000_000)).padStart(6, '0')}`,
      '缴款',
      String(randomInt(10 ** 9, 10 ** 10 - 1)).padStart(20, '9'),
      controls.outside.collectingUnitCode,
      controls.outside.revenueCode,
      '王*五',
      '100.00',
      `${date} 10:00:00`,
      '',
    ]);
  }
  const text = [[...STATEMENT_HEADER], ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
  return iconv.encode(text, 'gb18030');
}
