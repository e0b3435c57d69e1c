import { createTokenVerifier } from '@govhall/auth';
import { createLogger } from '@govhall/logging';
import { parseConfig } from '@govhall/config';
import { parseRegionCode } from '@govhall/identifiers';
import { buildApp } from './app';
import { configShape, type GatewayConfig } from './config';
import { DATE_YEAR, ProblemResponse, REGION_CODE } from './lib/common.schemas';

// The OpenAPI document as a generated client reads it, and the edge behaviour it promises. The live contract run
// (schemathesis against the real services) is gateway/test/openapi-contract.e2e.test.ts.
async function app(env: Record<string, string> = {}) {
  const parsed = parseConfig(configShape, {
    ...env,
    KEYCLOAK_URL: 'http://127.0.0.1:1',
    CATALOGUE_GRPC_ADDR: '127.0.0.1:1',
    IDENTITY_GRPC_ADDR: '127.0.0.1:1',
    OVERLOAD_EVENT_LOOP_DELAY_MS: '0',
    OVERLOAD_HEAP_USED_MB: '0',
  });
  if (!parsed.ok) throw new Error('bad test config');
  const config = parsed.config as GatewayConfig;
  return buildApp({
    config,
    verifier: createTokenVerifier({ keycloakUrl: config.KEYCLOAK_URL, realm: config.KEYCLOAK_REALM }),
    logger: createLogger('gateway-test', 'silent'),
  });
}

interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
  security?: unknown[];
}
type Document = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };

async function document(): Promise<Document> {
  const a = await app();
  const doc = (await a.inject('/openapi.json')).json() as Document;
  await a.close();
  return doc;
}

function operations(doc: Document): [string, Operation][] {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => [`${method.toUpperCase()} ${path}`, op] as [string, Operation]),
  );
}

describe('OpenAPI document', () => {
  it('documents every error answer as application/problem+json with the one problem schema', async () => {
    const doc = await document();
    const ops = operations(doc);
    expect(ops.length).toBeGreaterThan(40);
    expect(doc.components.schemas.Problem).toEqual(JSON.parse(JSON.stringify({ ...ProblemResponse })));
    for (const [name, op] of ops) {
      const errors = Object.entries(op.responses).filter(([status]) => Number(status) >= 400);
      expect({ name, errors: errors.length > 0 }).toEqual({ name, errors: true });
      for (const [status, answer] of errors) {
        expect({ name, status, types: Object.keys(answer.content ?? {}) }).toEqual({
          name,
          status,
          types: ['application/problem+json'],
        });
        expect(answer.content!['application/problem+json']!.schema).toEqual({ $ref: '#/components/schemas/Problem' });
      }
    }
  });

  it('documents the statuses every route really answers: auth, rate limit, upstream failures, body refusals', async () => {
    const doc = await document();
    const statuses = (path: string, method: string) => Object.keys(doc.paths[path]![method]!.responses);
    // A write with a body, for a role: everything.
    expect(statuses('/api/v1/catalogue/items', 'post')).toEqual(
      expect.arrayContaining(['201', '400', '401', '403', '404', '409', '413', '415', '429', '500', '503', '504']),
    );
    // A public read: no 403 from the edge, no body refusals, but a bad token is still a 401.
    const search = statuses('/api/v1/catalogue/search', 'get');
    expect(search).toEqual(expect.arrayContaining(['200', '400', '401', '404', '429', '500', '503', '504']));
    expect(search).not.toEqual(expect.arrayContaining(['403']));
    expect(search).not.toEqual(expect.arrayContaining(['413']));
    expect(search).not.toEqual(expect.arrayContaining(['415']));
    // An upload declares its own 413.
    expect(statuses('/api/v1/catalogue/files', 'post')).toEqual(expect.arrayContaining(['413', '415']));
  });

  it('writes dates and region codes as strictly as the services check them', async () => {
    const doc = JSON.stringify(await document());
    expect(doc).toContain(JSON.stringify(DATE_YEAR));
    expect(doc).toContain(JSON.stringify(REGION_CODE));
    expect(doc).not.toContain(JSON.stringify('^\\d{4}-\\d{2}-\\d{2}$'));
    expect(doc).not.toContain(JSON.stringify('^\\d{6}(\\d{3}(\\d{3})?)?$'));
  });
});

