import { api, call } from '../../shared/api';
import type { CaseSummary, QueueQuery } from '../../api/types';

/** The API's largest page. */
const PAGE_SIZE = 100;
/** The most cases one queue's numbers are taken from (ADR 0031): beyond it the overview says it counted a part. */
export const MAX_COUNTED = 2000;

/**
 * Every case of a queue, the most urgent first (the service orders a queue by due date), read page by page: a queue
 * holds only open cases, so this is what the department has on hand. Stops after `MAX_COUNTED` cases.
 */
export async function readQueue(
  query: Omit<QueueQuery, 'pageSize' | 'pageToken'>,
): Promise<{ cases: CaseSummary[]; partial: boolean }> {
  const cases: CaseSummary[] = [];
  let pageToken: string | undefined;
  do {
    const page = await call(
      api.GET('/api/v1/cases/queue', {
        params: { query: { ...query, pageSize: PAGE_SIZE, ...(pageToken ? { pageToken } : {}) } },
      }),
    );
    cases.push(...page.cases);
    pageToken = page.nextPageToken;
  } while (pageToken && cases.length < MAX_COUNTED);
  return { cases, partial: pageToken !== undefined };
}
