import type { FastifyReply, FastifyRequest } from 'fastify';

/** A server stream as grpc-js gives it: messages, then `end` or `error`; `cancel` when the reader goes away. */
export interface MessageSource<T> {
  on(event: 'data', listener: (message: T) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  pause(): unknown;
  resume(): unknown;
  cancel(): void;
}

export interface RelayOptions<T> {
  /** A comment line this often, so that proxies and load balancers keep an idle stream open (ms). */
  heartbeatMs: number;
  /** The event a message becomes (name and JSON data); undefined: the message is skipped. */
  toEvent(message: T): { event: string; data: unknown } | undefined;
  /** The problem+json body an error of the source becomes, sent as an `error` event before the stream closes. */
  toProblem(error: unknown): unknown;
  /** Aborted when the server shuts down: the stream ends (an EventSource reconnects) and the source is cancelled. */
  signal?: AbortSignal;
}

/**
 * The OpenAPI 200 answer of an event stream: one event's schema (as OpenAPI 3.2's itemSchema means it), its names
 * `events` (and `error`, the problem+json a failing stream ends with), its data described as `data`.
 */
export function eventStreamResponse(events: readonly string[], data: string) {
  return {
    description: '服务器推送事件流',
    content: {
      'text/event-stream': {
        schema: {
          type: 'object',
          required: ['event', 'data'],
          properties: {
            id: { type: 'string', description: '事件序号（每个连接从 1 起）' },
            event: { type: 'string', enum: [...events, 'error'] },
            data: { type: 'string', description: data },
          },
        },
      },
    },
  } as const;
}

/** One server-sent event (text/event-stream): JSON never contains a raw line break, so data is one line. */
export const sseEvent = (id: number, event: string, data: unknown) =>
  `id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

/**
 * Relays `source` to the client as server-sent events, one event per message in order (`id` counts from 1 per
 * connection). A heartbeat comment goes out every `heartbeatMs`; a slow client pauses the source until its socket
 * drains. When the source fails, its error goes out as an `error` event carrying the problem+json body and the
 * stream ends; when it ends, the stream ends. When the client goes, the source is cancelled. Resolves when the
 * stream is over, either way.
 */
export function relayAsEventStream<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  source: MessageSource<T>,
  opts: RelayOptions<T>,
): Promise<void> {
  reply.hijack();
  const raw = reply.raw;
  // Headers set so far (CORS, security headers) stay: hijacking skips Fastify's own sending.
  const kept = Object.fromEntries(Object.entries(reply.getHeaders()).filter(([, v]) => v !== undefined));
  raw.writeHead(200, {
    ...(kept as Record<string, string | number | string[]>),
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    // nginx and similar proxies: pass each event on at once rather than buffering the response.
    'x-accel-buffering': 'no',
    'x-request-id': request.id,
  });
  raw.write(': open\n\n');
  let id = 0;
  let over = false;
  return new Promise<void>((resolve) => {
    const heartbeat = setInterval(() => raw.write(': heartbeat\n\n'), opts.heartbeatMs);
    const finish = (why: string) => {
      if (over) return;
      over = true;
      clearInterval(heartbeat);
      opts.signal?.removeEventListener('abort', stop);
      request.log.info({ events: id, why }, 'live stream closed');
      resolve();
    };
    raw.on('close', () => {
      if (over) return;
      finish('client gone');
      source.cancel();
    });
    const stop = () => {
      if (over) return;
      raw.end();
      finish('server closing');
      source.cancel();
    };
    if (opts.signal?.aborted) stop();
    opts.signal?.addEventListener('abort', stop, { once: true });
    source.on('data', (message) => {
      if (over) return;
      const event = opts.toEvent(message);
      if (!event) return;
      id += 1;
      if (!raw.write(sseEvent(id, event.event, event.data))) {
        source.pause();
        raw.once('drain', () => source.resume());
      }
    });
    source.on('error', (error) => {
      if (over) return;
      raw.end(sseEvent(id + 1, 'error', opts.toProblem(error)));
      finish('source failed');
    });
    source.on('end', () => {
      if (over) return;
      raw.end();
      finish('source ended');
    });
  });
}
