import { useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert, Card, Col, Form, Row, Select, Tag } from 'antd';
import { api, call } from '../shared/api';
import type { CaseSummary, Profile, QueueKind } from '../api/types';
import type { QueueChoice, Staff } from './queues';
import { timeLeft, type Urgency } from '../shared/days-left';
import { CASE_STATUS, CASE_STATUS_COLOR, QUEUE_KIND } from '../shared/labels';
import { ErrorAlert, Loading, usePaged, type Loaded } from '../shared/states';
import { PagedTable } from '../shared/paged-table';
import { BUCKET_LABEL, bucketOf, isBucket, isKind } from './overview/counts';
import { readQueue } from './overview/read-queue';
import { useQueueChoices } from './overview/use-queue-choices';
import { StaffPage } from './staff-page';

function QueueTable({ choice, kind, left }: { choice: QueueChoice; kind?: QueueKind; left?: Urgency }) {
  const query = useMemo(() => ({ ...choice.query, ...(kind ? { kind } : {}), pageSize: 50 }), [choice, kind]);
  const paged = usePaged<CaseSummary>(
    (pageToken) =>
      left
        ? // Time left is the service's count at reading: narrowed here, over the whole queue (ADR 0031).
          readQueue({ ...choice.query, ...(kind ? { kind } : {}) }).then(({ cases }) => {
            const items = cases.filter((c) => bucketOf(c) === left);
            return { items, total: items.length };
          })
        : call(
            api.GET('/api/v1/cases/queue', { params: { query: { ...query, ...(pageToken ? { pageToken } : {}) } } }),
          ).then((r) => ({ items: r.cases, total: r.total, nextPageToken: r.nextPageToken })),
    [JSON.stringify(query), left],
  );
  const navigate = useNavigate();
  return (
    <PagedTable<CaseSummary>
      paged={paged}
      loadingText="正在读取队列…"
      emptyText="队列中暂无待办件"
      summary={(total) => <>共 {total} 件，剩余时间少的在前请优先办理</>}
      scrollX={960}
      onRow={(c) => ({
        onClick: (e) => {
          if ((e.target as HTMLElement).closest('a')) return;
          void navigate(`/cases/${c.id}`);
        },
        style: { cursor: 'pointer' },
      })}
      columns={[
        { title: '办件编号', dataIndex: 'caseNumber', render: (n?: string) => n ?? '—' },
        {
          title: '事项名称',
          dataIndex: 'itemName',
          render: (name: string, c: CaseSummary) => <Link to={`/cases/${c.id}`}>{name}</Link>,
        },
        { title: '申请人', dataIndex: 'applicantName' },
        {
          title: '类别',
          dataIndex: 'kinds',
          render: (kinds: string[]) => kinds.map((k) => <Tag key={k}>{k}</Tag>),
        },
        {
          title: '状态',
          dataIndex: 'status',
          render: (s: CaseSummary['status']) => <Tag color={CASE_STATUS_COLOR[s]}>{CASE_STATUS[s]}</Tag>,
        },
        { title: '收件日期', dataIndex: 'submittedDate', render: (d?: string) => d ?? '—' },
        { title: '办结期限', dataIndex: 'dueDate', render: (d?: string) => d ?? '—' },
        {
          title: '剩余时间',
          key: 'left',
          defaultSortOrder: 'ascend',
          sorter: (a: CaseSummary, b: CaseSummary) =>
            (a.clockRunning ? (a.workingDaysLeft ?? 1e6) : 1e6) - (b.clockRunning ? (b.workingDaysLeft ?? 1e6) : 1e6),
          render: (_v, c: CaseSummary) => {
            const left = timeLeft(c.workingDaysLeft, c.clockRunning);
            return <Tag color={left.color}>{left.text}</Tag>;
          },
        },
        { title: '责任人', dataIndex: 'responsible', render: (r?: string) => r ?? '—' },
      ]}
    />
  );
}

const FILTERS = ['queue', 'kind', 'left'];

function StaffQueue({ staff }: { staff: Staff }) {
  // The queue, kind and time left come from the address (the overview links to them): /queue?queue=&kind=&left=
  const [params, setParams] = useSearchParams();
  const { windows, choices } = useQueueChoices(staff);
  if (windows.error) return <ErrorAlert error={windows.error} onRetry={windows.reload} />;
  if (!choices) return <Loading />;
  if (choices.length === 0) {
    return (
      <Alert type="info" showIcon message="您当前没有窗口岗位或办理角色，暂无工作队列。如有疑问请联系中心管理员。" />
    );
  }
  const picked = params.get('queue');
  const kindParam = params.get('kind');
  const leftParam = params.get('left');
  // A filter in the address that is not one of this person's: said at its field, the others still applied.
  const wrong = {
    queue:
      picked !== null && !choices.some((c) => c.key === picked)
        ? '链接中的工作队列不是您的队列，已显示第一个队列'
        : undefined,
    kind: kindParam !== null && !isKind(kindParam) ? `链接中的办件类别“${kindParam}”不存在，已显示全部类别` : undefined,
    left: leftParam !== null && !isBucket(leftParam) ? `链接中的剩余时间“${leftParam}”不存在，已显示全部` : undefined,
  };
  const at = (message: string | undefined) => (message ? { validateStatus: 'error' as const, help: message } : {});
  const choice = choices.find((c) => c.key === picked) ?? choices[0]!;
  const kind = isKind(kindParam) ? kindParam : undefined;
  const left = isBucket(leftParam) ? leftParam : undefined;
  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams();
    const merged = { queue: choice.key, kind, left, ...changes };
    for (const name of FILTERS) {
      const value = merged[name as keyof typeof merged];
      if (value) next.set(name, value);
    }
    setParams(next);
  };
  return (
    <>
      <Card style={{ marginBottom: 16 }}>
        <Form layout="vertical">
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item label="工作队列" htmlFor="queue-choice" style={{ marginBottom: 0 }} {...at(wrong.queue)}>
                <Select
                  id="queue-choice"
                  value={choice.key}
                  options={choices.map((c) => ({ value: c.key, label: c.label }))}
                  onChange={(queue: string) => set({ queue })}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="办件类别" htmlFor="queue-kind" style={{ marginBottom: 0 }} {...at(wrong.kind)}>
                <Select
                  id="queue-kind"
                  allowClear
                  placeholder="全部类别"
                  value={kind}
                  options={Object.entries(QUEUE_KIND).map(([value, label]) => ({ value, label }))}
                  onChange={(k?: QueueKind) => set({ kind: k })}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="剩余时间" htmlFor="queue-left" style={{ marginBottom: 0 }} {...at(wrong.left)}>
                <Select
                  id="queue-left"
                  allowClear
                  placeholder="全部"
                  value={left}
                  options={Object.entries(BUCKET_LABEL).map(([value, label]) => ({ value, label }))}
                  onChange={(l?: Urgency) => set({ left: l })}
                />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      <QueueTable choice={choice} kind={kind} left={left} />
    </>
  );
}

/** The signed-in member of staff's queue. */
export function Queue({ me }: { me: Loaded<Profile | undefined> }) {
  return (
    <StaffPage
      title="工作队列"
      extra="剩余时间以工作日计：绿色充足，橙色不超过3个工作日，红色为今日到期或已超期。"
      me={me}
    >
      {(staff) => <StaffQueue staff={staff} />}
    </StaffPage>
  );
}
