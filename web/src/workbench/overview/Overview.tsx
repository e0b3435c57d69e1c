import { lazy, Suspense, useMemo, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { Alert, Card, Col, Row, Typography } from 'antd';
import type { Profile } from '../../api/types';
import { QUEUE_KIND } from '../../shared/labels';
import { EmptyState, ErrorAlert, Loading, useLoad, type Loaded } from '../../shared/states';
import type { QueueChoice, Staff } from '../queues';
import {
  BUCKET_COLOR,
  BUCKET_HINT,
  BUCKET_LABEL,
  BUCKETS,
  countQueue,
  KINDS,
  kindSummary,
  leftSummary,
  queueHref,
  totals,
  type QueueCounts,
} from './counts';
import type { ChartOption } from '../../shared/EChart';
import { MAX_COUNTED, readQueue } from './read-queue';
import { useQueueChoices } from './use-queue-choices';
import { StaffPage } from '../staff-page';

// The chart code is its own chunk: the numbers show first, the drawings follow.
const EChart = lazy(() => import('../../shared/EChart'));

const PRIMARY = '#0b4aa2';
const TEXT = 'rgba(0,0,0,0.88)';

/** A number that opens the queue it counts. */
function CountLink({
  to,
  label,
  count,
  color,
  hint,
}: {
  to: string;
  label: string;
  count: number;
  color?: string;
  hint?: string;
}) {
  return (
    <Link to={to} className="overview-count" title={hint} style={{ display: 'block', height: '100%' }}>
      <Card size="small" hoverable style={{ height: '100%' }}>
        <div style={{ color: 'rgba(0,0,0,0.65)' }}>{label}</div>
        <div style={{ fontSize: 24, fontWeight: 600, color: color ?? TEXT }}>
          {count}
          <span style={{ fontSize: 14, fontWeight: 400, marginLeft: 4 }}>件</span>
        </div>
      </Card>
    </Link>
  );
}

function ChartBox({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section>
      <h3 style={{ fontSize: 16, fontWeight: 600, margin: '8px 0' }}>{title}</h3>
      <Suspense fallback={<Loading text="正在绘制图表…" />}>{children}</Suspense>
    </section>
  );
}

function leftOption(q: QueueCounts): ChartOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}：{c} 件（{d}%）' },
    series: [
      {
        type: 'pie',
        radius: ['40%', '68%'],
        data: BUCKETS.map((b) => ({
          name: BUCKET_LABEL[b],
          value: q.byLeft[b],
          itemStyle: { color: BUCKET_COLOR[b] },
        })),
        // Labels kept inside the box (aligned to its edges), long names wrapped: a phone's box is narrow.
        label: {
          formatter: '{b}\n{c} 件',
          color: TEXT,
          width: 72,
          overflow: 'break',
          alignTo: 'edge',
          edgeDistance: 4,
        },
        // Empty buckets take no room and say nothing.
        stillShowZeroSum: false,
        minShowLabelAngle: 0.1,
      },
    ],
  };
}

function kindOption(q: QueueCounts): ChartOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}：{c} 件' },
    grid: { left: 32, right: 16, top: 24, bottom: 32 },
    xAxis: { type: 'category', data: KINDS.map((k) => QUEUE_KIND[k]), axisLabel: { color: TEXT, interval: 0 } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { color: TEXT } },
    series: [
      {
        type: 'bar',
        data: KINDS.map((k) => q.byKind[k]),
        itemStyle: { color: PRIMARY },
        label: { show: true, position: 'top', color: TEXT },
        barMaxWidth: 40,
      },
    ],
  };
}

