import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Button, Card, Select, Space, Tag, Typography } from 'antd';
import { api, call } from '../../shared/api';
import { dateTime } from '../../shared/format';
import { PageTitle } from '../../shared/layout';
import { ApiError } from '../../shared/problem';
import { RequireLogin } from '../../shared/require-login';
import { EmptyState, ErrorAlert, Loading, MoreButton, usePaged } from '../../shared/states';
import { announceUnread } from '../common/unread-badge';
import type { paths } from '../../api/schema';

type Page = paths['/api/v1/notifications/mine']['get']['responses'][200]['content']['application/json'];
type Notification = Page['notifications'][number];

const PAGE_SIZES = [10, 20, 50];

function NotificationCard({ n, onOpen }: { n: Notification; onOpen: (n: Notification) => void }) {
  const unread = !n.readAt;
  return (
    <Card
      size="small"
      style={{ marginBottom: 12, borderLeft: unread ? '4px solid #0b4aa2' : undefined }}
      title={
        <Space wrap>
          {unread ? <Tag color="blue">未读</Tag> : <Tag>已读</Tag>}
          <h2 style={{ display: 'inline', fontSize: 16, margin: 0 }}>{n.title}</h2>
        </Space>
      }
      extra={<time dateTime={n.createdAt}>{dateTime(n.createdAt)}</time>}
    >
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 8 }}>{n.text}</Typography.Paragraph>
      <Space wrap>
        <span>办件编号：{n.caseNumber}</span>
        <Link to={`/my/cases/${n.caseId}`} onClick={() => onOpen(n)}>
          查看办件
        </Link>
        {unread ? (
          <Button size="small" onClick={() => onOpen(n)}>
            标为已读
          </Button>
        ) : null}
      </Space>
    </Card>
  );
}

function NotificationList() {
  const [params, setParams] = useSearchParams();
  const rawSize = params.get('pageSize');
  const pageSize = rawSize === null ? 20 : Number(rawSize);
  const [unread, setUnread] = useState<number>();
  const [readNow, setReadNow] = useState<Record<string, string>>({});
  const [markError, setMarkError] = useState<unknown>();
  const paged = usePaged<Notification>(
    (pageToken) =>
      call(
        api.GET('/api/v1/notifications/mine', {
          params: { query: { pageSize, ...(pageToken ? { pageToken } : {}) } },
        }),
      ).then((r) => {
        setUnread(r.unread);
        announceUnread(r.unread);
        return { items: r.notifications, total: r.total, nextPageToken: r.nextPageToken };
      }),
    [pageSize],
  );

  const mark = async (body: { ids: string[] } | { all: true }) => {
    setMarkError(undefined);
    try {
      const r = await call(api.POST('/api/v1/notifications/mine/read', { body }));
      const at = new Date().toISOString();
      const ids = 'ids' in body ? body.ids : paged.items.map((n) => n.id);
      setReadNow((m) => ({ ...m, ...Object.fromEntries(ids.map((id) => [id, m[id] ?? at])) }));
      setUnread(r.unread);
      announceUnread(r.unread);
    } catch (error) {
      setMarkError(error);
    }
  };

  // A page size the service refuses (e.g. ?pageSize=500 typed into the address) is shown at the size field.
  const sizeError = paged.first.error instanceof ApiError ? paged.first.error.problem.fields['pageSize'] : undefined;
  const sizeField = (
    <div className="field" style={{ marginBottom: 12 }}>
      <label htmlFor="notification-page-size">每页条数</label>{' '}
      <Select
        id="notification-page-size"
        style={{ width: 120 }}
        status={sizeError ? 'error' : undefined}
        aria-invalid={sizeError ? true : undefined}
        aria-describedby={sizeError ? 'notification-page-size-error' : undefined}
        value={Number.isInteger(pageSize) ? pageSize : undefined}
        onChange={(v: number) => setParams({ pageSize: String(v) })}
        options={PAGE_SIZES.map((v) => ({ value: v, label: `${v}条` }))}
      />
      {sizeError ? (
        <div id="notification-page-size-error" role="alert" style={{ color: '#cf1322', marginTop: 4 }}>
          {sizeError}
        </div>
      ) : null}
    </div>
  );

  if (paged.first.error) {
    return (
      <>
        {sizeField}
        {sizeError ? null : <ErrorAlert error={paged.first.error} onRetry={paged.first.reload} />}
      </>
    );
  }
  if (!paged.first.data) return <Loading text="正在读取消息…" />;
  if (paged.items.length === 0)
    return <EmptyState text="暂无消息。办件受理、需要补正、作出决定、结果送达时，通知会出现在这里。" />;
  const items = paged.items.map((n) => (readNow[n.id] && !n.readAt ? { ...n, readAt: readNow[n.id] } : n));
  return (
    <>
      <Space wrap style={{ marginBottom: 12, justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text type="secondary">
          共 {paged.total} 条消息，{unread ? `${unread} 条未读` : '全部已读'}
        </Typography.Text>
        <Button type="primary" disabled={!unread} onClick={() => void mark({ all: true })}>
          全部标为已读
        </Button>
      </Space>
      {markError ? <ErrorAlert error={markError} /> : null}
      {sizeField}
      <div>
        {items.map((n) => (
          <NotificationCard key={n.id} n={n} onOpen={(x) => (x.readAt ? undefined : void mark({ ids: [x.id] }))} />
        ))}
      </div>
      <MoreButton paged={paged} />
    </>
  );
}

/** 消息: the person's case notifications (受理、一次性告知、决定、送达…), newest first, read and unread. */
export default function Notifications() {
  return (
    <>
      <PageTitle title="消息" extra="您的办件有进展时，系统会在这里通知您；留有手机或邮箱的，同时发送短信或邮件。" />
      <RequireLogin why="登录后可查看您的消息。">
        <NotificationList />
      </RequireLogin>
    </>
  );
}
