import { ValidationError, type Violation } from '@govhall/errors';
import { decodePageToken, encodePageToken, pageSize } from '@govhall/paging';
import type { ComplaintFilter, ComplaintRepository } from './ports';

/** A filter that narrows nothing but the tenant. */
export const everyComplaint = (tenant: string): ComplaintFilter => ({
  tenant,
  from: '',
  to: '',
  statuses: [],
  kind: '',
  offices: [],
  targetDepartment: '',
  complainantSubject: '',
  answeredOnly: false,
});

/** One page of the complaints `filter` selects (20 by default, at most 100), and the token of the next. */
export async function complaintPage(
  complaints: ComplaintRepository,
  filter: ComplaintFilter,
  request: { pageSize?: number; pageToken?: string },
) {
  const size = pageSize(request.pageSize, { max: 100, defaultSize: 20 });
  const offset = decodePageToken(request.pageToken);
  const { items, total } = await complaints.list(filter, offset, size);
  const next = offset + items.length;
  return { items, total, nextPageToken: next < total ? encodePageToken(next) : '' };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_DAYS = 366;

/** A period of received days (ListComplaints, SummarizeComplaints): real dates, `to` not before `from`, ≤ 366 days. */
export function checkComplaintPeriod(request: { from: string; to: string }): void {
  const v: Violation[] = [];
  if (!DAY.test(request.from ?? '')) v.push({ path: 'from', reason: 'PATTERN', message: '请填写开始日期（年-月-日）' });
  if (!DAY.test(request.to ?? '')) v.push({ path: 'to', reason: 'PATTERN', message: '请填写结束日期（年-月-日）' });
  else if (DAY.test(request.from ?? '')) {
    const days = (Date.parse(request.to) - Date.parse(request.from)) / 86_400_000;
    if (days < 0) v.push({ path: 'to', reason: 'BEFORE_FROM', message: '结束日期不能早于开始日期' });
    else if (days > MAX_DAYS) v.push({ path: 'to', reason: 'RANGE', message: `查询期间不能超过${MAX_DAYS}天` });
  }
  if (v.length > 0) throw new ValidationError(v);
}
