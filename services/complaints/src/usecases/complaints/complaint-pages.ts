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
