import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { createTokenVerifier } from './verifier';

// A stand-in for Keycloak's JWKS and introspection endpoints (unit test only): counts introspections and answers
// `active` from a switch the test flips, as Keycloak does once a login is disabled.
async function fakeKeycloak() {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  const state = { active: true, introspections: 0 };
  const server = http.createServer((req, res) => {
    if (req.url?.endsWith('/certs')) {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
      return;
    }
    if (req.url?.endsWith('/token/introspect')) {
      state.introspections++;
      req.resume();
      req.on('end', () => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ active: state.active }));
      });
      return;
    }
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const token = () =>
    new SignJWT({ azp: 'govhall-workbench', preferred_username: 'yc-clerk', realm_access: { roles: ['window_clerk'] } })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(`${url}/realms/govhall`)
      .setAudience('govhall-api')
      .setSubject('sub-1')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
  return { url, state, token, close: () => new Promise((r) => server.close(r)) };
}

describe('session liveness (token introspection, ADR 0015)', () => {
  let kc: Awaited<ReturnType<typeof fakeKeycloak>>;
  beforeAll(async () => {
    kc = await fakeKeycloak();
  });
  afterAll(() => kc.close());
  beforeEach(() => {
    kc.state.active = true;
    kc.state.introspections = 0;
  });

  const introspection = { clientId: 'govhall-api', clientSecret: 's' };

  it('by default asks on every request: the first request after the login is disabled is refused', async () => {
    const verifier = createTokenVerifier({ keycloakUrl: kc.url, realm: 'govhall', introspection });
    const token = await kc.token();
    await verifier.verify(token);
    await verifier.verify(token);
    expect(kc.state.introspections).toBe(2);
    kc.state.active = false;
    await expect(verifier.verify(token)).rejects.toMatchObject({ code: 'SESSION_ENDED' });
    // A refusal is remembered: Keycloak is not asked again for that token.
    await expect(verifier.verify(token)).rejects.toMatchObject({ code: 'SESSION_ENDED' });
    expect(kc.state.introspections).toBe(3);
  });

  it('with liveCacheMs trusts a live answer for that long per token, then asks again', async () => {
    let now = 1_000_000;
    const verifier = createTokenVerifier({
      keycloakUrl: kc.url,
      realm: 'govhall',
      introspection: { ...introspection, liveCacheMs: 5_000, now: () => now },
    });
    const token = await kc.token();
    await verifier.verify(token);
    kc.state.active = false;
    now += 4_999;
    await expect(verifier.verify(token)).resolves.toMatchObject({ subject: 'sub-1' });
    expect(kc.state.introspections).toBe(1);
    now += 2;
    await expect(verifier.verify(token)).rejects.toMatchObject({ code: 'SESSION_ENDED' });
    expect(kc.state.introspections).toBe(2);
  });
});
