import { Tag } from 'antd';
import type { LiveStatus } from './live';

/** Says whether the page is live, in words (not colour alone). */
export function LiveBadge({ status }: { status: LiveStatus }) {
  if (status.state === 'open') return <Tag color="green">实时更新中</Tag>;
  if (status.state === 'connecting') return <Tag>正在连接实时推送…</Tag>;
  return <Tag color="orange">{status.message}</Tag>;
}
