import { List, Space, Tag, Typography } from 'antd';
import type { Consultation } from '../../api/types';
import {
  CONSULTATION_STATUS,
  CONSULTATION_STATUS_COLOR,
  CONSULTATION_VISIBILITY,
  consultationSubject,
} from '../../shared/consultation-format';
import { dateTime } from '../../shared/format';
import { EmptyState, ErrorAlert, Loading, MoreButton, type Paged } from '../../shared/states';

/** One consultation as the asker or the public room reads it: the question, and the answer once given. */
function Item({ c, mine }: { c: Consultation; mine: boolean }) {
  return (
    <List.Item>
      <Space direction="vertical" size={2} style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Text strong>{consultationSubject(c)}</Typography.Text>
          {mine ? <Tag color={CONSULTATION_STATUS_COLOR[c.status]}>{CONSULTATION_STATUS[c.status]}</Tag> : null}
          {mine && c.kind === 'question' ? <Tag>{CONSULTATION_VISIBILITY[c.visibility]}</Tag> : null}
          <Typography.Text type="secondary">
            {c.number}，{dateTime(c.askedAt)}
          </Typography.Text>
        </Space>
        <span>问：{c.question}</span>
        {c.answer ? (
          <span>
            答：{c.answer.text}
            <Typography.Text type="secondary">
              （{c.answer.answererName || '工作人员'}，{dateTime(c.answer.answeredAt)}）
            </Typography.Text>
          </span>
        ) : null}
      </Space>
    </List.Item>
  );
}

/** A paged list of consultations: the asker's own (with their states) or a public room's. */
export function ConsultationList({
  paged,
  mine,
  emptyText,
}: {
  paged: Paged<Consultation>;
  mine: boolean;
  emptyText: string;
}) {
  const { first, items } = paged;
  if (first.error) return <ErrorAlert error={first.error} onRetry={first.reload} />;
  if (!first.data) return <Loading text="正在读取咨询…" />;
  if (items.length === 0) return <EmptyState text={emptyText} />;
  return (
    <>
      <List dataSource={items} renderItem={(c) => <Item key={`${c.id}.${c.version}`} c={c} mine={mine} />} />
      <MoreButton paged={paged} />
    </>
  );
}
