import { useState } from 'react';
import { Button, Card, Descriptions, List, Radio, Space, Tag, Typography } from 'antd';
import { api, call } from '../../shared/api';
import type { Complaint } from '../../api/types';
import {
  COMPLAINT_FINDING,
  COMPLAINT_KIND,
  COMPLAINT_STATUS,
  COMPLAINT_STATUS_COLOR,
  COMPLAINT_TYPE,
  complaintClock,
  HANDLING_OFFICE,
  REPLY_SATISFACTION,
} from '../../shared/complaint-format';
import { ComplaintAttachmentDownloads } from '../../shared/complaint-attachments';
import { dateTime } from '../../shared/format';
import { FormMessages } from '../../shared/form-messages';
import { messageOf } from '../../shared/problem';
import { EmptyState, ErrorAlert, Loading, MoreButton, usePaged } from '../../shared/states';

type Satisfaction = Exclude<Complaint['satisfaction'], ''>;

/** 评价答复 (C10): once, when the office has answered. */
function Vote({ c, onVoted }: { c: Complaint; onVoted: (c: Complaint) => void }) {
  const [choice, setChoice] = useState<Satisfaction>();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const send = async () => {
    if (!choice) {
      setErrors(['请选择您对答复的评价']);
      return;
    }
    setBusy(true);
    setErrors([]);
    try {
      const res = await call(
        api.POST('/api/v1/complaints/{id}/satisfaction', {
          params: { path: { id: c.id } },
          body: { satisfaction: choice },
        }),
      );
      onVoted(res.complaint);
    } catch (e) {
      setErrors([messageOf(e)]);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space direction="vertical" style={{ marginTop: 8 }}>
      <FormMessages messages={errors} gap={0} />
      <Radio.Group
        aria-label="对答复的评价"
        value={choice}
        onChange={(e) => setChoice(e.target.value as Satisfaction)}
        options={Object.entries(REPLY_SATISFACTION).map(([value, label]) => ({ value, label }))}
      />
      <Button type="primary" loading={busy} onClick={() => void send()}>
        提交评价
      </Button>
    </Space>
  );
}

function ComplaintItem({ c: initial }: { c: Complaint }) {
  const [c, setC] = useState(initial);
  const clock = complaintClock(c);
  return (
    <List.Item>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        title={
          <Space wrap>
            <span>
              {COMPLAINT_TYPE[c.type]} {c.number}
            </span>
            <Tag color={COMPLAINT_STATUS_COLOR[c.status]}>{COMPLAINT_STATUS[c.status]}</Tag>
          </Space>
        }
      >
        <Descriptions.Item label="类别">{COMPLAINT_KIND[c.kind]}</Descriptions.Item>
        <Descriptions.Item label="受理部门">{HANDLING_OFFICE[c.office]}</Descriptions.Item>
        <Descriptions.Item label="投诉对象">{c.target.name || '不指定'}</Descriptions.Item>
        <Descriptions.Item label="提交时间">{dateTime(c.receivedAt)}</Descriptions.Item>
        <Descriptions.Item label="内容" span={2}>
          {c.content}
        </Descriptions.Item>
        {c.attachments.length > 0 ? (
          <Descriptions.Item label="附件" span={2}>
            <ComplaintAttachmentDownloads c={c} />
          </Descriptions.Item>
        ) : null}
        {clock.text !== '—' ? <Descriptions.Item label="办理期限">{clock.text}</Descriptions.Item> : null}
        {c.status === 'rejected' ? (
          <Descriptions.Item label="不予受理的理由" span={2}>
            {c.rejectionReason}
          </Descriptions.Item>
        ) : null}
        {c.reply ? (
          <Descriptions.Item label="答复" span={2}>
            <Space direction="vertical" size={0}>
              <span>
                {COMPLAINT_FINDING[c.reply.finding]}（{dateTime(c.reply.repliedAt)}）
              </span>
              <span>{c.reply.text}</span>
              {c.satisfaction ? (
                <Typography.Text>您的评价：{REPLY_SATISFACTION[c.satisfaction]}</Typography.Text>
              ) : (
                <Vote c={c} onVoted={setC} />
              )}
            </Space>
          </Descriptions.Item>
        ) : null}
      </Descriptions>
    </List.Item>
  );
}

/** 我的投诉: the signed-in person's complaints, the answers, and the vote on each answer; read again on `filed`. */
export function MyComplaints({ filed }: { filed: number }) {
  const paged = usePaged<Complaint>(
    (pageToken) =>
      call(
        api.GET('/api/v1/complaints/mine', {
          params: { query: { pageSize: 20, ...(pageToken ? { pageToken } : {}) } },
        }),
      ).then((r) => ({ items: r.complaints, total: r.total, nextPageToken: r.nextPageToken })),
    [filed],
  );
  const { first, items } = paged;
  return (
    <Card title="我的投诉" style={{ marginBottom: 16 }}>
      {first.error ? <ErrorAlert error={first.error} onRetry={first.reload} /> : null}
      {!first.data && !first.error ? <Loading text="正在读取投诉…" /> : null}
      {first.data && items.length === 0 ? <EmptyState text="您还没有提交过投诉" /> : null}
      {items.length > 0 ? (
        <>
          <List dataSource={items} renderItem={(c) => <ComplaintItem key={`${c.id}.${c.version}`} c={c} />} />
          <MoreButton paged={paged} />
        </>
      ) : null}
    </Card>
  );
}
