import { periodViolations } from '@govhall/calendar';
import { ValidationError } from '@govhall/errors';
import { chinaDate } from '@govhall/identifiers';
import { sumFen } from '@govhall/money';
import type { FeeCategory } from '../fee-items/fee-item';
import type { Notice } from '../notices/notice';

export type ReportGrouping = 'department' | 'category' | 'department_and_category';

/** One group of the report: a department, a category, or both (the other left empty). */
export interface CollectionRow {
  department: string;
  category: FeeCategory | '';
  noticeCount: number;
  lineCount: number;
  amountFen: number;
}

/** 收费统计 of a period (P10): what the paid notices collected, by owner and category, and what was paid back. */
export interface CollectionReport {
  tenant: string;
  from: string;
  to: string;
  rows: CollectionRow[];
  totalFen: number;
  noticeCount: number;
  refundedFen: number;
  refundCount: number;
}

/** The period's dates: real days, `to` not before `from`, at most 366 days. */
export function checkPeriod(from: string, to: string): void {
  const v = periodViolations(from, to);
  if (v.length > 0) throw new ValidationError(v);
}

/** The day the bank took the money (China time), '' for a notice not paid. */
export function paidDay(notice: Notice): string {
  return notice.state === 'paid' && notice.payment ? chinaDate(notice.payment.paidAt) : '';
}

const within = (day: string, from: string, to: string) => day !== '' && day >= from && day <= to;

/**
 * The report over `notices` (those paid in the period, and those with refunds): each paid line counted for its
 * owning department and category (三不变); refunds counted on the day the bank paid them back. Integer fen only.
 */
export function collectionReport(input: {
  tenant: string;
  from: string;
  to: string;
  grouping: ReportGrouping;
  notices: readonly Notice[];
}): CollectionReport {
  const { from, to, grouping } = input;
  const paid = input.notices.filter((n) => within(paidDay(n), from, to));
  const groups = new Map<string, CollectionRow & { notices: Set<string>; amounts: number[] }>();
  for (const notice of paid) {
    for (const line of notice.lines) {
      const department = grouping === 'category' ? '' : line.department;
      const category = grouping === 'department' ? '' : line.category;
      const key = `${department}|${category}`;
      const group = groups.get(key) ?? {
        department,
        category,
        noticeCount: 0,
        lineCount: 0,
        amountFen: 0,
        notices: new Set<string>(),
        amounts: [],
      };
      group.notices.add(notice.id);
      group.lineCount += 1;
      group.amounts.push(line.amountFen);
      groups.set(key, group);
    }
  }
  const rows = [...groups.values()]
    .map(({ notices, amounts, ...row }) => ({ ...row, noticeCount: notices.size, amountFen: sumFen(...amounts) }))
    .sort((a, b) => a.department.localeCompare(b.department) || a.category.localeCompare(b.category));
  const refunds = input.notices.flatMap((n) =>
    n.refunds.filter((r) => r.state === 'refunded' && r.refundedAt && within(chinaDate(r.refundedAt), from, to)),
  );
  return {
    tenant: input.tenant,
    from,
    to,
    rows,
    totalFen: sumFen(...paid.map((n) => n.totalFen)),
    noticeCount: paid.length,
    refundedFen: sumFen(...refunds.map((r) => r.amountFen)),
    refundCount: refunds.length,
  };
}
