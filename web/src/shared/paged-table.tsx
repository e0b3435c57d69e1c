import type { ReactNode } from 'react';
import { Table, Typography, type TableColumnsType, type TableProps } from 'antd';
import { EmptyState, ErrorAlert, Loading, MoreButton, type Paged } from './states';

/** The filters that are set: an empty choice ('', false, undefined) is left out of the request. */
type SetFilters<F> = { [K in keyof F]?: Exclude<F[K], '' | false | undefined> };

/** A paged list request's query: 50 a page, the filters that are set (in their order), the page token after the first. */
export function pageQuery<F extends Record<string, unknown>>(
  filters: F,
  pageToken?: string,
): SetFilters<F> & { pageSize: number; pageToken?: string } {
  const set = Object.fromEntries(
    Object.entries(filters).filter(([, v]) => v !== undefined && v !== '' && v !== false),
  ) as SetFilters<F>;
  return { pageSize: 50, ...set, ...(pageToken ? { pageToken } : {}) };
}

/**
 * A staff list of a paged answer: its filter form above (kept when the first page fails, so the filter can be changed
 * back), a loading line while the first page loads, a note when nothing is listed, else how many there are, the rows in
 * a table that scrolls across on a narrow screen, and "load more".
 */
export function PagedTable<T extends { id: string }>({
  paged,
  filter,
  loadingText,
  emptyText,
  summary,
  scrollX,
  columns,
  onRow,
  order,
}: {
  paged: Paged<T>;
  filter?: ReactNode;
  loadingText: string;
  emptyText: string;
  /** The line above the table, with the first page's total. */
  summary: (total: number) => ReactNode;
  scrollX: number;
  columns: TableColumnsType<T>;
  onRow?: TableProps<T>['onRow'];
  /** The order the loaded rows are shown in, where it is not the service's. */
  order?: (items: T[]) => T[];
}) {
  const { first, items } = paged;
  if (first.error) {
    return (
      <>
        {filter}
        <ErrorAlert error={first.error} onRetry={first.reload} />
      </>
    );
  }
  if (!first.data) return <Loading text={loadingText} />;
  return (
    <>
      {filter}
      {items.length === 0 ? (
        <EmptyState text={emptyText} />
      ) : (
        <>
          <Typography.Paragraph type="secondary">{summary(first.data.total)}</Typography.Paragraph>
          <Table<T>
            rowKey="id"
            size="middle"
            pagination={false}
            scroll={{ x: scrollX }}
            dataSource={order ? order(items) : items}
            columns={columns}
            onRow={onRow}
          />
          <MoreButton paged={paged} />
        </>
      )}
    </>
  );
}
