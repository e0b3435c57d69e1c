import { connect } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { parseConfig } from '@govhall/config';
import { buildApp } from './app';
import { configShape, type GatewayConfig } from './config';
import { fakeVerifier } from './lib/fake-grpc-server.test-double';

// The edge through app.inject() (and, for what Node's HTTP parser decides, a real socket). No service is behind
// it: every request here is answered before a gRPC call, and the verifier is a fake with one valid token.

interface Edge {
  app: Awaited<ReturnType<typeof buildApp>>;
  /** Every log line the gateway wrote, parsed. */
  logs: Record<string, any>[];
}

async function edge(env: Record<string, string> = {}): Promise<Edge> {
  const parsed = parseConfig(configShape, {
    KEYCLOAK_URL: 'http://127.0.0.1:1',
    CATALOGUE_GRPC_ADDR: '127.0.0.1:1',
    IDENTITY_GRPC_ADDR: '127.0.0.1:1',
    OVERLOAD_EVENT_LOOP_DELAY_MS: '0',
    OVERLOAD_HEAP_USED_MB: '0',
    ...env,
  });
  if (!parsed.ok) throw new Error(`bad test config: ${JSON.stringify(parsed.errors)}`);
  const logs: Record<string, any>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) logs.push(JSON.parse(line));
      done();
    },
  });
  const app = await buildApp({
    config: parsed.config as GatewayConfig,
    verifier: fakeVerifier('620321', { 'admin-token': ['center_admin'], 'citizen-token': ['applicant'] }),
    logger: pino({ level: 'info' }, sink),
  });
  return { app, logs };
}

const registration = {
  tenant: '620321',
  name: '张三',
  idNumber: '620321199001011234',
  phone: '13909351234',
  password: 'Start2026x',
};

/** Every message of a problem body, for checking that none is English. */
function texts(body: { title?: string; detail?: string; errors?: { message: string }[] }): string[] {
  return [body.title ?? '', body.detail ?? '', ...(body.errors ?? []).map((e) => e.message)];
}
const ENGLISH_WORD = /\b(must|should|is|not|be|have|property|equal|match|allowed|format|invalid|body)\b/i;

describe('edge input: bodies are validated as sent', () => {
  it('refuses an ID number sent as a JSON number as TYPE at idNumber, and a number for a text field', async () => {
    const { app } = await edge();
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/identity/natural-persons',
      headers: { 'content-type': 'application/json' },
      // The ID number as a JSON number literal, as a careless client sends it.
      payload: JSON.stringify(registration).replace('"620321199001011234"', '620321199001011234'),
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(res.json().errors).toEqual([
      { path: 'idNumber', reason: 'TYPE', message: '类型不正确，应为文本（字符串）' },
    ]);

    const phone = await app.inject({
      method: 'POST',
      url: '/api/v1/identity/natural-persons',
      payload: { ...registration, phone: 13909351234 },
    });
    expect(phone.json().errors).toEqual([expect.objectContaining({ path: 'phone', reason: 'TYPE' })]);
    await app.close();
  });

  it('still coerces the querystring (pageSize=abc is a TYPE error; pageSize=20 passes the schema)', async () => {
    const { app } = await edge();
    const bad = await app.inject({
      url: '/api/v1/catalogue/search?pageSize=abc',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ path: 'querystring.pageSize', reason: 'TYPE' })]);
    // A number in text passes the edge and reaches the (absent) service: 503, not 400.
    const good = await app.inject({ url: '/api/v1/catalogue/search?pageSize=20' });
    expect(good.statusCode).not.toBe(400);
    await app.close();
  });
});

