import { EventSourceParserStream } from 'eventsource-parser/stream';
import { api } from '../shared/api';
import type { paths } from '../api/schema';

export type Invitation =
  paths['/api/v1/ratings/invitations']['post']['responses'][201]['content']['application/json']['invitation'];
export type FeedStatus = { state: 'connecting' } | { state: 'open' } | { state: 'retrying'; message: string };

/** After a failure, the watch is opened again this much later (ms), doubling up to half a minute. */
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;

/** The message of the gateway's `error` event (its problem+json), or a plain one. */
export function problemText(data: string | undefined, fallback = '连接中断，正在重新连接'): string {
  try {
    const problem = JSON.parse(data ?? '') as { detail?: unknown };
    if (typeof problem.detail === 'string' && problem.detail) return problem.detail;
  } catch {
    // not JSON
  }
  return fallback;
}

/**
 * The window's invitations (ADR 0063): a fetch of `GET /api/v1/ratings/invitations/watch` with the device's token
 * (unlike an EventSource, fetch sends the Authorization header), read as server-sent events. Each `invitation` event
 * hands on the open invitation or null. When the stream fails or ends (the gateway restarted, the token expired)
 * the device says so and opens it again later; the first event after that is the window's state, so nothing is
 * missed. Returns the unsubscribe.
 */
export function subscribeInvitations(
  onInvitation: (invitation: Invitation | null) => void,
  onStatus: (status: FeedStatus) => void,
): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let delay = FIRST_RETRY_MS;
  let abort: AbortController | undefined;

  const retry = (message: string) => {
    if (stopped) return;
    onStatus({ state: 'retrying', message });
    timer = setTimeout(() => void open(), delay);
    delay = Math.min(delay * 2, MAX_RETRY_MS);
  };

  const open = async () => {
    onStatus({ state: 'connecting' });
    abort = new AbortController();
    let failure = '连接中断，正在重新连接';
    try {
      const { response } = await api.GET('/api/v1/ratings/invitations/watch', {
        parseAs: 'stream',
        signal: abort.signal,
      });
      if (!response.ok || !response.body) {
        failure = problemText(await response.text().catch(() => ''), '无法接收评价邀请，稍后重试');
        throw new Error(failure);
      }
      const events = response.body.pipeThrough(new TextDecoderStream()).pipeThrough(new EventSourceParserStream());
      const reader = events.getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done || stopped) break;
        if (value.event === 'invitation') {
          delay = FIRST_RETRY_MS;
          onStatus({ state: 'open' });
          onInvitation((JSON.parse(value.data) as { invitation: Invitation | null }).invitation);
        } else if (value.event === 'error') {
          failure = problemText(value.data);
          break;
        }
      }
    } catch {
      // failed to connect, or the stream broke: retried below
    }
    if (!stopped) retry(failure);
  };

  void open();
  return () => {
    stopped = true;
    clearTimeout(timer);
    abort?.abort();
  };
}
