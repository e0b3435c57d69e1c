import { api } from '../shared/api';
import type { LiveEvent } from './types';

export type LiveStatus = { state: 'connecting' } | { state: 'open' } | { state: 'retrying'; message: string };

const FEED = '/api/v1/supervision/live';
/** After a failure, the feed is opened again this much later (ms), doubling up to a minute. */
const FIRST_RETRY_MS = 2_000;
const MAX_RETRY_MS = 60_000;

/** The message of an `error` event the gateway sent (its problem+json), or a plain one. */
export function problemText(data: string | undefined): string {
  try {
    const problem = JSON.parse(data ?? '') as { detail?: unknown };
    if (typeof problem.detail === 'string' && problem.detail) return problem.detail;
  } catch {
    // not JSON: the connection failed
  }
  return '实时推送连接中断，正在重新连接';
}

/**
 * Subscribes to the live feed (ADR 0039): asks the gateway for the feed's cookie with the current token, opens an
 * EventSource, hands every event on in order. When the feed fails (the gateway's `error` event, or the connection
 * dropped, e.g. the gateway restarted), it says so (`retrying`) and opens again later with a fresh cookie. Returns
 * the unsubscribe.
 */
export function subscribeLive(
  query: string,
  onEvent: (event: LiveEvent) => void,
  onStatus: (status: LiveStatus) => void,
): () => void {
  let source: EventSource | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let delay = FIRST_RETRY_MS;

  const retry = (message: string) => {
    source?.close();
    source = undefined;
    if (stopped) return;
    onStatus({ state: 'retrying', message });
    timer = setTimeout(() => void open(), delay);
    delay = Math.min(delay * 2, MAX_RETRY_MS);
  };

  const open = async () => {
    onStatus({ state: 'connecting' });
    const session = await api.POST('/api/v1/supervision/live/session').catch(() => undefined);
    if (stopped) return;
    if (!session?.response.ok) {
      retry(session?.response.status === 403 ? '没有查看实时情况的权限' : '无法连接实时推送，稍后重试');
      return;
    }
    const es = new EventSource(`${FEED}${query ? `?${query}` : ''}`);
    source = es;
    es.onopen = () => {
      delay = FIRST_RETRY_MS;
      onStatus({ state: 'open' });
    };
    es.addEventListener('clock', (e) => onEvent({ type: 'clock', clock: JSON.parse((e as MessageEvent).data) }));
    es.addEventListener('signal_raised', (e) =>
      onEvent({ type: 'signal_raised', signal: JSON.parse((e as MessageEvent).data) }),
    );
    es.addEventListener('signal_cleared', (e) =>
      onEvent({ type: 'signal_cleared', signal: JSON.parse((e as MessageEvent).data) }),
    );
    es.addEventListener('error', (e) => {
      // The gateway's own `error` event carries a problem; a dropped connection has no data. An EventSource would
      // reconnect a dropped one by itself, silently (the page would not learn of the gap, so would not read again
      // what it missed) and with a cookie that may have expired: the feed is opened again here instead.
      retry(problemText((e as MessageEvent).data as string | undefined));
    });
  };

  void open();
  return () => {
    stopped = true;
    clearTimeout(timer);
    source?.close();
  };
}
