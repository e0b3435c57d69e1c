import { MESSAGE_RELATION_NAMES, SIGNAL_LEVEL_NAMES } from '@govhall/labels';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Button, List, Segmented, Tag } from 'antd';
import type { paths } from '../api/schema';
import { api, call } from './api';
import { useAuth } from './auth';
import { dateTime } from './format';
import { SIGNAL_COLORS } from './labels';
import { PageTitle } from './layout';
import { messageOf } from './problem';
import { ErrorAlert, MoreButton, useLoad, usePaged } from './states';

type StaffMessage =
  paths['/api/v1/supervision/messages/mine']['get']['responses'][200]['content']['application/json']['messages'][number];

/** Told within the page when a message was marked read, so the badge counts again at once. */
const READ_EVENT = 'govhall:staff-message-read';
/** The badge also counts again now and then: a new signal's message arrives without the person doing anything. */
const RECOUNT_MS = 60_000;

/** How many of the signed-in person's supervision messages are unread (undefined until known or when signed out). */
export function useUnreadCount(): number | undefined {
  const { user } = useAuth();
  const signedIn = Boolean(user?.access_token);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const again = () => setTick((t) => t + 1);
    window.addEventListener(READ_EVENT, again);
    const timer = window.setInterval(again, RECOUNT_MS);
    return () => {
      window.removeEventListener(READ_EVENT, again);
      window.clearInterval(timer);
    };
  }, []);
  const count = useLoad(
    () =>
      signedIn
        ? call(api.GET('/api/v1/supervision/messages/mine', { params: { query: { unreadOnly: true, pageSize: 1 } } }))
        : Promise.resolve(undefined),
    [signedIn, tick],
  );
  return count.data?.total;
}

/** The navigation entry 消息 with the unread count (a badge readable by a screen reader too). */
export function InboxNavLabel() {
  const unread = useUnreadCount();
  return (
    <span>
      消息
      {unread ? (
        <span
          className="inbox-badge"
          aria-label={`${unread}条未读`}
          style={{
            marginLeft: 4,
            padding: '0 6px',
            borderRadius: 10,
            background: '#a8071a',
            color: '#fff',
            fontSize: 12,
            lineHeight: '18px',
            display: 'inline-block',
          }}
        >
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
    </span>
  );
}

/**
 * 消息: the site messages supervision sends the signed-in member of staff (a signal on their case or order, ADR 0045),
 * newest first; an unread one is marked read by its button. `linkOf` says where a message's matter opens in this app.
 */
export function StaffInbox({ linkOf }: { linkOf: (matterId: string) => string | undefined }) {
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [marked, setMarked] = useState<Record<string, string>>({});
  const [failed, setFailed] = useState<{ id: string; error: unknown }>();
  const paged = usePaged(
    async (pageToken) => {
      const page = await call(
        api.GET('/api/v1/supervision/messages/mine', { params: { query: { unreadOnly, pageSize: 20, pageToken } } }),
      );
      return { items: page.messages, total: page.total, nextPageToken: page.nextPageToken };
    },
    [unreadOnly],
  );
  const markRead = async (id: string) => {
    setFailed(undefined);
    try {
      const answer = await call(api.POST('/api/v1/supervision/messages/{id}/read', { params: { path: { id } } }));
      setMarked((m) => ({ ...m, [id]: answer.message.readAt ?? '' }));
      window.dispatchEvent(new Event(READ_EVENT));
    } catch (error) {
      setFailed({ id, error });
    }
  };
  return (
    <>
      <PageTitle title="消息" extra="电子监察发给您的预警、黄牌、红牌提醒" />
      <Segmented
        aria-label="全部或未读"
        style={{ marginBottom: 16 }}
        value={unreadOnly ? 'unread' : 'all'}
        options={[
          { value: 'all', label: '全部消息' },
          { value: 'unread', label: '只看未读' },
        ]}
        onChange={(v) => setUnreadOnly(v === 'unread')}
      />
      {paged.first.error ? <ErrorAlert error={paged.first.error} onRetry={paged.first.reload} /> : null}
      <List<StaffMessage>
        loading={paged.first.loading}
        dataSource={paged.items}
        locale={{ emptyText: unreadOnly ? '没有未读消息' : '没有消息' }}
        renderItem={(m) => {
          const read = Boolean(m.readAt || marked[m.id] !== undefined);
          const link = linkOf(m.matterId);
          return (
            <List.Item
              key={m.id}
              aria-label={`${m.title}${read ? '（已读）' : '（未读）'}`}
              actions={
                read
                  ? [<span key="read">已读</span>]
                  : [
                      <Button key="mark" size="small" onClick={() => void markRead(m.id)}>
                        标为已读
                      </Button>,
                    ]
              }
            >
              <List.Item.Meta
                title={
                  <span style={{ fontWeight: read ? 400 : 600 }}>
                    <Tag color={SIGNAL_COLORS[m.level]}>{SIGNAL_LEVEL_NAMES[m.level]}</Tag>
                    {link ? <Link to={link}>{m.title}</Link> : m.title}
                  </span>
                }
                description={`${dateTime(m.createdAt)} · 您是${MESSAGE_RELATION_NAMES[m.relation as keyof typeof MESSAGE_RELATION_NAMES] ?? '相关人员'}`}
              />
              <div style={{ whiteSpace: 'pre-wrap' }}>{m.text}</div>
              {failed?.id === m.id ? <p role="alert">{messageOf(failed.error)}</p> : null}
            </List.Item>
          );
        }}
      />
      <MoreButton paged={paged} />
    </>
  );
}
