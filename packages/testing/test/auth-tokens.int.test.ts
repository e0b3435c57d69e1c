import { ServiceTokenSource, createTokenVerifier } from '@govhall/auth';
import { UnauthenticatedError } from '@govhall/errors';
import { stack, userToken } from '../src';

// Against the real Keycloak: a department system's service-account token, and a user's, verified via JWKS.
describe('tokens from the real Keycloak', () => {
  const verifier = createTokenVerifier({ keycloakUrl: stack.keycloakUrl, realm: stack.realm });

  it('obtains, caches and verifies a service-account token bound to its tenant and department', async () => {
    const source = new ServiceTokenSource({
      keycloakUrl: stack.keycloakUrl,
      realm: stack.realm,
      clientId: 'govhall-dept-demo',
      clientSecret: 'govhall-dept-demo-secret',
    });
    const token = await source.token();
    expect(await source.token()).toBe(token); // cached until shortly before expiry
    const principal = await verifier.verify(token);
    expect(principal).toMatchObject({
      kind: 'service',
      tenant: '620321',
      department: '620321-SCJG',
      clientId: 'govhall-dept-demo',
      roles: ['service'],
    });
  });

  it('refuses a wrong client secret', async () => {
    const source = new ServiceTokenSource({
      keycloakUrl: stack.keycloakUrl,
      realm: stack.realm,
      clientId: 'govhall-dept-demo',
      clientSecret: 'wrong',
    });
    await expect(source.token()).rejects.toThrow(/HTTP 401/);
  });

  it('reads a user token into a principal and rejects a tampered one', async () => {
    const token = await userToken('yc-clerk');
    expect(await verifier.verifyHeader(`Bearer ${token}`)).toMatchObject({
      kind: 'user',
      username: 'yc-clerk',
      tenant: '620321',
      department: '620321-SCJG',
      roles: ['window_clerk'],
    });
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8'));
    const forged = Buffer.from(JSON.stringify({ ...claims, tenant: '620302' })).toString('base64url');
    await expect(verifier.verify(`${header}.${forged}.${signature}`)).rejects.toBeInstanceOf(UnauthenticatedError);
  });
});
