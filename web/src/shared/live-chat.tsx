import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Alert, Button, Card, Input, Space, Tag, Typography } from 'antd';
import type { LiveMessage, LiveSession } from '../api/types';
import { api, call } from './api';
import { subscribeEventStream, type FeedStatus } from './event-feed';
import { dateTime } from './format';
import { LIVE_STATUS, LIVE_STATUS_COLOR, mergeMessages } from './live-session-format';
import { messageOf } from './problem';

/** Who a message is from, as the reader on `side` reads it. */
function speaker(m: LiveMessage, side: 'asker' | 'staff'): string {
  if (m.from === 'asker') return side === 'asker' ? '我' : '咨询人';
  return side === 'staff' ? `我（${m.authorName || '工作人员'}）` : `窗口人员 ${m.authorName}`.trim();
}

/**
 * A live consultation (在线咨询, C18) as its asker or its member of staff follows it: the messages as they come (the
 * gateway's server-sent events, resumed after the last message held when the stream is opened again), a box to
 * say something, and the end. `actions` shows beside the title (the console's 接待). `onChange` hears every new
 * state of the session.
 */
export function LiveChat({
  sessionId,
  side,
  actions,
  onChange,
}: {
  sessionId: string;
  side: 'asker' | 'staff';
  actions?: (session: LiveSession) => ReactNode;
  onChange?: (session: LiveSession) => void;
}) {
  const [session, setSession] = useState<LiveSession>();
  const [messages, setMessages] = useState<LiveMessage[]>([]);
  const [feed, setFeed] = useState<FeedStatus>({ state: 'connecting' });
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string>();
  const lastSeq = useRef(0);
  const closed = useRef(false);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  const take = (s: LiveSession) => {
    closed.current = s.status === 'closed';
    setSession(s);
    setMessages((known) => {
      const merged = mergeMessages(known, s.messages);
      lastSeq.current = merged.at(-1)?.seq ?? 0;
      return merged;
    });
    onChangeRef.current?.(s);
  };

  useEffect(() => {
    lastSeq.current = 0;
    closed.current = false;
    setMessages([]);
    setSession(undefined);
    return subscribeEventStream({
      open: (signal) =>
        api.GET('/api/v1/live-consultations/{id}/watch', {
          params: { path: { id: sessionId }, query: { afterSeq: lastSeq.current } },
          parseAs: 'stream',
          signal,
        }),
      onEvent: (event, data) => {
        if (event === 'session') take((JSON.parse(data) as { session: LiveSession }).session);
      },
      onStatus: setFeed,
      refused: '无法打开该在线咨询',
      finished: () => closed.current,
    });
    // `take` reads only refs and setters: the stream is opened again only for another session.
  }, [sessionId]);

  const act = async (run: () => Promise<{ session: LiveSession }>) => {
    setSending(true);
    setProblem(undefined);
    try {
      take((await run()).session);
      return true;
    } catch (e) {
      setProblem(messageOf(e));
      return false;
    } finally {
      setSending(false);
    }
  };
  const send = async () => {
    if (!text.trim()) {
      setProblem('请输入消息内容');
      return;
    }
    const sent = await act(() =>
      call(
        api.POST('/api/v1/live-consultations/{id}/messages', {
          params: { path: { id: sessionId } },
          body: { text: text.trim() },
        }),
      ),
    );
    if (sent) setText('');
  };
  const end = () =>
    void act(() => call(api.POST('/api/v1/live-consultations/{id}/close', { params: { path: { id: sessionId } } })));

  const mayTalk = session && session.status !== 'closed' && (side === 'asker' || session.status === 'active');
  return (
    <Card
      title={session ? `在线咨询 ${session.number}` : '在线咨询'}
      extra={
        session ? (
          <Space>
            <Tag color={LIVE_STATUS_COLOR[session.status]}>{LIVE_STATUS[session.status]}</Tag>
            {actions?.(session)}
          </Space>
        ) : null
      }
    >
      {session ? (
        <Typography.Paragraph type="secondary">
          事项：{session.itemName}
          {session.bookedFor ? `；预约时间：${dateTime(session.bookedFor)}` : ''}
          {session.staffName ? `；接待人员：${session.staffName}` : ''}
        </Typography.Paragraph>
      ) : null}
      {feed.state === 'retrying' ? (
        <Alert type="warning" showIcon role="status" message={feed.message} style={{ marginBottom: 12 }} />
      ) : null}
      {session?.status === 'waiting' && side === 'asker' ? (
        <Alert
          type="info"
          showIcon
          role="status"
          style={{ marginBottom: 12 }}
          message={
            session.bookedFor
              ? `已预约，请在 ${dateTime(session.bookedFor)} 回到本页，窗口人员将在此答复`
              : '正在等待窗口人员接待，请稍候；您可以继续补充说明'
          }
        />
      ) : null}
      <div
        role="log"
        aria-live="polite"
        aria-label="咨询消息"
        tabIndex={0}
        style={{ maxHeight: 360, overflowY: 'auto', marginBottom: 12 }}
      >
        <ol style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {messages.map((m) => (
            <li
              key={m.seq}
              style={{
                margin: '8px 0',
                padding: '8px 12px',
                borderRadius: 6,
                background: m.from === 'staff' ? '#e6f4ff' : '#f5f5f5',
              }}
            >
              <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.65)' }}>
                {speaker(m, side)} · {dateTime(m.at)}
              </div>
              <div style={{ whiteSpace: 'pre-wrap' }}>{m.text}</div>
            </li>
          ))}
        </ol>
      </div>
      {session?.status === 'closed' ? (
        <Alert
          type="info"
          showIcon
          role="status"
          message={`本次在线咨询已于 ${dateTime(session.closedAt ?? '')} 结束`}
        />
      ) : null}
      {problem ? <Alert type="error" showIcon role="alert" message={problem} style={{ marginBottom: 12 }} /> : null}
      {mayTalk ? (
        <>
          <label htmlFor={`live-text-${sessionId}`} style={{ display: 'block', marginBottom: 4 }}>
            消息
          </label>
          <Input.TextArea
            id={`live-text-${sessionId}`}
            value={text}
            maxLength={500}
            showCount
            autoSize={{ minRows: 2, maxRows: 6 }}
            onChange={(e) => setText(e.target.value)}
            onPressEnter={(e) => {
              if (e.ctrlKey || e.metaKey) void send();
            }}
          />
          <Space style={{ marginTop: 12 }}>
            <Button type="primary" loading={sending} onClick={() => void send()}>
              发送
            </Button>
            <Button onClick={end} disabled={sending}>
              结束咨询
            </Button>
          </Space>
        </>
      ) : null}
    </Card>
  );
}
