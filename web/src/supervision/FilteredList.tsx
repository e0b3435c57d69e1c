import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { Space, Table, type TableColumnsType } from 'antd';
import { PageTitle } from '../shared/layout';
import { ErrorAlert, MoreButton, type Paged } from '../shared/states';

/** The page's filters kept in its address (`?kind=…&state=…`): the value of each, and setting one (empty: removed). */
export function useAddressFilters(): [URLSearchParams, (key: string, value: string | undefined) => void] {
  const [params, setParams] = useSearchParams();
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return [params, set];
}

/**
 * A console list page (信号, 违规): its title, its filters above, the rows of a paged list (loaded more on demand) in a
 * table that scrolls across on a narrow screen, and how many rows are shown (the service does not count its lists).
 */
export function FilteredList<T extends { id: string }>(props: {
  title: string;
  filters: ReactNode;
  paged: Paged<T>;
  columns: TableColumnsType<T>;
  emptyText: string;
}) {
  const { paged } = props;
  return (
    <>
      <PageTitle title={props.title} />
      <Space wrap style={{ marginBottom: 16 }}>
        {props.filters}
      </Space>
      {paged.first.error ? <ErrorAlert error={paged.first.error} onRetry={paged.first.reload} /> : null}
      <Table<T>
        rowKey="id"
        size="small"
        scroll={{ x: 'max-content' }}
        loading={paged.first.loading}
        dataSource={paged.items}
        pagination={false}
        locale={{ emptyText: props.emptyText }}
        columns={props.columns}
      />
      <p>
        已显示 {paged.items.length} 条{paged.more ? '，还有更多' : ''}
      </p>
      <MoreButton paged={paged} />
    </>
  );
}
