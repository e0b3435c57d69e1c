import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Card, List, Tag } from 'antd';
import { api, call } from '../../shared/api';
import { useAuth } from '../../shared/auth';
import type { Consultation, LiveSession } from '../../api/types';
import { dateTime } from '../../shared/format';
import { LIVE_STATUS, LIVE_STATUS_COLOR } from '../../shared/live-session-format';
import { PageTitle } from '../../shared/layout';
import { EmptyState, ErrorAlert, Loading, MoreButton, Notice, usePaged } from '../../shared/states';
import { AskForm } from '../consultations/AskForm';
import { ConsultationList } from '../consultations/ConsultationList';
import { useTenant } from '../tenant';
import { TenantChoice } from '../common/tenant-choice';

function Mine({ asked }: { asked: number }) {
  const paged = usePaged<Consultation>(
    (pageToken) =>
      call(
        api.GET('/api/v1/consultations/mine', {
          params: { query: { pageSize: 20, ...(pageToken ? { pageToken } : {}) } },
        }),
      ).then((r) => ({ items: r.consultations, total: r.total, nextPageToken: r.nextPageToken })),
    [asked],
  );
  return <ConsultationList paged={paged} mine emptyText="您还没有咨询或来信" />;
}

/** The signed-in person's live sessions (在线咨询, C18), each a link to its page. */
function MyLive() {
  const paged = usePaged<LiveSession>(
    (pageToken) =>
      call(
        api.GET('/api/v1/live-consultations/mine', {
          params: { query: { pageSize: 10, ...(pageToken ? { pageToken } : {}) } },
        }),
      ).then((r) => ({ items: r.sessions, total: r.total, nextPageToken: r.nextPageToken })),
    [],
  );
  const { first, items } = paged;
  if (first.error) return <ErrorAlert error={first.error} onRetry={first.reload} />;
  if (!first.data) return <Loading text="正在读取在线咨询…" />;
  if (items.length === 0) return <EmptyState text="您还没有在线咨询；在事项的办事指南页可以在线咨询窗口人员" />;
  return (
    <>
      <List
        dataSource={items}
        renderItem={(s) => (
          <List.Item extra={<Tag color={LIVE_STATUS_COLOR[s.status]}>{LIVE_STATUS[s.status]}</Tag>}>
            <List.Item.Meta
              title={<Link to={`/consultations/live/${s.id}`}>{`${s.itemName}（${s.number}）`}</Link>}
              description={`${s.messages[0]?.text ?? ''} · ${s.bookedFor ? `预约 ${dateTime(s.bookedFor)}` : dateTime(s.openedAt)}`}
            />
          </List.Item>
        )}
      />
      <MoreButton paged={paged} />
    </>
  );
}

function Room({ tenant }: { tenant: string }) {
  const paged = usePaged<Consultation>(
    (pageToken) =>
      call(
        api.GET('/api/v1/consultations/public', {
          params: { query: { tenant, pageSize: 10, ...(pageToken ? { pageToken } : {}) } },
        }),
      ).then((r) => ({ items: r.consultations, total: r.total, nextPageToken: r.nextPageToken })),
    [tenant],
  );
  return <ConsultationList paged={paged} mine={false} emptyText="暂无公开答疑" />;
}

/**
 * 咨询: the signed-in person's questions and letters with their answers, the leader mailbox (领导信箱, C20), and the
 * public room of the region (公开答疑室, C21). Questions about an item are asked on its guide.
 */
export default function Consultations() {
  const { user, login } = useAuth();
  const { current } = useTenant();
  const [asked, setAsked] = useState(0);
  return (
    <>
      <PageTitle
        title="咨询和领导信箱"
        extra="事项的咨询请在该事项的办事指南页提出；对政务服务的意见和建议可写信给领导信箱。"
      />
      {!user ? (
        <Notice title="请先登录" text="登录后可以查看您的咨询和答复，并给领导信箱写信。">
          <Button type="primary" onClick={() => void login('/consultations')}>
            登录
          </Button>
        </Notice>
      ) : (
        <>
          <Card title="我的咨询" style={{ marginBottom: 16 }}>
            <Mine asked={asked} />
          </Card>
          <Card title="我的在线咨询" style={{ marginBottom: 16 }}>
            <MyLive />
          </Card>
          <TenantChoice id="consultation-tenant" label="所在地区" />
          {current ? (
            <>
              <Card title="领导信箱" style={{ marginBottom: 16 }}>
                <AskForm
                  tenant={current.code}
                  label="来信内容"
                  button="提交来信"
                  onAsked={() => setAsked((n) => n + 1)}
                />
              </Card>
              <Card title={`公开答疑室（${current.name}）`} style={{ marginBottom: 16 }}>
                <Room tenant={current.code} />
              </Card>
            </>
          ) : null}
        </>
      )}
    </>
  );
}