describe('shapes agree with the services', () => {
  const region = new RegExp(REGION_CODE);
  it('a region code matches the documented pattern exactly when parseRegionCode accepts it', () => {
    const samples = [
      '620000', '620300', '620302', '620321', '620321001', '620321001002', '000000', '990000', '620001',
      '620300001', '620000001', '620321000', '620321001000', '110101', '820000', '710000', '72000', '6203211',
      '6203210010', '62032100100a',
    ]; // prettier-ignore
    // And a deterministic spread of random digit strings of every accepted length.
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 3000; i++) {
      const length = [6, 9, 12][i % 3]!;
      samples.push(Array.from({ length }, () => String(next() % 10)).join(''));
      // Prefixes that are real provinces, so the later digits get exercised too.
      samples.push(
        `62${Array.from({ length: length - 2 }, () => String(next() % 3 === 0 ? 0 : next() % 10)).join('')}`,
      );
    }
    for (const code of samples) {
      expect({ code, documented: region.test(code) }).toEqual({ code, documented: parseRegionCode(code).ok });
    }
  });

  it('a date the document allows passes the edge; year 0000, month 00 and 02-30 are refused there', async () => {
    const a = await app();
    const add = (start: string) =>
      a.inject(`/api/v1/catalogue/calendars/620321/working-days/add?start=${start}&days=1`);
    for (const bad of ['0000-00-00', '0000-01-01', '2026-00-10', '2026-13-01', '2026-02-30', '2025-02-29']) {
      const res = await add(bad);
      expect({ bad, status: res.statusCode, path: res.json().errors?.[0]?.path }).toEqual({
        bad,
        status: 400,
        path: 'querystring.start',
      });
    }
    // Valid shapes reach the (absent) catalogue: 503, not 400.
    for (const good of ['2026-03-20', '2024-02-29', '0001-01-01']) {
      expect({ good, status: (await add(good)).statusCode }).toEqual({ good, status: 503 });
    }
    await a.close();
  });
});

describe('undeclared methods', () => {
  it('answer 405 with Allow and problem+json on a known path, before auth and body parsing', async () => {
    const a = await app();
    for (const method of ['PATCH', 'DELETE'] as const) {
      const res = await a.inject({ method, url: '/api/v1/catalogue/items?tenant=620321', payload: 'not json' });
      expect(res.statusCode).toBe(405);
      expect(res.headers.allow).toBe('GET, HEAD, POST');
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ status: 405, code: 'METHOD_NOT_ALLOWED' });
    }
    const put = await a.inject({ method: 'PUT', url: '/api/v1/catalogue/search' });
    expect(put.statusCode).toBe(405);
    expect(put.headers.allow).toBe('GET, HEAD');
    // A path nobody serves is still 404, whatever the method.
    const nothing = await a.inject({ method: 'PATCH', url: '/api/v1/nothing-here' });
    expect(nothing.statusCode).toBe(404);
    expect(nothing.headers['content-type']).toContain('application/problem+json');
    await a.close();
  });
});

describe('answers the document promises on every route', () => {
  it('429 is problem+json with the documented schema (detail included)', async () => {
    const a = await app({ RATE_LIMIT_MAX: '1' });
    await a.inject('/api/v1/catalogue/search?q=x');
    const limited = await a.inject('/api/v1/catalogue/search?q=x');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.json()).toMatchObject({
      status: 429,
      code: 'RATE_LIMITED',
      detail: expect.stringContaining('秒后重试'),
    });
    await a.close();
  });
});
