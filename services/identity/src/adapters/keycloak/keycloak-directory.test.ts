import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UnavailableError } from '@govhall/errors';
import { KeycloakDirectory } from './keycloak-directory';

// A stand-in for Keycloak's token endpoint and one admin endpoint, to pin down token handling and error mapping.
// The adapter's behaviour against the real Keycloak is covered by test/keycloak-directory.int.test.ts.
type UsersReply = { status: number; body: unknown };

let server: Server;
let baseUrl: string;
let tokenRequests = 0;
let tokenLifetimeSec = 300;
let issued: string[] = [];
let seenTokens: string[] = [];
let usersReplies: UsersReply[] = [];

function fakeJwt(claims: object): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'none' })}.${part(claims)}.sig`;
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function handle(req: IncomingMessage, res: ServerResponse) {
  if (req.method === 'POST' && req.url === '/realms/govhall/protocol/openid-connect/token') {
    tokenRequests += 1;
    const now = Math.floor(Date.now() / 1000);
    const token = fakeJwt({ iat: now, exp: now + tokenLifetimeSec, n: tokenRequests });
    issued.push(token);
    // Answer a little later so that concurrent callers overlap with the request in flight.
    setTimeout(() => send(res, 200, { access_token: token, expires_in: tokenLifetimeSec, token_type: 'Bearer' }), 20);
    return;
  }
  if (req.method === 'GET' && req.url?.startsWith('/admin/realms/govhall/users')) {
    seenTokens.push((req.headers.authorization ?? '').replace(/^Bearer /, ''));
    const reply = usersReplies.shift() ?? { status: 200, body: [] };
    send(res, reply.status, reply.body);
    return;
  }
  send(res, 404, { error: 'not found' });
}

let clockOffsetMs = 0;
function directory() {
  const logger = { debug: jest.fn(), warn: jest.fn() };
  const now = () => Date.now() + clockOffsetMs;
  return new KeycloakDirectory({
    baseUrl,
    realm: 'govhall',
    clientId: 'govhall-identity',
    clientSecret: 's',
    logger,
    now,
  });
}

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  tokenRequests = 0;
  clockOffsetMs = 0;
  tokenLifetimeSec = 300;
  issued = [];
  seenTokens = [];
  usersReplies = [];
});

describe('KeycloakDirectory token handling', () => {
  it('fetches one token for concurrent calls and reuses it while valid', async () => {
    const d = directory();
    await Promise.all([1, 2, 3, 4, 5].map((i) => d.findUserByUsername(`user-${i}`)));
    await d.findUserByUsername('user-6');
    expect(tokenRequests).toBe(1);
    expect(new Set(seenTokens)).toEqual(new Set([issued[0]]));
  });

  it('re-authenticates when the token is about to expire', async () => {
    const d = directory(); // 300 s tokens, renewed 30 s before expiry
    await d.findUserByUsername('a');
    clockOffsetMs = 200_000; // well before the renewal point (≈ 270 s: 300 s tokens, renewed 30 s early)
    await d.findUserByUsername('b');
    expect(tokenRequests).toBe(1);
    clockOffsetMs = 280_000; // well after it
    await d.findUserByUsername('c');
    expect(tokenRequests).toBe(2);
    expect(seenTokens).toEqual([issued[0], issued[0], issued[1]]);
  });

  it('re-authenticates once and retries when Keycloak rejects the token', async () => {
    usersReplies = [{ status: 401, body: { error: 'HTTP 401 Unauthorized' } }];
    const d = directory();
    await expect(d.findUserByUsername('a')).resolves.toBeUndefined();
    expect(tokenRequests).toBe(2);
    expect(seenTokens).toEqual([issued[0], issued[1]]);
  });
});

describe('KeycloakDirectory error mapping', () => {
  it('maps 5xx to UnavailableError DIRECTORY_UNAVAILABLE', async () => {
    usersReplies = [{ status: 503, body: { error: 'unavailable' } }];
    const attempt = directory().findUserByUsername('a');
    await expect(attempt).rejects.toBeInstanceOf(UnavailableError);
    await expect(attempt).rejects.toMatchObject({ code: 'DIRECTORY_UNAVAILABLE' });
  });

  it('maps other 4xx to a plain error carrying the Keycloak message', async () => {
    usersReplies = [{ status: 400, body: { errorMessage: 'invalid query' } }];
    const attempt = directory().findUserByUsername('a');
    await expect(attempt).rejects.not.toBeInstanceOf(UnavailableError);
    await expect(attempt).rejects.toThrow('Keycloak find user failed (HTTP 400): invalid query');
  });

  it('gives up after one retry when the token is rejected again', async () => {
    usersReplies = [
      { status: 401, body: { error: 'HTTP 401 Unauthorized' } },
      { status: 401, body: { error: 'HTTP 401 Unauthorized' } },
    ];
    await expect(directory().findUserByUsername('a')).rejects.toThrow(/HTTP 401/);
    expect(tokenRequests).toBe(2);
  });
});
