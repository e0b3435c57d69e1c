import { EventSourceParserStream } from 'eventsource-parser/stream';

export type FeedStatus = { state: 'connecting' } | { state: 'open' } | { state: 'retrying'; message: string };

/** After a failure, the stream is opened again this much later (ms), doubling up to half a minute. */
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
 * A gateway event stream read with fetch (unlike an EventSource, fetch sends the Authorization header): `open`
 * fetches it (openapi-fetch with `parseAs: 'stream'`), each named event goes to `onEvent`. When the stream fails or
 * ends it is opened again later (the gateway restarted, the token expired), unless `finished()` says there is no
 * more to follow; `open` is called again each time, so it may resume from what it has. Returns the unsubscribe.
 */
export function subscribeEventStream(opts: {
  open: (signal: AbortSignal) => Promise<{ response: Response }>;
  onEvent: (event: string, data: string) => void;
  onStatus: (status: FeedStatus) => void;
  /** The message when the gateway refuses the stream without a problem+json detail. */
  refused: string;
  /** True once the stream has ended for good (not opened again). */
  finished?: () => boolean;
}): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let delay = FIRST_RETRY_MS;
  let abort: AbortController | undefined;

  const retry = (message: string) => {
    if (stopped) return;
    opts.onStatus({ state: 'retrying', message });
    timer = setTimeout(() => void open(), delay);
    delay = Math.min(delay * 2, MAX_RETRY_MS);
  };

  const open = async () => {
    opts.onStatus({ state: 'connecting' });
    abort = new AbortController();
    let failure = '连接中断，正在重新连接';
    try {
      const { response } = await opts.open(abort.signal);
      if (!response.ok || !response.body) {
        failure = problemText(await response.text().catch(() => ''), opts.refused);
        throw new Error(failure);
      }
      const events = response.body.pipeThrough(new TextDecoderStream()).pipeThrough(new EventSourceParserStream());
      const reader = events.getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done || stopped) break;
        if (value.event === 'error') {
          failure = problemText(value.data);
          break;
        }
        delay = FIRST_RETRY_MS;
        opts.onStatus({ state: 'open' });
        opts.onEvent(value.event ?? 'message', value.data);
      }
    } catch {
      // failed to connect, or the stream broke: retried below
    }
    if (!stopped && !opts.finished?.()) retry(failure);
  };

  void open();
  return () => {
    stopped = true;
    clearTimeout(timer);
    abort?.abort();
  };
}
