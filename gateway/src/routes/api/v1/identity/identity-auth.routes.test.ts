import { useRouteFixture } from '../../../../lib/fake-grpc-server.test-double';
import { CITIZEN, startIdentityFixture } from './identity.fixtures.test-double';

const fx = useRouteFixture(startIdentityFixture);
const lastCall = () => fx.lastCall();

describe('identity routes: authentication', () => {
  it('serves a public route without a token and forwards nothing', async () => {
    const res = await fx.app.inject('/api/v1/identity/tenants?parentCode=620900');
    expect(res.statusCode).toBe(200);
    expect(res.json().tenants.map((t: { code: string }) => t.code)).toEqual(['620981', '620981100']);
    expect(lastCall()).toMatchObject({ method: 'listTenants', request: { parentCode: '620900' } });
    expect(lastCall().authorization).toBeUndefined();
  });

  it('forwards the bearer token of a public call as gRPC authorization metadata', async () => {
    const res = await fx.app.inject({ url: '/api/v1/identity/tenants/620900', headers: CITIZEN });
    expect(res.statusCode).toBe(200);
    expect(lastCall()).toMatchObject({
      method: 'getTenant',
      request: { code: '620900' },
      authorization: 'Bearer citizen',
    });
  });

  it('still refuses an invalid token on a public route', async () => {
    const res = await fx.app.inject({ url: '/api/v1/identity/tenants', headers: { authorization: 'Bearer forged' } });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'TOKEN_INVALID' });
    expect(fx.fake.calls).toHaveLength(0);
  });

  it('lets anyone register as a natural person', async () => {
    const res = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/identity/natural-persons',
      payload: {
        tenant: '620981',
        name: '李四',
        idNumber: '620981199001011234',
        phone: '13800001234',
        password: 'abc12345',
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ id: 'np-9', idNumber: '620981199001011234', verification: { verified: true } });
    expect(res.json().verification).not.toHaveProperty('verifiedAt');
    expect(lastCall()).toMatchObject({ method: 'registerNaturalPerson', request: { password: 'abc12345' } });
    expect(lastCall().authorization).toBeUndefined();
  });

  it.each([
    ['GET', '/api/v1/identity/me'],
    ['GET', '/api/v1/identity/staff/a1000000-0000-4000-8000-000000000003'],
    ['POST', '/api/v1/identity/tenants'],
    ['POST', '/api/v1/identity/legal-persons/a1000000-0000-4000-8000-000000000001/acting-checks'],
    [
      'DELETE',
      '/api/v1/identity/legal-persons/a1000000-0000-4000-8000-000000000001/agents/a1000000-0000-4000-8000-000000000002',
    ],
  ] as const)('answers 401 problem+json to %s %s without a token, before the body is read', async (method, url) => {
    const res = await fx.app.inject({ method, url, payload: method === 'GET' ? undefined : { junk: true } });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 401, code: 'TOKEN_MISSING' });
    expect(fx.fake.calls).toHaveLength(0);
  });

  it('answers 403 ROLE_REQUIRED when an applicant tries to disable a natural person, and calls nothing', async () => {
    const res = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/identity/natural-persons/a1000000-0000-4000-8000-000000000005/disable',
      headers: CITIZEN,
      payload: { reason: '冒用他人身份注册' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'ROLE_REQUIRED' });
    expect(fx.fake.calls).toHaveLength(0);
  });

  it('answers 403 ROLE_REQUIRED when an applicant tries an administrator write', async () => {
    const res = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/identity/tenants',
      headers: CITIZEN,
      payload: { code: '620981', name: '玉门市', level: 'county' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'ROLE_REQUIRED' });
    expect(fx.fake.calls).toHaveLength(0);
  });
});

describe('readiness', () => {
  it('names the downstream service it cannot reach', async () => {
    // The fake identity answers; the catalogue address (127.0.0.1:1) does not.
    const res = await fx.app.inject('/readyz');
    expect(res.statusCode).toBe(503);
    expect(res.json().detail).toContain('catalogue');
    expect(res.json().detail).not.toContain('identity');
  });
});

describe('identity routes: OpenAPI', () => {
  it('documents every route with its security', async () => {
    const doc = (await fx.app.inject('/openapi.json')).json();
    const paths = Object.keys(doc.paths).filter((p) => p.startsWith('/api/v1/identity/'));
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/identity/tenants',
        '/api/v1/identity/tenants/{code}/center',
        '/api/v1/identity/windows/{id}/responsible',
        '/api/v1/identity/tenants/{code}/windows/on-duty',
        '/api/v1/identity/staff/{id}/leaves',
        '/api/v1/identity/me',
        '/api/v1/identity/natural-persons/{id}/disable',
        '/api/v1/identity/legal-persons/{id}/agents/{grantId}',
        '/api/v1/identity/legal-persons/{id}/acting-checks',
        '/api/v1/identity/tenants/{code}/service-accounts',
      ]),
    );
    expect(paths).toHaveLength(29);
    expect(doc.paths['/api/v1/identity/tenants'].get.security).toEqual([{}, { bearerAuth: [] }]);
    expect(doc.paths['/api/v1/identity/tenants'].post.security).toEqual([{ bearerAuth: [] }]);
    expect(doc.paths['/api/v1/identity/me'].get.tags).toEqual(['identity']);
  });
});
