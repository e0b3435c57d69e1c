import { Link, useParams } from 'react-router';
import { Descriptions, Table, Tag } from 'antd';
import { api, call } from '../shared/api';
import { dateTime } from '../shared/format';
import { PageTitle } from '../shared/layout';
import { ErrorAlert, Loading, Panel, useLoad } from '../shared/states';
import { CLOCK_STATE_NAMES, PAUSE_LABELS, SIGNAL_COLORS, SIGNAL_NAMES } from './labels';
import type { Clock } from './types';

type Limit = NonNullable<Clock['promised']>;

function LimitPanel({ title, limit }: { title: string; limit: Limit | undefined }) {
  if (!limit) return null;
  const left = limit.remainingWorkingDays;
  return (
    <Panel title={title}>
      <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
        <Descriptions.Item label="时限">{limit.limitWorkingDays} 个工作日</Descriptions.Item>
        <Descriptions.Item label="延长">{limit.extensionWorkingDays} 个工作日</Descriptions.Item>
        <Descriptions.Item label="到期日">
          {limit.dueDate ?? '尚未开始计时'}
          {limit.provisional ? '（日历未公布，暂按周一至周五计算）' : ''}
        </Descriptions.Item>
        <Descriptions.Item label="剩余">{left < 0 ? `已超期 ${-left} 个工作日` : `${left} 个工作日`}</Descriptions.Item>
        <Descriptions.Item label="已用">{limit.elapsedWorkingDays} 个工作日</Descriptions.Item>
        <Descriptions.Item label="暂停">{limit.pausedWorkingDays} 个工作日</Descriptions.Item>
      </Descriptions>
      <h3 style={{ fontSize: 14 }}>计时说明</h3>
      <ul>
        {limit.explanation.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
    </Panel>
  );
}

/** A case's clock: the limits with their explanation, the steps, the pauses and the signal history. */
export default function ClockPage() {
  const { matterId = '' } = useParams();
  const clock = useLoad(
    () => call(api.GET('/api/v1/supervision/clocks/{matterId}', { params: { path: { matterId } } })),
    [matterId],
  );
  const signals = useLoad(
    () => call(api.GET('/api/v1/supervision/signals', { params: { query: { matterId, pageSize: 100 } } })),
    [matterId],
  );
  if (clock.error) return <ErrorAlert error={clock.error} onRetry={clock.reload} />;
  if (!clock.data) return <Loading />;
  const c = clock.data.clock;
  return (
    <>
      <PageTitle
        title={`办件计时：${c.caseNumber}`}
        extra={
          <>
            <Tag color={SIGNAL_COLORS[c.signal]}>信号：{SIGNAL_NAMES[c.signal]}</Tag>
            {c.kind === 'case' ? (
              // Underlined: beside the tag it is a link in a line of text (axe link-in-text-block).
              <Link
                style={{ textDecoration: 'underline' }}
                to={`/orders/new?targetKind=case&targetId=${encodeURIComponent(c.matterId)}&department=${encodeURIComponent(c.department)}${c.responsible ? `&person=${encodeURIComponent(c.responsible)}` : ''}`}
              >
                督办此件
              </Link>
            ) : null}
          </>
        }
      />
      <Panel>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label="事项">{c.itemName}</Descriptions.Item>
          <Descriptions.Item label="申请人">{c.applicantName}</Descriptions.Item>
          <Descriptions.Item label="部门">{c.department}</Descriptions.Item>
          <Descriptions.Item label="计时状态">{CLOCK_STATE_NAMES[c.state]}</Descriptions.Item>
          <Descriptions.Item label="收件日期">{c.receivedDate ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="受理日期">{c.acceptedDate ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="当前责任人">{c.responsible ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="一次性告知期限">{c.noticeDueDate ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="计算日期">{c.asOfDate}</Descriptions.Item>
        </Descriptions>
        {c.imported ? <p>此件为导入的历史办件，不计时、不发信号。</p> : null}
      </Panel>
      <LimitPanel title="承诺时限" limit={c.promised} />
      <LimitPanel title="法定时限" limit={c.statutory} />
      <Panel title="环节">
        <Table
          rowKey="index"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={c.steps}
          columns={[
            { title: '环节', dataIndex: 'name' },
            { title: '部门', dataIndex: 'department' },
            { title: '预算', render: (_, s) => `${s.budgetWorkingDays} 个工作日` },
            { title: '开始', render: (_, s) => s.startedDate ?? '—' },
            { title: '完成', render: (_, s) => s.finishedDate ?? '进行中' },
            {
              title: '剩余',
              render: (_, s) =>
                s.overdue ? <Tag color="red">超时 {-s.remainingWorkingDays} 天</Tag> : `${s.remainingWorkingDays} 天`,
            },
            { title: '经办人', render: (_, s) => s.handledBy ?? '—' },
          ]}
        />
      </Panel>
      <Panel title="暂停计时">
        {c.pauses.length === 0 ? (
          <p>没有暂停。</p>
        ) : (
          <ul>
            {c.pauses.map((p, i) => (
              <li key={i}>
                {PAUSE_LABELS[p.kind]?.(p.procedure) ?? '暂停计时'}：{p.startedDate} 至 {p.endedDate ?? '今'}，
                {p.workingDays} 个工作日。{p.reason}
              </li>
            ))}
          </ul>
        )}
      </Panel>
      <Panel title="信号记录">
        {signals.error ? <ErrorAlert error={signals.error} onRetry={signals.reload} /> : null}
        <ul>
          {(signals.data?.signals ?? []).map((s) => (
            <li key={s.id}>
              <Tag color={SIGNAL_COLORS[s.level]}>{SIGNAL_NAMES[s.level]}</Tag>
              {dateTime(s.raisedAt)} {s.reason}
              {s.clearedAt ? `；${dateTime(s.clearedAt)} 解除（${s.clearedReason ?? ''}）` : '；未解除'}
            </li>
          ))}
        </ul>
        {signals.data && signals.data.signals.length === 0 ? <p>此件没有亮过信号。</p> : null}
      </Panel>
    </>
  );
}