describe('edge input: parser failures are problem+json in Chinese with a code and a field', () => {
  const cases: [string, Record<string, unknown>, number, string, string][] = [
    [
      'malformed JSON',
      { headers: { 'content-type': 'application/json' }, payload: '{"name": "张三",' },
      400,
      'INVALID_JSON',
      'body',
    ],
    ['an empty JSON body', { headers: { 'content-type': 'application/json' }, payload: '' }, 400, 'EMPTY_BODY', 'body'],
    [
      'a text/plain body',
      { headers: { 'content-type': 'text/plain' }, payload: 'tenant=620321' },
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'headers.content-type',
    ],
    [
      'a form body',
      { headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'tenant=620321' },
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'headers.content-type',
    ],
    [
      'a body over 1 MiB',
      {
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ ...registration, name: 'x'.repeat(1024 * 1024) }),
      },
      413,
      'BODY_TOO_LARGE',
      'body',
    ],
  ];

  it.each(cases)('%s', async (_name, request, status, code, path) => {
    const { app } = await edge();
    const res = await app.inject({ method: 'POST', url: '/api/v1/identity/natural-persons', ...request });
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json();
    expect(body).toMatchObject({ status, code });
    expect(body.errors).toEqual([expect.objectContaining({ path, reason: code })]);
    for (const text of texts(body)) expect(text).toMatch(/\p{Script=Han}/u);
    await app.close();
  });

  it('a bad percent-escape in the path is 400 BAD_URL and an over-long path parameter 414', async () => {
    const { app } = await edge();
    const bad = await app.inject('/api/v1/catalogue/published/%E0%A4%A');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json()).toMatchObject({ code: 'BAD_URL', errors: [{ path: 'path', reason: 'BAD_URL' }] });
    const long = await app.inject(`/api/v1/catalogue/published/${'a'.repeat(500)}`);
    expect(long.statusCode).toBe(414);
    expect(long.headers['content-type']).toContain('application/problem+json');
    expect(long.json()).toMatchObject({ code: 'URL_TOO_LONG', title: '网址过长' });
    await app.close();
  });

  it('headers or a URL over Node’s maxHeaderSize answer 431 problem+json on the socket', async () => {
    const { app } = await edge();
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as { port: number };
    const raw = (request: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => socket.end(request));
        let answer = '';
        socket.on('data', (d) => (answer += d.toString()));
        socket.on('close', () => resolve(answer));
        socket.on('error', reject);
      });
    for (const request of [
      `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      `GET /api/v1/catalogue/search?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
    ]) {
      const answer = await raw(request);
      expect(answer).toMatch(/^HTTP\/1\.1 431 /);
      expect(answer).toMatch(/content-type: application\/problem\+json/i);
      const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));
      expect(body).toMatchObject({ status: 431, code: 'HEADERS_TOO_LARGE', title: '请求头过大' });
    }
    const garbage = await raw('NOT-HTTP\r\n\r\n');
    expect(garbage).toMatch(/^HTTP\/1\.1 400 /);
    expect(garbage).toContain('"code":"MALFORMED_REQUEST"');
    await app.close();
  });
});

describe('edge input: every validation message is Chinese', () => {
  it('names each field with a Chinese message, with no English from the validator', async () => {
    const { app } = await edge();
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/catalogue/items',
      headers: { authorization: 'Bearer admin-token', 'idempotency-key': 'k' },
      payload: {
        tenant: 'x',
        name: '',
        basicCode: 'lower',
        kind: '99',
        handlingCategory: 'sometimes',
        department: 7,
        extra: true,
      },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    const reasons = body.errors.map((e: { reason: string }) => e.reason);
    expect(reasons).toEqual(expect.arrayContaining(['PATTERN', 'ADDITIONALPROPERTIES', 'TYPE', 'MINLENGTH']));
    for (const text of texts(body)) {
      expect(text).toMatch(/\p{Script=Han}/u);
      expect(text).not.toMatch(ENGLISH_WORD);
    }
    await app.close();
  });
});

describe('edge input: 401 carries WWW-Authenticate (RFC 6750)', () => {
  it('challenges without error when no token was sent, with invalid_token when a bad one was', async () => {
    const { app } = await edge();
    const none = await app.inject({ url: '/api/v1/identity/me' });
    expect(none.statusCode).toBe(401);
    expect(none.headers['www-authenticate']).toBe('Bearer realm="govhall"');
    const bad = await app.inject({ url: '/api/v1/identity/me', headers: { authorization: 'Bearer forged' } });
    expect(bad.statusCode).toBe(401);
    expect(bad.headers['www-authenticate']).toBe(
      'Bearer realm="govhall", error="invalid_token", error_description="TOKEN_INVALID"',
    );
    await app.close();
  });
});

describe('no token in a query string, and none in the logs', () => {
  const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';

  it.each([
    ['access_token', `/api/v1/identity/me?access_token=${jwt}`],
    ['token', '/api/v1/catalogue/search?q=%E8%90%A5%E4%B8%9A&token=abc'],
    ['a JWT under any name', `/api/v1/catalogue/search?q=${jwt}`],
  ])('refuses %s with 400 CREDENTIAL_IN_QUERY naming the parameter', async (_name, url) => {
    const { app } = await edge();
    const res = await app.inject({ url, headers: { authorization: 'Bearer citizen-token' } });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'CREDENTIAL_IN_QUERY' });
    expect(res.json().errors[0].path).toMatch(/^querystring\./);
    expect(res.json().instance).not.toContain('?');
    await app.close();
  });

  it('logs request URLs without the token, and with ID and phone numbers masked', async () => {
    const { app, logs } = await edge();
    await app.inject(`/api/v1/identity/me?access_token=${jwt}`);
    await app.inject('/api/v1/catalogue/search?q=620321199001011234&other=13909351234');
    const text = JSON.stringify(logs);
    expect(text).not.toContain(jwt);
    expect(text).not.toContain('620321199001011234');
    expect(text).not.toContain('13909351234');
    const urls = logs.filter((l) => l.msg === 'incoming request').map((l) => l.req.url);
    expect(urls[0]).toBe('/api/v1/identity/me?access_token=[redacted]');
    expect(urls[1]).toMatch(/^\/api\/v1\/catalogue\/search\?q=6203\*+1234&other=139\*+1234$/);
    await app.close();
  });
});

