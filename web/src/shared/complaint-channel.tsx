import { Descriptions } from 'antd';
import { api, call } from './api';
import type { ComplaintChannelInfo } from '../api/types';
import { ApiError } from './problem';

/** The tenant's complaint channel (C14), or null while its center has not published one. */
export function readComplaintChannel(tenant: string): Promise<ComplaintChannelInfo | null> {
  return call(api.GET('/api/v1/complaints/channels/{tenant}', { params: { path: { tenant } } })).then(
    (r) => r.channel,
    (e: unknown) => {
      if (e instanceof ApiError && e.problem.code === 'CHANNEL_NOT_SET') return null;
      throw e;
    },
  );
}

/** The channel as the portal publishes it and the administrator reads it back. */
export function ComplaintChannelDetails({ channel }: { channel: ComplaintChannelInfo }) {
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
      <Descriptions.Item label="受理单位">{channel.unit}</Descriptions.Item>
      <Descriptions.Item label="投诉电话">{channel.phone}</Descriptions.Item>
      <Descriptions.Item label="地址" span={2}>
        {channel.address}
      </Descriptions.Item>
      <Descriptions.Item label="处理程序" span={2}>
        <span style={{ whiteSpace: 'pre-wrap' }}>{channel.procedure}</span>
      </Descriptions.Item>
    </Descriptions>
  );
}
