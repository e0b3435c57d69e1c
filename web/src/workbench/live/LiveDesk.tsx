import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, Button, Col, List, Row, Tag, Typography } from 'antd';
import { api, call } from '../../shared/api';
import type { LiveSession, Profile } from '../../api/types';
import { subscribeEventStream, type FeedStatus } from '../../shared/event-feed';
import { dateTime } from '../../shared/format';
import { LiveChat } from '../../shared/live-chat';
import { LIVE_STATUS, LIVE_STATUS_COLOR } from '../../shared/live-session-format';
import { messageOf } from '../../shared/problem';
import { EmptyState, Loading, type Loaded } from '../../shared/states';
import { StaffPage } from '../staff-page';

type Staff = NonNullable<Profile['staff']>;
/** Who takes sessions up (the service decides which: the item's department, the center any). */
const SERVING = ['window_clerk', 'reviewer', 'approver', 'department_head', 'center_admin'];

/** The console's queue, kept up to date by the gateway's event stream. */
function useLiveQueue(): { sessions: LiveSession[] | undefined; feed: FeedStatus } {
  const [sessions, setSessions] = useState<LiveSession[]>();
  const [feed, setFeed] = useState<FeedStatus>({ state: 'connecting' });
  useEffect(
    () =>
      subscribeEventStream({
        open: (signal) => api.GET('/api/v1/live-consultations/queue/watch', { parseAs: 'stream', signal }),
        onEvent: (event, data) => {
          if (event === 'queue') setSessions((JSON.parse(data) as { sessions: LiveSession[] }).sessions);
        },
        onStatus: setFeed,
        refused: '无法接收在线咨询队列',
      }),
    [],
  );
  return { sessions, feed };
}

function when(s: LiveSession): string {
  if (s.status === 'active') return `${s.staffName} 接待中`;
  return s.bookedFor ? `预约 ${dateTime(s.bookedFor)}` : `${dateTime(s.openedAt)} 发起`;
}

function Desk({ staff }: { staff: Staff }) {
  const { sessions, feed } = useLiveQueue();
  const [params, setParams] = useSearchParams();
  const open = params.get('session') ?? '';
  const [problem, setProblem] = useState<string>();
  const serving = staff.roles.some((r) => SERVING.includes(r));

  const accept = async (id: string) => {
    setProblem(undefined);
    try {
      await call(api.POST('/api/v1/live-consultations/{id}/accept', { params: { path: { id } } }));
      setParams({ session: id });
    } catch (e) {
      setProblem(messageOf(e));
    }
  };

  return (
    <Row gutter={16}>
      <Col xs={24} lg={10} role="region" aria-labelledby="live-queue-title">
        <Typography.Title level={2} style={{ fontSize: 16 }} id="live-queue-title">
          咨询队列
        </Typography.Title>
        {feed.state === 'retrying' ? (
          <Alert type="warning" showIcon role="status" message={feed.message} style={{ marginBottom: 12 }} />
        ) : null}
        {problem ? <Alert type="error" showIcon role="alert" message={problem} style={{ marginBottom: 12 }} /> : null}
        {sessions === undefined ? <Loading text="正在接收在线咨询队列…" /> : null}
        {sessions?.length === 0 ? <EmptyState text="暂无等待接待的在线咨询" /> : null}
        {sessions?.length ? (
          <List
            dataSource={sessions}
            renderItem={(s) => (
              <List.Item
                actions={[
                  s.status === 'waiting' && serving ? (
                    <Button key="accept" type="primary" size="small" onClick={() => void accept(s.id)}>
                      接待
                    </Button>
                  ) : (
                    <Button key="open" size="small" onClick={() => setParams({ session: s.id })}>
                      查看
                    </Button>
                  ),
                ]}
              >
                <List.Item.Meta
                  title={
                    <>
                      <Tag color={LIVE_STATUS_COLOR[s.status]}>{LIVE_STATUS[s.status]}</Tag>
                      {s.itemName}
                    </>
                  }
                  description={
                    <>
                      <div>{s.messages[0]?.text}</div>
                      <div>
                        {s.number} · {when(s)} · 共{s.messageCount}条消息
                      </div>
                    </>
                  }
                />
              </List.Item>
            )}
          />
        ) : null}
      </Col>
      <Col xs={24} lg={14}>
        {open ? (
          <LiveChat
            sessionId={open}
            side="staff"
            actions={(s) =>
              s.status === 'waiting' && serving ? (
                <Button type="primary" size="small" onClick={() => void accept(s.id)}>
                  接待
                </Button>
              ) : null
            }
          />
        ) : (
          <Typography.Paragraph type="secondary">在左侧队列中接待或查看一次在线咨询。</Typography.Paragraph>
        )}
      </Col>
    </Row>
  );
}

/**
 * 在线咨询台 (C18, U15): the department's live sessions as they come — waiting ones first, then those being served
 * and the booked — taken up here and talked through beside the queue.
 */
export default function LiveDesk({ me }: { me: Loaded<Profile | undefined> }) {
  return (
    <StaffPage
      title="在线咨询台"
      me={me}
      extra="办事群众在办事指南页发起的在线咨询；预约的在预约时间前10分钟进入队列。"
    >
      {(staff) => <Desk staff={staff} />}
    </StaffPage>
  );
}
