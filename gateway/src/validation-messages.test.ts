import type { InjectOptions } from 'fastify';
import pino from 'pino';
import { parseConfig } from '@govhall/config';
import { buildApp } from './app';
import { configShape, type GatewayConfig } from './config';
import { REGION_CODE } from './lib/common.schemas';
import { fakeVerifier } from './lib/fake-grpc-server.test-double';

// Every message a caller reads in a problem (title, detail, errors[].message) is Chinese: schema violations of
// every Ajv keyword, in every part of the request, and the answers Fastify itself gives (parser, URL, 404, 405).
// No service is behind the gateway: each request is answered at the edge.

/**
 * Latin-letter tokens that may stand in a Chinese message because they are not English: technical names and
 * notations a Chinese message uses as they are (JSON, UUID, YYYY-MM-DD …), codes sent or allowed (enum values,
 * examples) and the HTTP method names of a 405. Single letters (an ID number's X, the letters a credit code leaves
 * out) are not words and are not looked at.
 */
const NOT_ENGLISH = new Set([
  'JSON',
  'UUID',
  'ISO',
  'IPv4',
  'IPv6',
  'YYYY-MM-DD',
  'HH',
  'mm',
  'ss',
  'T08',
  'true',
  'false',
  'null',
  'application/json',
  'content-type',
  'Authorization',
  'Bearer',
  'SCJG',
  'A03',
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'a_post',
  'b_post',
  'yes',
]);

/** The Latin-letter words of `text` that are not in NOT_ENGLISH, after removing `exempt` (a request path). */
function englishIn(text: string, exempt: string[] = []): string[] {
  let rest = text;
  for (const e of exempt) rest = rest.split(e).join(' ');
  return (rest.match(/[A-Za-z][A-Za-z0-9_/+-]*/g) ?? []).filter((w) => w.length > 1 && !NOT_ENGLISH.has(w));
}

interface ProblemBody {
  title?: string;
  detail?: string;
  code?: string;
  errors?: { path: string; message: string; reason?: string }[];
}

/** Every human-read text of a problem, each with no English word; the problem must also have a title and detail. */
function expectChinese(body: ProblemBody, exempt: string[] = []): void {
  expect(body.title).toMatch(/\p{Script=Han}/u);
  expect(body.detail).toMatch(/\p{Script=Han}/u);
  const texts = [body.title ?? '', body.detail ?? '', ...(body.errors ?? []).map((e) => e.message)];
  for (const text of texts) {
    expect(text).toMatch(/\p{Script=Han}/u);
    expect({ text, english: englishIn(text, exempt) }).toEqual({ text, english: [] });
  }
}

async function gateway() {
  const parsed = parseConfig(configShape, {
    KEYCLOAK_URL: 'http://127.0.0.1:1',
    CATALOGUE_GRPC_ADDR: '127.0.0.1:1',
    IDENTITY_GRPC_ADDR: '127.0.0.1:1',
    OVERLOAD_EVENT_LOOP_DELAY_MS: '0',
    OVERLOAD_HEAP_USED_MB: '0',
  });
  if (!parsed.ok) throw new Error(`bad test config: ${JSON.stringify(parsed.errors)}`);
  const app = await buildApp({
    config: parsed.config as GatewayConfig,
    verifier: fakeVerifier('620321', { 'admin-token': ['center_admin'] }),
    logger: pino({ level: 'silent' }),
  });
  // A route whose schemas use every keyword, validated by the gateway's own compilers and error handler.
  const properties = {
    required: { type: 'string' },
    text: { type: 'string' },
    count: { type: 'integer' },
    date: { type: 'string', format: 'date' },
    dateTime: { type: 'string', format: 'date-time' },
    time: { type: 'string', format: 'time' },
    uuid: { type: 'string', format: 'uuid' },
    email: { type: 'string', format: 'email' },
    uri: { type: 'string', format: 'uri' },
    ipv4: { type: 'string', format: 'ipv4' },
    digits: { type: 'string', pattern: '^[0-9]{3}$' },
    region: { type: 'string', pattern: REGION_CODE },
    short: { type: 'string', minLength: 2 },
    long: { type: 'string', maxLength: 3 },
    low: { type: 'integer', minimum: 1 },
    high: { type: 'integer', maximum: 10 },
    above: { type: 'number', exclusiveMinimum: 0 },
    below: { type: 'number', exclusiveMaximum: 10 },
    half: { type: 'number', multipleOf: 0.5 },
    basis: { type: 'string', enum: ['a_post', 'b_post'] },
    fixed: { const: 'yes' },
    few: { type: 'array', minItems: 2 },
    many: { type: 'array', maxItems: 1 },
    unique: { type: 'array', uniqueItems: true },
    contains: { type: 'array', contains: { type: 'integer' } },
    one: { oneOf: [{ type: 'string' }, { type: 'integer' }] },
    any: { anyOf: [{ type: 'string' }, { type: 'integer' }] },
    not: { not: { type: 'string' } },
    props: {
      type: 'object',
      minProperties: 2,
      maxProperties: 3,
      propertyNames: { pattern: '^[a-z]+$' },
      dependencies: { a: ['b'] },
    },
    conditional: {
      type: 'object',
      if: { properties: { kind: { const: 'window' } }, required: ['kind'] },
      then: { required: ['number'] },
    },
  };
  app.post(
    '/api/v1/test/shapes/:id',
    {
      config: { auth: 'public' },
      schema: {
        params: { type: 'object', properties: { id: { type: 'string', format: 'uuid' } } },
        querystring: {
          type: 'object',
          properties: { day: { type: 'string', format: 'date' }, size: { type: 'integer', maximum: 5 } },
          additionalProperties: false,
        },
        headers: { type: 'object', properties: { 'x-key': { type: 'string', minLength: 8 } }, required: ['x-key'] },
        body: { type: 'object', properties, required: ['required'], additionalProperties: false },
      },
    },
    async () => ({}),
  );
  return app;
}

