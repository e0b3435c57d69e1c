import { createServer, type Socket } from 'node:net';
import KcAdminClient from '@keycloak/keycloak-admin-client';
import { createTokenVerifier } from '@govhall/auth';
import { ConflictError, UnavailableError } from '@govhall/errors';
import { createLogger } from '@govhall/logging';
import { freePort, stack, uniqueSuffix } from '@govhall/testing';
import { KeycloakDirectory } from '../src/adapters/keycloak/keycloak-directory';

// Against the real Keycloak of the local stack, as the govhall-identity service account of the realm file.
const CLIENT = { clientId: 'govhall-identity', clientSecret: 'govhall-identity-secret' };
const logger = createLogger('keycloak-directory-test', 'silent');
const directory = new KeycloakDirectory({ baseUrl: stack.keycloakUrl, realm: stack.realm, ...CLIENT, logger });
const verifier = createTokenVerifier({ keycloakUrl: stack.keycloakUrl, realm: stack.realm });
const suffix = uniqueSuffix();
const username = `kd-clerk-${suffix}`;
const password = `Kd@${suffix}`;
const createdUsers: string[] = [];
const createdClients: string[] = [];

interface TokenResponse {
  access_token?: string;
  refresh_token?: string;
  error?: string;
  error_description?: string;
}

