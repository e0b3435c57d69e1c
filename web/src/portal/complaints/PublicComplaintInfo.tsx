import { Card, List, Space, Tag, Typography } from 'antd';
import { api, call } from '../../shared/api';
import type { PublishedOutcome } from '../../api/types';
import { COMPLAINT_FINDING, COMPLAINT_KIND, COMPLAINT_TYPE } from '../../shared/complaint-format';
import { dateTime } from '../../shared/format';
import { ComplaintChannelDetails, readComplaintChannel } from '../../shared/complaint-channel';
import { EmptyState, ErrorAlert, Loading, MoreButton, useLoad, usePaged } from '../../shared/states';

/** 投诉渠道 (C14): the unit that takes complaints, its phone, address and procedure; none until the center sets it. */
export function ComplaintChannel({ tenant }: { tenant: string }) {
  const loaded = useLoad(() => readComplaintChannel(tenant), [tenant]);
  if (loaded.error) return <ErrorAlert error={loaded.error} onRetry={loaded.reload} />;
  if (loaded.data === undefined) return <Loading text="正在读取投诉渠道…" />;
  const channel = loaded.data;
  if (!channel) return null;
  return (
    <Card title="投诉渠道" style={{ marginBottom: 16 }}>
      <ComplaintChannelDetails channel={channel} />
    </Card>
  );
}

function OutcomeItem({ o }: { o: PublishedOutcome }) {
  return (
    <List.Item>
      <Space direction="vertical" size={2} style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Text strong>
            {COMPLAINT_TYPE[o.type]} {o.number}
          </Typography.Text>
          <Tag>{COMPLAINT_KIND[o.kind]}</Tag>
          <Tag color={o.finding === 'justified' ? 'red' : 'default'}>{COMPLAINT_FINDING[o.finding]}</Tag>
        </Space>
        <span>
          对象：{o.targetName || '不指定'}；收到 {dateTime(o.receivedAt)}，答复 {dateTime(o.repliedAt)}
        </span>
        <span>内容：{o.content}</span>
        <span>答复：{o.reply}</span>
      </Space>
    </List.Item>
  );
}

/** 处理结果公开 (C12): answered complaints of the tenant, personal data masked by the complaints service. */
export function PublishedOutcomes({ tenant }: { tenant: string }) {
  const paged = usePaged<PublishedOutcome & { id: string }>(
    (pageToken) =>
      call(
        api.GET('/api/v1/complaints/outcomes', {
          params: { query: { tenant, pageSize: 10, ...(pageToken ? { pageToken } : {}) } },
        }),
      ).then((r) => ({
        items: r.outcomes.map((o) => ({ ...o, id: o.number })),
        total: r.total,
        nextPageToken: r.nextPageToken,
      })),
    [tenant],
  );
  const { first, items } = paged;
  return (
    <Card title="投诉处理结果公开" style={{ marginBottom: 16 }}>
      {first.error ? <ErrorAlert error={first.error} onRetry={first.reload} /> : null}
      {!first.data && !first.error ? <Loading text="正在读取处理结果…" /> : null}
      {first.data && items.length === 0 ? <EmptyState text="暂无公开的处理结果" /> : null}
      {items.length > 0 ? (
        <>
          <List dataSource={items} renderItem={(o) => <OutcomeItem key={o.number} o={o} />} />
          <MoreButton paged={paged} />
        </>
      ) : null}
    </Card>
  );
}
