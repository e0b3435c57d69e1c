import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, Button, Card, Descriptions, List, Space, Steps, Tag, Timeline, Typography } from 'antd';
import { api, call, downloadWithToken } from '../../shared/api';
import type { Case } from '../../api/types';
import { CASE_STATUS, CASE_STATUS_COLOR, DELIVERY, DOCUMENT_KIND } from '../../shared/labels';
import { dateTime } from '../../shared/format';
import { PageTitle } from '../../shared/layout';
import { messageOf } from '../../shared/problem';
import { RequireLogin } from '../../shared/require-login';
import { ErrorAlert, Loading, useLoad } from '../../shared/states';

const STEP_STATUS = { pending: 'wait', active: 'process', done: 'finish', skipped: 'wait' } as const;

function Deadlines({ c }: { c: Case }) {
  const clocks = c.clocks;
  if (!clocks) return null;
  return (
    <Card title="办理期限" style={{ marginBottom: 16 }}>
      <Descriptions column={{ xs: 1, sm: 2 }} size="small">
        <Descriptions.Item label="收件日期">{clocks.receivedDate ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="受理日期">{clocks.acceptedDate ?? '—'}</Descriptions.Item>
        {clocks.noticeDueDate ? (
          <Descriptions.Item label="一次性告知期限">{clocks.noticeDueDate}</Descriptions.Item>
        ) : null}
        {clocks.promised ? (
          <Descriptions.Item label="承诺办结期限">
            {clocks.promised.dueDate ?? '暂停计时中'}
            {clocks.promised.provisional ? '（按未发布年份的工作日推算）' : ''}
          </Descriptions.Item>
        ) : null}
        {clocks.statutory ? (
          <Descriptions.Item label="法定办结期限">{clocks.statutory.dueDate ?? '暂停计时中'}</Descriptions.Item>
        ) : null}
      </Descriptions>
      {clocks.promised?.explanation ? (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {clocks.promised.explanation}
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}

function Documents({ c }: { c: Case }) {
  const [error, setError] = useState<string>();
  if (c.documents.length === 0) return null;
  return (
    <Card title="办件文书" style={{ marginBottom: 16 }}>
      {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 8 }} /> : null}
      <List
        size="small"
        dataSource={c.documents}
        renderItem={(d) => (
          <List.Item
            actions={[
              <Button
                key="download"
                size="small"
                onClick={() =>
                  downloadWithToken(`/api/v1/cases/${c.id}/documents/${d.id}`, `${d.number || d.id}.pdf`).catch(
                    (e: unknown) => setError(messageOf(e)),
                  )
                }
              >
                下载
              </Button>,
            ]}
          >
            {DOCUMENT_KIND[d.kind] ?? '文书'} {d.number}
            {d.issuedAt ? <Typography.Text type="secondary">（{dateTime(d.issuedAt)}）</Typography.Text> : null}
          </List.Item>
        )}
      />
    </Card>
  );
}

function CaseView({ c }: { c: Case }) {
  return (
    <>
      <PageTitle
        title={c.itemName}
        extra={
          <Space wrap>
            <Tag color={CASE_STATUS_COLOR[c.status]}>{CASE_STATUS[c.status]}</Tag>
            <span>办件编号：{c.caseNumber ?? '尚未编号'}</span>
          </Space>
        }
      />
      {c.problems.length > 0 && (c.status === 'supplement' || c.status === 'returned') ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message="一次性告知：请按以下意见补正材料"
          description={
            <ol style={{ margin: 0, paddingLeft: 20 }}>
              {c.problems.map((p, i) => (
                <li key={i}>{p.message}</li>
              ))}
            </ol>
          }
        />
      ) : null}
      <Card title="办件信息" style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, sm: 2 }} size="small">
          <Descriptions.Item label="申请人">{c.applicant.name}</Descriptions.Item>
          {c.applicant.agentName ? <Descriptions.Item label="经办人">{c.applicant.agentName}</Descriptions.Item> : null}
          <Descriptions.Item label="申请方式">{c.channel === 'online' ? '网上申请' : '窗口申请'}</Descriptions.Item>
          <Descriptions.Item label="提交时间">{dateTime(c.submittedAt)}</Descriptions.Item>
          {c.decision ? (
            <Descriptions.Item label="审批结果">
              {c.decision.outcome === 'approved' ? '准予许可' : '不予许可'}
            </Descriptions.Item>
          ) : null}
          {c.delivery ? (
            <Descriptions.Item label="送达方式">
              {DELIVERY[c.delivery.method] ?? c.delivery.method}
              {c.delivery.pickupCode ? `（取件码 ${c.delivery.pickupCode}）` : ''}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <Deadlines c={c} />
      {c.steps.length > 0 ? (
        <Card title="办理环节" style={{ marginBottom: 16 }}>
          <Steps
            direction="vertical"
            size="small"
            items={c.steps.map((s) => ({
              title: s.name,
              status: STEP_STATUS[s.state],
              description: [
                s.dueDate ? `期限 ${s.dueDate}` : '',
                s.finishedAt ? `完成于 ${dateTime(s.finishedAt)}` : '',
              ]
                .filter(Boolean)
                .join('，'),
            }))}
          />
        </Card>
      ) : null}
      <Documents c={c} />
      <Card title="办理记录" style={{ marginBottom: 16 }}>
        <Timeline
          items={[...c.history].reverse().map((h, i) => ({
            key: i,
            children: (
              <>
                <div>
                  {h.action}
                  {h.toStatus ? <Tag style={{ marginLeft: 8 }}>{CASE_STATUS[h.toStatus]}</Tag> : null}
                </div>
                <Typography.Text type="secondary">{dateTime(h.at)}</Typography.Text>
                {h.reason ? <div>{h.reason}</div> : null}
              </>
            ),
          }))}
        />
      </Card>
      <Link to="/my">返回我的办件</Link>
    </>
  );
}

function CaseLoader({ id }: { id: string }) {
  const loaded = useLoad(() => call(api.GET('/api/v1/cases/{id}', { params: { path: { id } } })), [id]);
  if (loaded.error) return <ErrorAlert error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Loading text="正在读取办件…" />;
  return <CaseView c={loaded.data} />;
}

/** One of the applicant's cases: state, deadlines, steps, documents and the record of what happened. */
export default function CaseDetail() {
  const { id = '' } = useParams();
  return (
    <RequireLogin why="登录后可查看办件详情。">
      <CaseLoader id={id} />
    </RequireLogin>
  );
}