function QueueOverview({ q }: { q: QueueCounts }) {
  const navigate = useNavigate();
  const left = useMemo(() => leftOption(q), [q]);
  const kinds = useMemo(() => kindOption(q), [q]);
  return (
    <Card
      title={<h2 style={{ fontSize: 16, fontWeight: 600, margin: 0 }}>{q.label}</h2>}
      extra={<Link to={queueHref(q.key)}>打开队列（{q.total} 件）</Link>}
      style={{ marginBottom: 16 }}
      data-queue={q.key}
    >
      {q.partial ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={`队列件数较多，以下统计的是最紧急的 ${MAX_COUNTED} 件。`}
        />
      ) : null}
      {q.total === 0 ? (
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          该队列暂无待办件。
        </Typography.Paragraph>
      ) : (
        <Row gutter={[24, 16]}>
          <Col xs={24} lg={12}>
            <ChartBox title="按剩余时间">
              <EChart
                option={left}
                label={leftSummary(q)}
                onPick={(i) => {
                  const bucket = BUCKETS[i];
                  if (bucket) void navigate(queueHref(q.key, { left: bucket }));
                }}
              />
            </ChartBox>
            <Row gutter={[8, 8]} role="list" aria-label={`${q.label}按剩余时间`}>
              {BUCKETS.map((b) => (
                <Col xs={12} sm={6} key={b} role="listitem">
                  <CountLink
                    to={queueHref(q.key, { left: b })}
                    label={BUCKET_LABEL[b]}
                    count={q.byLeft[b]}
                    color={q.byLeft[b] > 0 ? BUCKET_COLOR[b] : undefined}
                    hint={BUCKET_HINT[b]}
                  />
                </Col>
              ))}
            </Row>
          </Col>
          <Col xs={24} lg={12}>
            <ChartBox title="按办件类别">
              <EChart
                option={kinds}
                label={kindSummary(q)}
                onPick={(i) => {
                  const kind = KINDS[i];
                  if (kind) void navigate(queueHref(q.key, { kind }));
                }}
              />
            </ChartBox>
            <Row gutter={[8, 8]} role="list" aria-label={`${q.label}按办件类别`}>
              {KINDS.map((k) => (
                <Col xs={12} sm={8} key={k} role="listitem">
                  <CountLink to={queueHref(q.key, { kind: k })} label={QUEUE_KIND[k]} count={q.byKind[k]} />
                </Col>
              ))}
            </Row>
          </Col>
        </Row>
      )}
    </Card>
  );
}

function Counts({ choices }: { choices: QueueChoice[] }) {
  const counts = useLoad(
    () => Promise.all(choices.map((c) => readQueue(c.query).then((r) => countQueue(c, r.cases, r.partial)))),
    [JSON.stringify(choices)],
  );
  if (counts.error) return <ErrorAlert error={counts.error} onRetry={counts.reload} />;
  if (!counts.data) return <Loading text="正在统计待办…" />;
  const all = totals(counts.data);
  if (all.total === 0) {
    return (
      <EmptyState text="暂无待办">
        <Link to={queueHref(choices[0]!.key)}>查看工作队列</Link>
      </EmptyState>
    );
  }
  return (
    <>
      <Typography.Paragraph aria-live="polite" data-testid="overview-summary">
        共 {all.total} 件待办：{BUCKETS.map((b) => `${BUCKET_LABEL[b]} ${all.byLeft[b]} 件`).join('，')}。
      </Typography.Paragraph>
      {counts.data.map((q) => (
        <QueueOverview key={q.key} q={q} />
      ))}
    </>
  );
}

function StaffOverview({ staff }: { staff: Staff }) {
  const { windows, choices } = useQueueChoices(staff);
  if (windows.error) return <ErrorAlert error={windows.error} onRetry={windows.reload} />;
  if (!choices) return <Loading />;
  if (choices.length === 0) {
    return (
      <EmptyState text="暂无待办">
        <Typography.Text type="secondary">您当前没有窗口岗位或办理角色。如有疑问请联系中心管理员。</Typography.Text>
      </EmptyState>
    );
  }
  return <Counts choices={choices} />;
}

/** 概览: the signed-in member of staff's queues at a glance, each number and chart opening the queue it counts. */
export default function Overview({ me }: { me: Loaded<Profile | undefined> }) {
  return (
    <StaffPage
      title="概览"
      extra="您各工作队列的待办件数，按剩余时间（工作日）和办件类别统计；点击数字或图形打开相应的队列。"
      me={me}
    >
      {(staff) => <StaffOverview staff={staff} />}
    </StaffPage>
  );
}
