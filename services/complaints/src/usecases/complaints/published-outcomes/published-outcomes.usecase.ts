import { ValidationError } from '@govhall/errors';
import { publishedOutcome, type PublishedOutcome } from '../../../domain/complaints/complaint';
import { complaintPage, everyComplaint } from '../complaint-pages';
import type { ComplaintRepository } from '../ports';

/** C12: the tenant's accepted and answered complaints as the public reads them, newest first. Public. */
export function listPublishedOutcomesUseCase(deps: { complaints: ComplaintRepository }) {
  return async (request: { tenant: string; pageSize?: number; pageToken?: string }) => {
    if (!/^\d{6}$/.test(request.tenant ?? '')) {
      throw new ValidationError([{ path: 'tenant', reason: 'PATTERN', message: '请选择地区（6位行政区划代码）' }]);
    }
    const { items, total, nextPageToken } = await complaintPage(
      deps.complaints,
      { ...everyComplaint(request.tenant), answeredOnly: true },
      request,
    );
    return {
      outcomes: items.map(publishedOutcome).filter((o): o is PublishedOutcome => o !== undefined),
      total,
      nextPageToken,
    };
  };
}
