import { authorizationRequest, codeChallenge, exchangeCode, jwtClaims } from './browser-login';

describe('authorization requests with PKCE', () => {
  it('derive the S256 challenge of RFC 7636 appendix B', () => {
    expect(codeChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it("ask Keycloak's authorization endpoint for a code with a fresh state and verifier each time", () => {
    const a = authorizationRequest({
      clientId: 'govhall-portal',
      redirectUri: 'http://127.0.0.1:4321/callback',
      keycloakUrl: 'http://127.0.0.1:8080/',
      realm: 'govhall',
      uiLocales: 'zh-CN',
    });
    const url = new URL(a.url);
    expect(url.origin + url.pathname).toBe('http://127.0.0.1:8080/realms/govhall/protocol/openid-connect/auth');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'govhall-portal',
      redirect_uri: 'http://127.0.0.1:4321/callback',
      response_type: 'code',
      scope: 'openid',
      state: a.state,
      code_challenge: codeChallenge(a.codeVerifier),
      code_challenge_method: 'S256',
      ui_locales: 'zh-CN',
    });
    expect(a.codeVerifier).toMatch(/^[A-Za-z0-9_-]{43}$/); // 43–128 unreserved characters
    const b = authorizationRequest({ clientId: 'govhall-portal', redirectUri: 'http://127.0.0.1:4321/callback' });
    expect(b.state).not.toBe(a.state);
    expect(b.codeVerifier).not.toBe(a.codeVerifier);
  });
});

describe('exchangeCode', () => {
  const request = authorizationRequest({
    clientId: 'govhall-portal',
    redirectUri: 'http://127.0.0.1:4321/callback',
    keycloakUrl: 'http://127.0.0.1:1', // never reached: every case below is refused before the token request
  });

  it('refuses a callback of another request, an error callback and one without a code', async () => {
    await expect(exchangeCode(request, `${request.redirectUri}?state=other&code=c`)).rejects.toThrow(
      'callback state does not match',
    );
    await expect(
      exchangeCode(request, `${request.redirectUri}?error=access_denied&error_description=no&state=${request.state}`),
    ).rejects.toThrow('authorization failed: access_denied no');
    await expect(exchangeCode(request, `${request.redirectUri}?state=${request.state}`)).rejects.toThrow(
      'callback without a code',
    );
  });
});

describe('jwtClaims', () => {
  it("reads a token's payload", () => {
    const payload = Buffer.from(JSON.stringify({ preferred_username: 'zhang-san', roles: ['applicant'] })).toString(
      'base64url',
    );
    expect(jwtClaims(`e30.${payload}.sig`)).toEqual({ preferred_username: 'zhang-san', roles: ['applicant'] });
    expect(() => jwtClaims('nodots')).toThrow('not a JWT');
  });
});