const ID = '0f8c3a52-6d1e-4b7a-9c2d-5e4f3a2b1c0d';

describe('every validation message is Chinese', () => {
  it('for every keyword of a body schema, with the reason and field of each', async () => {
    const app = await gateway();
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/test/shapes/${ID}`,
      headers: { 'x-key': 'long-enough' },
      payload: {
        text: 7,
        count: '7',
        date: '2026-02-30',
        dateTime: 'yesterday',
        time: '25:00',
        uuid: 'not-a-uuid',
        email: 'nobody',
        uri: 'no uri',
        ipv4: '999.1.1.1',
        digits: 'abc',
        region: '000000',
        short: 'x',
        long: 'much too long',
        low: 0,
        high: 11,
        above: 0,
        below: 10,
        half: 0.3,
        basis: 'c_post',
        fixed: 'no',
        few: [1],
        many: [1, 2],
        unique: [1, 1],
        contains: ['x'],
        one: true,
        any: true,
        not: 'text',
        props: { a: 1, B: 2, c: 3, d: 4 },
        conditional: { kind: 'window' },
        unknown: 1,
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json() as ProblemBody;
    expect(body.code).toBe('VALIDATION_FAILED');
    const reasons = new Set(body.errors?.map((e) => e.reason));
    for (const keyword of [
      'TYPE',
      'FORMAT',
      'PATTERN',
      'MINLENGTH',
      'MAXLENGTH',
      'MINIMUM',
      'MAXIMUM',
      'EXCLUSIVEMINIMUM',
      'EXCLUSIVEMAXIMUM',
      'MULTIPLEOF',
      'ENUM',
      'CONST',
      'REQUIRED',
      'ADDITIONALPROPERTIES',
      'MINITEMS',
      'MAXITEMS',
      'UNIQUEITEMS',
      'CONTAINS',
      'ONEOF',
      'ANYOF',
      'NOT',
      'MAXPROPERTIES',
      'PROPERTYNAMES',
      'DEPENDENCIES',
      'IF',
    ]) {
      expect(reasons).toContain(keyword);
    }
    // Each format is named in Chinese, the date's included (once "must match format "date"").
    for (const field of ['date', 'dateTime', 'time', 'uuid', 'email', 'uri', 'ipv4']) {
      const violation = body.errors?.find((e) => e.path === field && e.reason === 'FORMAT');
      expect(violation?.message).toMatch(/^格式不正确，应为\p{Script=Han}|^格式不正确，应为(UUID|IPv4)/u);
    }
    // A draft-07 dependency names both fields (Ajv's keyword is `dependencies`, not 2019's `dependentRequired`).
    expect(body.errors).toContainEqual({
      path: 'props.b',
      reason: 'DEPENDENCIES',
      message: '填写了 a 时，b 也必须填写',
    });
    // A pattern with a hint says what the value should look like.
    expect(body.errors).toContainEqual({
      path: 'region',
      reason: 'PATTERN',
      message: expect.stringMatching(/^格式不正确：应为有效的行政区划代码/),
    });
    expectChinese(body);
    await app.close();
  });

  it('for the querystring, path parameters and headers, named by their part', async () => {
    const app = await gateway();
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/test/shapes/abc?day=0000-13-01&size=9&extra=1',
      payload: { required: 'x' },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json() as ProblemBody;
    // Fastify validates one part at a time (params, then the querystring, headers and body).
    expect(body.errors).toEqual([expect.objectContaining({ path: 'params.id', reason: 'FORMAT' })]);
    expectChinese(body);

    const query = await app.inject({
      method: 'POST',
      url: `/api/v1/test/shapes/${ID}?day=0000-13-01&size=9&extra=1`,
      payload: { required: 'x' },
    });
    const queryBody = query.json() as ProblemBody;
    expect(queryBody.errors?.map((e) => `${e.path} ${e.reason}`).sort()).toEqual([
      'querystring.day FORMAT',
      'querystring.extra ADDITIONALPROPERTIES',
      'querystring.size MAXIMUM',
    ]);
    expectChinese(queryBody);

    const headers = await app.inject({ method: 'POST', url: `/api/v1/test/shapes/${ID}`, payload: { required: 'x' } });
    const headerBody = headers.json() as ProblemBody;
    expect(headerBody.errors).toEqual([expect.objectContaining({ path: 'headers.x-key', reason: 'REQUIRED' })]);
    expectChinese(headerBody);
    await app.close();
  });

  it('on the real routes: dates, region codes, department codes, ID numbers and the service center', async () => {
    const app = await gateway();
    const admin = { authorization: 'Bearer admin-token' };
    const requests = [
      { url: '/api/v1/catalogue/calendars/620321/working-days/count?from=0000-00-00&to=2026-02-30' },
      { url: '/api/v1/catalogue/calendars/620321/working-days/add?start=2026-13-01&days=-1' },
      { url: '/api/v1/catalogue/search?pageSize=abc&tenant=6203' },
      { url: '/api/v1/identity/tenants/12345' },
      {
        method: 'PUT' as const,
        url: '/api/v1/identity/tenants/620321/center',
        headers: admin,
        payload: { name: '中', address: '', hours: 'x'.repeat(101), phones: [], expectedVersion: 0 },
      },
      {
        method: 'POST' as const,
        url: '/api/v1/identity/natural-persons',
        payload: {
          tenant: '620321',
          name: '张三',
          idNumber: '62032119900101123',
          phone: '2390935',
          password: 'password',
        },
      },
      {
        method: 'POST' as const,
        url: '/api/v1/identity/legal-persons',
        headers: admin,
        payload: {
          tenant: '620321',
          name: '测试公司',
          creditCode: '91620321MA7H2K3I1W',
          legalRepresentativeName: '张三',
          legalRepresentativeIdNumber: 620321199001010,
        },
      },
      {
        method: 'POST' as const,
        url: '/api/v1/catalogue/items',
        headers: { ...admin, 'idempotency-key': 'short' },
        payload: { tenant: '620321', name: '', basicCode: 'lower', kind: '99', department: '620321-scjg' },
      },
    ];
    for (const request of requests) {
      const res = await app.inject(request);
      expect({ url: request.url, status: res.statusCode }).toEqual({ url: request.url, status: 400 });
      const body = res.json() as ProblemBody;
      expect(body.errors?.length).toBeGreaterThan(0);
      expectChinese(body);
    }
    await app.close();
  });
});

describe("Fastify's own answers are Chinese", () => {
  const cases: [string, InjectOptions, number, string][] = [
    [
      'malformed JSON',
      {
        method: 'POST',
        url: `/api/v1/test/shapes/${ID}`,
        headers: { 'content-type': 'application/json' },
        payload: '{"a":',
      },
      400,
      'INVALID_JSON',
    ],
    [
      'an empty JSON body',
      { method: 'POST', url: `/api/v1/test/shapes/${ID}`, headers: { 'content-type': 'application/json' } },
      400,
      'EMPTY_BODY',
    ],
    [
      'an unknown content type',
      { method: 'POST', url: `/api/v1/test/shapes/${ID}`, headers: { 'content-type': 'text/csv' }, payload: 'a,b' },
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'a malformed content type',
      { method: 'POST', url: `/api/v1/test/shapes/${ID}`, headers: { 'content-type': ';;' }, payload: '{}' },
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'a body over the limit',
      {
        method: 'POST',
        url: `/api/v1/test/shapes/${ID}`,
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ text: 'x'.repeat(1024 * 1024) }),
      },
      413,
      'BODY_TOO_LARGE',
    ],
    ['a bad percent-escape', { url: '/api/v1/identity/tenants/%E0%A4%A' }, 400, 'BAD_URL'],
    ['an over-long path parameter', { url: `/api/v1/identity/tenants/${'1'.repeat(200)}` }, 414, 'URL_TOO_LONG'],
    ['an unknown route', { url: '/api/v1/nothing/here' }, 404, 'ROUTE_NOT_FOUND'],
    ['an undeclared method', { method: 'PATCH', url: '/api/v1/identity/tenants/620321' }, 405, 'METHOD_NOT_ALLOWED'],
    ['no token where one is needed', { url: '/api/v1/identity/me' }, 401, 'TOKEN_MISSING'],
    [
      'a forged token',
      { url: '/api/v1/identity/me', headers: { authorization: 'Bearer forged' } },
      401,
      'TOKEN_INVALID',
    ],
  ];

  it.each(cases)('%s', async (_name, request, status, code) => {
    const app = await gateway();
    const res = await app.inject(request);
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json() as ProblemBody;
    expect(body.code).toBe(code);
    expectChinese(body, [String(request.url).split('?')[0]!]);
    await app.close();
  });
});
