import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ForbiddenError } from '@govhall/errors';
import { supervisionV1 } from '@govhall/proto';
import { useRouteFixture } from '../../../../lib/fake-grpc-server.test-double';
import { LIVE_COOKIE } from './live.routes';
import {
  CENTER_ADMIN,
  CHINESE,
  CLERK,
  MATTER_ID,
  SUPERVISOR,
  TENANT,
  clock,
  signal,
  startSupervisionFixture,
} from './supervision.fixtures.test-double';

const fx = useRouteFixture(() => startSupervisionFixture());
let base = '';
beforeAll(async () => {
  await fx.app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(fx.app.server.address() as AddressInfo).port}`;
});

interface SseEvent {
  id?: string;
  event?: string;
  data?: string;
}

/** A client of the feed: the response, the events and comments parsed as they arrive, and waits on them. */
class SseClient {
  readonly events: SseEvent[] = [];
  readonly comments: string[] = [];
  ended = false;
  /** Everything received, as text (a refusal's problem+json). */
  text = '';
  private buffer = '';
  private waiters: (() => void)[] = [];

  constructor(
    readonly response: IncomingMessage,
    readonly abort: () => void,
  ) {
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      this.text += chunk;
      this.buffer += chunk;
      let at: number;
      while ((at = this.buffer.indexOf('\n\n')) >= 0) {
        const block = this.buffer.slice(0, at);
        this.buffer = this.buffer.slice(at + 2);
        const event: SseEvent = {};
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) this.comments.push(line.slice(1).trim());
          else {
            const colon = line.indexOf(':');
            (event as Record<string, string>)[line.slice(0, colon)] = line.slice(colon + 2);
          }
        }
        if (Object.keys(event).length > 0) this.events.push(event);
      }
      this.notify();
    });
    response.on('end', () => {
      this.ended = true;
      this.notify();
    });
  }

  private notify() {
    for (const w of this.waiters.splice(0)) w();
  }

  /** Resolves once `done()` holds (checked at every chunk). */
  async until(done: () => boolean): Promise<void> {
    while (!done()) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }
}

function open(path: string, headers: Record<string, string>): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, { headers: { accept: 'text/event-stream', ...headers } }, (res) =>
      resolve(new SseClient(res, () => req.destroy())),
    );
    req.on('error', reject);
    req.end();
  });
}

async function body(client: SseClient): Promise<string> {
  await client.until(() => client.ended);
  return client.text;
}

const raised = (level: supervisionV1.SignalLevel): supervisionV1.LiveUpdate => ({
  update: { $case: 'signalRaised', value: signal(level) },
});

describe('supervision routes: the live feed (server-sent events)', () => {
  it('relays the updates in order as named events, skips what it does not know, and beats while idle', async () => {
    const client = await open(`/api/v1/supervision/live?tenant=${TENANT}&includeSubordinates=true`, SUPERVISOR);
    const feed = await fx.nextFeed();
    expect(client.response.statusCode).toBe(200);
    expect(client.response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(client.response.headers['cache-control']).toBe('no-cache, no-transform');
    expect(fx.lastCall()).toMatchObject({
      method: 'watchLive',
      request: { tenant: TENANT, includeSubordinates: true },
      authorization: 'Bearer supervisor',
    });
    await client.until(() => client.comments.includes('heartbeat'));

    feed.push({ update: { $case: 'clock', value: clock } });
    feed.push({ update: undefined });
    feed.push(raised(supervisionV1.SignalLevel.SIGNAL_LEVEL_RED));
    feed.push({
      update: { $case: 'signalCleared', value: signal(supervisionV1.SignalLevel.SIGNAL_LEVEL_WARNING, true) },
    });
    await client.until(() => client.events.length >= 3);
    expect(client.events.map((e) => [e.id, e.event])).toEqual([
      ['1', 'clock'],
      ['2', 'signal_raised'],
      ['3', 'signal_cleared'],
    ]);
    expect(JSON.parse(client.events[0]!.data!)).toMatchObject({ matterId: MATTER_ID, signal: 'warning', kind: 'case' });
    expect(JSON.parse(client.events[1]!.data!)).toMatchObject({ level: 'red', reason: '承诺时限剩余1个工作日' });
    expect(JSON.parse(client.events[2]!.data!)).toMatchObject({ level: 'warning', clearedReason: '已办结' });
    client.abort();
  });

  it('cancels the gRPC stream when the client goes away', async () => {
    const client = await open('/api/v1/supervision/live', SUPERVISOR);
    const feed = await fx.nextFeed();
    feed.push(raised(supervisionV1.SignalLevel.SIGNAL_LEVEL_YELLOW));
    await client.until(() => client.events.length === 1);
    const call = fx.fake.calls.find((c) => c.method === 'watchLive')!;
    client.abort();
    await expect(call.outcome).resolves.toBe('cancelled');
  });

  it("sends the stream's error as an error event with the problem in Chinese, then closes", async () => {
    const client = await open('/api/v1/supervision/live', SUPERVISOR);
    const feed = await fx.nextFeed();
    feed.push(raised(supervisionV1.SignalLevel.SIGNAL_LEVEL_WARNING));
    feed.fail(new ForbiddenError('TENANT_OUT_OF_SCOPE', '不能查看同级租户的实时情况'));
    await client.until(() => client.ended);
    expect(client.events.map((e) => e.event)).toEqual(['signal_raised', 'error']);
    expect(JSON.parse(client.events[1]!.data!)).toMatchObject({
      status: 403,
      code: 'TENANT_OUT_OF_SCOPE',
      detail: '不能查看同级租户的实时情况',
      requestId: expect.any(String),
    });
  });

  it('ends the stream when the service ends it', async () => {
    const client = await open('/api/v1/supervision/live', SUPERVISOR);
    const feed = await fx.nextFeed();
    feed.push(raised(supervisionV1.SignalLevel.SIGNAL_LEVEL_WARNING));
    feed.end();
    await client.until(() => client.ended);
    expect(client.events.map((e) => e.event)).toEqual(['signal_raised']);
  });

  it('lets a browser authenticate with the cookie the session route sets, on the feed path alone', async () => {
    const session = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/supervision/live/session',
      headers: SUPERVISOR,
    });
    expect(session.statusCode).toBe(204);
    const setCookie = String(session.headers['set-cookie']);
    expect(setCookie).toMatch(new RegExp(`^${LIVE_COOKIE}=supervisor; `));
    expect(setCookie).toContain('Path=/api/v1/supervision/live');
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).toMatch(/Max-Age=60/);

    const client = await open('/api/v1/supervision/live', { cookie: `other=1; ${LIVE_COOKIE}=supervisor` });
    const feed = await fx.nextFeed();
    expect(client.response.statusCode).toBe(200);
    expect(fx.lastCall().authorization).toBe('Bearer supervisor');
    feed.push(raised(supervisionV1.SignalLevel.SIGNAL_LEVEL_RED));
    await client.until(() => client.events.length === 1);
    client.abort();
  });

  it('refuses a feed without credentials, with a forged cookie, or to a role that does not supervise, before any call', async () => {
    const refusals: [Record<string, string>, number][] = [
      [{}, 401],
      [{ cookie: `${LIVE_COOKIE}=forged` }, 401],
      [CLERK, 403],
      [CENTER_ADMIN, 403],
    ];
    for (const [headers, status] of refusals) {
      const client = await open('/api/v1/supervision/live', headers);
      expect(client.response.statusCode).toBe(status);
      expect(client.response.headers['content-type']).toContain('application/problem+json');
      expect(JSON.parse(await body(client)).detail).toMatch(CHINESE);
    }
    const session = await fx.app.inject({ method: 'POST', url: '/api/v1/supervision/live/session' });
    expect(session.statusCode).toBe(401);
    expect(session.headers['set-cookie']).toBeUndefined();
    const bad = await open('/api/v1/supervision/live?includeSubordinates=perhaps', SUPERVISOR);
    expect(bad.response.statusCode).toBe(400);
    expect(JSON.parse(await body(bad)).errors[0].path).toContain('includeSubordinates');
    expect(fx.fake.calls).toHaveLength(0);
  });
});
