import type { FieldPaths } from './grpc-call';

/** Where the service's request fields sit in a list request: each in the querystring, `page` as pageSize/pageToken. */
export function queryFields(...names: string[]): FieldPaths {
  return { page: 'querystring', ...Object.fromEntries(names.map((n) => [n, `querystring.${n}`])) };
}

/** The page request of a list query. */
export const pageOf = (q: { pageSize?: number; pageToken?: string }) => ({
  pageSize: q.pageSize ?? 0,
  pageToken: q.pageToken ?? '',
});

/** The page part of a list answer. */
export const pageAnswer = (page: { nextPageToken: string; total: number } | undefined, count: number) => ({
  nextPageToken: page?.nextPageToken || undefined,
  total: Number(page?.total ?? count),
});
