import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PasswordLogins } from './password-logins';

// A stand-in for Keycloak's token endpoint: counts the password grants per user and answers after `delayMs`;
// `refused` users get Keycloak's 401.
let server: Server;
let url = '';
const grants = new Map<string, number>();
const refused = new Set<string>();
const delayMs = 50;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const form = new URLSearchParams(body);
      const user = form.get('username') ?? '';
      grants.set(user, (grants.get(user) ?? 0) + 1);
      setTimeout(() => {
        res.setHeader('content-type', 'application/json');
        if (refused.has(user)) {
          res.statusCode = 401;
          res.end(JSON.stringify({ error: 'invalid_grant', error_description: 'Invalid user credentials' }));
          return;
        }
        res.end(JSON.stringify({ access_token: `token-of-${user}-${grants.get(user)}`, expires_in: 300 }));
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const logins = () => new PasswordLogins({ keycloakUrl: url, realm: 'govhall', password: 'Demo@2026' });

it('asks once for a login wanted by several callers at the same time, and reuses the token afterwards', async () => {
  const l = logins();
  const tokens = await Promise.all([l.token('yc-admin'), l.token('yc-admin'), l.token('yc-admin')]);
  expect(tokens).toEqual(['token-of-yc-admin-1', 'token-of-yc-admin-1', 'token-of-yc-admin-1']);
  expect(await l.token('yc-admin')).toBe('token-of-yc-admin-1');
  expect(grants.get('yc-admin')).toBe(1);
});

it('keeps no refused login: the next call asks again', async () => {
  const l = logins();
  refused.add('jc-admin');
  await expect(Promise.all([l.token('jc-admin'), l.token('jc-admin')])).rejects.toThrow(
    'login of jc-admin failed (HTTP 401: Invalid user credentials)',
  );
  expect(grants.get('jc-admin')).toBe(1);
  refused.delete('jc-admin');
  expect(await l.token('jc-admin')).toBe('token-of-jc-admin-2');
});
