import { createTokenVerifier } from '@govhall/auth';
import { createLogger } from '@govhall/logging';
import { parseConfig } from '@govhall/config';
import { buildApp } from './app';
import { configShape, type GatewayConfig } from './config';

// The edge alone, through app.inject(): nothing here needs a token to be verified, so the Keycloak URL is never
// fetched; the gRPC channel is lazy and never used. Flows that reach the services run in gateway/test.
async function app(schemaCompilation: 'lazy' | 'eager' = 'lazy') {
  const parsed = parseConfig(configShape, {
    KEYCLOAK_URL: 'http://127.0.0.1:1',
    CATALOGUE_GRPC_ADDR: '127.0.0.1:1',
    // A loaded CI machine must not turn requests into 503 OVERLOADED.
    OVERLOAD_EVENT_LOOP_DELAY_MS: '0',
    OVERLOAD_HEAP_USED_MB: '0',
  });
  if (!parsed.ok) throw new Error('bad test config');
  const config = parsed.config as GatewayConfig;
  return buildApp({
    config,
    verifier: createTokenVerifier({ keycloakUrl: config.KEYCLOAK_URL, realm: config.KEYCLOAK_REALM }),
    logger: createLogger('gateway-test', 'silent'),
    schemaCompilation,
  });
}

describe('gateway edge', () => {
  it('compiles every route’s validators and serializers when asked to at start-up (they are compiled lazily else)', async () => {
    // A schema that Ajv or fast-json-stringify cannot compile fails here, not at a route's first request.
    const a = await app('eager');
    await expect(a.ready()).resolves.toBeDefined();
    const lazy = await app();
    const [eager, atFirstUse] = await Promise.all([a.inject('/healthz'), lazy.inject('/healthz')]);
    expect(atFirstUse.json()).toEqual(eager.json());
    await Promise.all([a.close(), lazy.close()]);
  });

  it('serves liveness, the OpenAPI document and the docs UI', async () => {
    const a = await app();
    expect((await a.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const openapi = (await a.inject('/openapi.json')).json();
    expect(openapi.openapi).toBe('3.1.0');
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining(['/api/v1/catalogue/items', '/api/v1/catalogue/items/{id}']),
    );
    expect((await a.inject('/docs/')).statusCode).toBe(200);
    await a.close();
  });

  it('answers 401 problem+json without a token and echoes a request id', async () => {
    const a = await app();
    const res = await a.inject({
      method: 'POST',
      url: '/api/v1/catalogue/items',
      headers: { 'idempotency-key': 'key-00000001', 'x-request-id': 'req-abcdefgh' },
      payload: {},
    });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.headers['x-request-id']).toBe('req-abcdefgh');
    expect(res.json()).toMatchObject({ status: 401, code: 'TOKEN_MISSING', requestId: 'req-abcdefgh' });
    await a.close();
  });

  it('answers 401 for a malformed authorization header and 404 problem+json for unknown routes', async () => {
    const a = await app();
    const bad = await a.inject({
      method: 'POST',
      url: '/api/v1/catalogue/items',
      headers: { authorization: 'Basic abc' },
      payload: {},
    });
    expect(bad.json()).toMatchObject({ status: 401, code: 'TOKEN_MALFORMED' });
    const missing = await a.inject('/api/v1/nothing');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
    await a.close();
  });

  it('rejects a malformed item id before calling any service', async () => {
    const a = await app();
    const res = await a.inject('/api/v1/catalogue/published/not-a-uuid');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ path: 'params.id' })]);
    await a.close();
  });
});