describe('rate limits that hold', () => {
  const hit = (app: Edge['app'], remoteAddress: string, forwardedFor?: string, url = '/api/v1/nothing') =>
    app.inject({ url, remoteAddress, headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} });

  it('ignores a spoofed X-Forwarded-For: neither a fresh limit nor a different logged address', async () => {
    const { app, logs } = await edge({ RATE_LIMIT_MAX: '3' });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await hit(app, '198.51.100.7', `203.0.113.${i}`)).statusCode);
    expect(statuses).toEqual([404, 404, 404, 429, 429]);
    const limited = await hit(app, '198.51.100.7', '203.0.113.99');
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.json()).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(limited.json().detail).toMatch(/请求过于频繁/);
    // Another client is not affected.
    expect((await hit(app, '198.51.100.8')).statusCode).toBe(404);
    const addresses = new Set(logs.filter((l) => l.msg === 'incoming request').map((l) => l.req.remoteAddress));
    expect([...addresses].sort()).toEqual(['198.51.100.7', '198.51.100.8']);
    await app.close();
  });

  it('counts requests with a bad token too (the limit runs before authentication)', async () => {
    const { app } = await edge({ RATE_LIMIT_MAX: '2' });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await app.inject({
        url: '/api/v1/identity/me',
        remoteAddress: '198.51.100.9',
        headers: { authorization: `Bearer guess-${i}` },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([401, 401, 429]);
    await app.close();
  });

  it('uses the forwarded address when the request came through a trusted proxy', async () => {
    const { app, logs } = await edge({ RATE_LIMIT_MAX: '2', TRUSTED_PROXIES: '10.0.0.0/8, 127.0.0.1' });
    const statuses: number[] = [];
    for (const client of ['203.0.113.1', '203.0.113.1', '203.0.113.1', '203.0.113.2']) {
      statuses.push((await hit(app, '10.1.2.3', client)).statusCode);
    }
    expect(statuses).toEqual([404, 404, 429, 404]);
    // A proxy that is not trusted is the client itself.
    expect((await hit(app, '198.51.100.10', '203.0.113.2')).statusCode).toBe(404);
    const addresses = logs.filter((l) => l.msg === 'incoming request').map((l) => l.req.remoteAddress);
    expect(addresses).toEqual(['203.0.113.1', '203.0.113.1', '203.0.113.1', '203.0.113.2', '198.51.100.10']);
    await app.close();
  });

  it('gives self-registration a stricter limit of its own', async () => {
    const { app } = await edge({ RATE_LIMIT_MAX: '5', REGISTRATION_RATE_LIMIT_MAX: '2' });
    const register = () =>
      app.inject({
        method: 'POST',
        url: '/api/v1/identity/natural-persons',
        remoteAddress: '198.51.100.11',
        payload: { ...registration, idNumber: 1 },
      });
    const statuses = [(await register()).statusCode, (await register()).statusCode, (await register()).statusCode];
    expect(statuses).toEqual([400, 400, 429]);
    // The global limit of the same client is not used up by registrations.
    expect((await hit(app, '198.51.100.11')).statusCode).toBe(404);
    await app.close();
  });

  it('limits anonymous complaint filings apart: a caller with a token and self-registration are not counted there', async () => {
    const { app } = await edge({ RATE_LIMIT_MAX: '50', SUBMISSION_RATE_LIMIT_MAX: '2' });
    const file = (headers: Record<string, string> = {}) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/complaints',
        remoteAddress: '198.51.100.12',
        headers,
        payload: { tenant: 'x' },
      });
    const anonymous = [(await file()).statusCode, (await file()).statusCode, (await file()).statusCode];
    expect(anonymous).toEqual([400, 400, 429]);
    expect((await file({ authorization: 'Bearer not-a-token' })).statusCode).not.toBe(429);
    const register = await app.inject({
      method: 'POST',
      url: '/api/v1/identity/natural-persons',
      remoteAddress: '198.51.100.12',
      payload: { ...registration, idNumber: 1 },
    });
    expect(register.statusCode).toBe(400);
    await app.close();
  });

  it('defaults: registration allows far fewer requests than everything else, and no proxy is trusted', async () => {
    const parsed = parseConfig(configShape, { KEYCLOAK_URL: 'http://127.0.0.1:1' });
    if (!parsed.ok) throw new Error('bad config');
    expect(parsed.config.TRUSTED_PROXIES).toEqual([]);
    expect(parsed.config.REGISTRATION_RATE_LIMIT_MAX).toBeLessThan(parsed.config.RATE_LIMIT_MAX / 100);
    expect(parsed.config.SUBMISSION_RATE_LIMIT_MAX).toBeLessThan(parsed.config.RATE_LIMIT_MAX / 100);
    const wrong = parseConfig(configShape, { KEYCLOAK_URL: 'http://127.0.0.1:1', TRUSTED_PROXIES: '10.0.0.0/33,x' });
    expect(wrong.ok).toBe(false);
  });
});