async function tokenEndpoint(form: Record<string, string>): Promise<{ status: number; body: TokenResponse }> {
  const res = await fetch(`${stack.keycloakUrl}/realms/${stack.realm}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
  return { status: res.status, body: (await res.json()) as TokenResponse };
}

// Staff log in through the workbench (a portal token would carry only the applicant role, ADR 0015).
const login = () =>
  tokenEndpoint({ grant_type: 'password', client_id: 'govhall-workbench', username, password, scope: 'openid' });

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}

afterAll(async () => {
  const admin = new KcAdminClient({ baseUrl: stack.keycloakUrl, realmName: stack.realm });
  await admin.auth({ grantType: 'client_credentials', ...CLIENT });
  for (const id of createdUsers) await admin.users.del({ id });
  for (const id of createdClients) await admin.clients.del({ id });
});

describe('KeycloakDirectory (real Keycloak)', () => {
  let userId: string;
  let refreshToken: string;

  it('creates a user whose password login carries roles, tenant and department', async () => {
    userId = await directory.createUser({
      username,
      displayName: '李测试',
      attributes: { tenant: '620321', department: '620321-SCJG', govhall_ref: `staff:${suffix}` },
      roles: ['window_clerk'],
      password,
      temporaryPassword: false,
    });
    createdUsers.push(userId);

    const { status, body } = await login();
    expect(status).toBe(200);
    const principal = await verifier.verify(body.access_token!);
    expect(principal).toMatchObject({ kind: 'user', username, tenant: '620321', department: '620321-SCJG' });
    expect(principal.roles).toEqual(['window_clerk']);
    expect(claimsOf(body.access_token!)).not.toHaveProperty('govhall_ref');
    refreshToken = body.refresh_token!;
  });

  it('finds the user by username with its GovHall reference', async () => {
    const found = await directory.findUserByUsername(username.toUpperCase());
    expect(found).toEqual({
      id: userId,
      username,
      enabled: true,
      attributes: expect.objectContaining({
        tenant: '620321',
        department: '620321-SCJG',
        govhall_ref: `staff:${suffix}`,
      }) as unknown,
    });
    expect(await directory.findUserByUsername(`kd-nobody-${suffix}`)).toBeUndefined();
  });

  it('refuses a second user with the same username', async () => {
    const attempt = directory.createUser({
      username,
      displayName: '重名',
      attributes: { govhall_ref: `staff:other-${suffix}` },
      roles: [],
      password,
      temporaryPassword: true,
    });
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    await expect(attempt).rejects.toMatchObject({ code: 'USERNAME_TAKEN', message: '用户名已被占用' });
  });

  it('adds a role on update and keeps the attributes', async () => {
    await directory.updateUser(userId, {
      displayName: '李测试（审查）',
      attributes: { tenant: '620321', department: '620321-SCJG', govhall_ref: `staff:${suffix}` },
      roles: ['window_clerk', 'reviewer'],
    });
    const found = await directory.findUserByUsername(username);
    expect(found?.attributes).toMatchObject({
      tenant: '620321',
      department: '620321-SCJG',
      govhall_ref: `staff:${suffix}`,
    });
    const { body } = await login();
    const principal = await verifier.verify(body.access_token!);
    expect([...principal.roles].sort()).toEqual(['reviewer', 'window_clerk']);
    expect(principal).toMatchObject({ tenant: '620321', department: '620321-SCJG' });
    expect(claimsOf(body.access_token!).given_name).toBe('李测试（审查）');
  });

  it('disables the user: earlier refresh tokens and new logins are rejected', async () => {
    await directory.disableUser(userId);
    const refreshed = await tokenEndpoint({
      grant_type: 'refresh_token',
      client_id: 'govhall-workbench',
      refresh_token: refreshToken,
    });
    expect(refreshed.status).toBe(400);
    expect(refreshed.body.error).toBe('invalid_grant');
    const again = await login();
    expect(again.status).toBe(400);
    expect(again.body.error).toBe('invalid_grant');
    expect((await directory.findUserByUsername(username))?.enabled).toBe(false);
  });

  it('creates a service client whose tokens carry tenant, department, service role and audience', async () => {
    const clientId = `kd-svc-${suffix}`;
    const { id, secret } = await directory.createServiceClient({
      clientId,
      description: '测试第三方系统',
      tenant: '620321',
      department: '620321-SCJG',
      ref: `service-account:${suffix}`,
    });
    createdClients.push(id);
    expect(secret.length).toBeGreaterThanOrEqual(16);
    expect(await directory.findServiceClient(clientId)).toEqual({ id, ref: `service-account:${suffix}` });
    expect(await directory.findServiceClient(`kd-none-${suffix}`)).toBeUndefined();
    expect(await directory.getServiceClientSecret(id)).toBe(secret);

    const { status, body } = await tokenEndpoint({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: secret,
    });
    expect(status).toBe(200);
    const principal = await verifier.verify(body.access_token!);
    expect(principal).toMatchObject({
      kind: 'service',
      clientId,
      tenant: '620321',
      department: '620321-SCJG',
      roles: ['service'],
    });
    expect(claimsOf(body.access_token!).aud).toEqual(expect.arrayContaining(['govhall-api']));
  });

  it('refuses a second service client with the same client id', async () => {
    const attempt = directory.createServiceClient({
      clientId: `kd-svc-${suffix}`,
      description: '重复',
      tenant: '620321',
      department: '620321-SCJG',
      ref: `service-account:other-${suffix}`,
    });
    await expect(attempt).rejects.toMatchObject({ code: 'CLIENT_ID_TAKEN' });
  });

  it('reports an unreachable Keycloak as UnavailableError', async () => {
    const closed = new KeycloakDirectory({
      baseUrl: `http://127.0.0.1:${await freePort()}`,
      realm: stack.realm,
      ...CLIENT,
      logger,
    });
    const attempt = closed.findUserByUsername(username);
    await expect(attempt).rejects.toBeInstanceOf(UnavailableError);
    await expect(attempt).rejects.toMatchObject({
      code: 'DIRECTORY_UNAVAILABLE',
      message: '统一身份认证服务暂时不可用，请稍后重试',
    });
  });

  it('gives up after 5 s on a Keycloak that accepts connections but never answers', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    const hanging = new KeycloakDirectory({
      baseUrl: `http://127.0.0.1:${port}`,
      realm: stack.realm,
      ...CLIENT,
      logger,
    });
    const started = Date.now();
    try {
      await expect(hanging.findUserByUsername(username)).rejects.toMatchObject({ code: 'DIRECTORY_UNAVAILABLE' });
      expect(Date.now() - started).toBeGreaterThanOrEqual(4_900);
      expect(Date.now() - started).toBeLessThan(8_000);
    } finally {
      sockets.forEach((s) => s.destroy());
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('treats bad service credentials as a configuration error, not as unavailability', async () => {
    const misconfigured = new KeycloakDirectory({
      baseUrl: stack.keycloakUrl,
      realm: stack.realm,
      clientId: CLIENT.clientId,
      clientSecret: 'wrong-secret',
      logger,
    });
    const attempt = misconfigured.findUserByUsername(username);
    await expect(attempt).rejects.not.toBeInstanceOf(UnavailableError);
    await expect(attempt).rejects.toThrow(/HTTP 401/);
  });
});
