import { api } from '../shared/api';
import { subscribeEventStream, type FeedStatus } from '../shared/event-feed';
import type { paths } from '../api/schema';

export type Invitation =
  paths['/api/v1/ratings/invitations']['post']['responses'][201]['content']['application/json']['invitation'];
export type { FeedStatus };

/**
 * The window's invitations (ADR 0063): `GET /api/v1/ratings/invitations/watch` with the device's token, read as
 * server-sent events. Each `invitation` event hands on the open invitation or null. When the stream fails or ends
 * (the gateway restarted, the token expired) the device says so and opens it again later; the first event after
 * that is the window's state, so nothing is missed. Returns the unsubscribe.
 */
export function subscribeInvitations(
  onInvitation: (invitation: Invitation | null) => void,
  onStatus: (status: FeedStatus) => void,
): () => void {
  return subscribeEventStream({
    open: (signal) => api.GET('/api/v1/ratings/invitations/watch', { parseAs: 'stream', signal }),
    onEvent: (event, data) => {
      if (event === 'invitation') onInvitation((JSON.parse(data) as { invitation: Invitation | null }).invitation);
    },
    onStatus,
    refused: '无法接收评价邀请，稍后重试',
  });
}
