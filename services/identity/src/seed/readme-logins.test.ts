import * as fs from 'node:fs';
import * as path from 'node:path';
import { loginClientFor } from '@govhall/auth';
import { runIdentitySeed } from './identity-seed';
import { inProcessIdentity } from './in-process-identity.test-double';
import { SEED_TENANTS } from './tenancy.seed';

// The README's demo logins and its curl examples, checked against what the identity seed really creates: every
// login it lists has an identity record with the role and department the README gives it, and each login a curl
// example uses may do what the example shows (a draft item: a center administrator of the item's tenant; a
// company: the applicant registers it through identity's own use case).

const README = fs.readFileSync(path.resolve(__dirname, '../../../../README.md'), 'utf8');

interface ListedLogin {
  login: string;
  role: string;
  tenant?: string;
  department: string;
}

/** The README's login table, staff rows expanded for every prefix the README names. */
function listedLogins(): ListedLogin[] {
  const section = README.slice(README.indexOf('Demo logins'), README.indexOf('```bash', README.indexOf('Demo logins')));
  const prefixes = [...section.matchAll(/(\d{6}) `([a-z]+)`/g)].map(([, tenant, prefix]) => ({ tenant, prefix }));
  const rows = section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => line.split('|').map((cell) => cell.trim()));
  const logins: ListedLogin[] = [];
  for (const [, first = '', roleCell = '', departmentCell = ''] of rows) {
    const role = roleCell.split(':')[0]!.trim();
    for (const [, login] of first.matchAll(/`([^`]+)`/g)) {
      if (!login!.includes('<prefix>')) {
        logins.push({ login: login!, role, department: '' });
        continue;
      }
      for (const { tenant, prefix } of prefixes) {
        logins.push({
          login: login!.replace('<prefix>', prefix!),
          role,
          tenant,
          department: departmentCell.replaceAll('`', '').replace('<tenant>', tenant!),
        });
      }
    }
  }
  return logins;
}

interface CurlCall {
  login: string;
  /** The client the login's token was asked from. */
  client: string;
  method: string;
  path: string;
  body: Record<string, unknown>;
}

/** The README's curl calls with a bearer token, each with the login whose token it sends. */
function curlCalls(): CurlCall[] {
  const block = README.slice(README.indexOf('```bash', README.indexOf('Demo logins')));
  const commands = block
    .slice(0, block.indexOf('\n```', 7))
    .replace(/\\\n\s*/g, ' ')
    .split('\n');
  const tokens = new Map<string, { login: string; client: string }>();
  const calls: CurlCall[] = [];
  for (const command of commands) {
    const token = /^(\w+)=\$\(curl .*-d client_id=(\S+) -d username=(\S+)/.exec(command);
    if (token) tokens.set(token[1]!, { client: token[2]!, login: token[3]! });
    const bearer = /Bearer \$(\w+)/.exec(command);
    if (!bearer) continue;
    calls.push({
      login: tokens.get(bearer[1]!)?.login ?? `(no token ${bearer[1]})`,
      client: tokens.get(bearer[1]!)?.client ?? '(none)',
      method: /-X (\w+)/.exec(command)?.[1] ?? 'GET',
      path: new URL(/(http:\/\/\S+)/.exec(command)![1]!).pathname,
      body: JSON.parse(/-d '(\{.*\})'/.exec(command)?.[1] ?? '{}') as Record<string, unknown>,
    });
  }
  return calls;
}

describe('the README’s logins', () => {
  let identity: ReturnType<typeof inProcessIdentity>;
  beforeAll(async () => {
    identity = inProcessIdentity();
    await runIdentitySeed(identity.api);
  });

  it('lists every seeded tenant’s staff and the demo applicants', () => {
    const logins = listedLogins();
    expect(logins.length).toBe(SEED_TENANTS.length * 11 + 3);
    expect(logins.map((l) => l.login)).toEqual(
      expect.arrayContaining(['ycx-admin', 'jcs-clerk-b', '62032119900307123X']),
    );
  });

  it('each has an identity record with the role and department the README gives it', async () => {
    const problems: string[] = [];
    for (const { login, role, tenant, department } of listedLogins()) {
      if (role === 'applicant') {
        const profile = await identity.api.getMyProfile(login).catch((e: Error) => e);
        if (profile instanceof Error || profile.profile?.$case !== 'person')
          problems.push(`${login}: no applicant profile`);
        continue;
      }
      const staff = await identity.staff.findByUsername(login);
      if (!staff) problems.push(`${login}: no staff profile in identity`);
      else if (staff.status !== 'active' || staff.tenant !== tenant || staff.roles.join() !== role) {
        problems.push(`${login}: ${staff.status} ${staff.tenant} ${staff.roles.join()}, README: ${tenant} ${role}`);
      } else if ((staff.department ?? '') !== department) {
        problems.push(`${login}: department ${staff.department ?? '-'}, README: ${department || '-'}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('each login a curl example uses is a listed login that may do what the example does', async () => {
    const listed = new Map(listedLogins().map((l) => [l.login, l]));
    const calls = curlCalls();
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'POST /api/v1/catalogue/items',
      'POST /api/v1/identity/legal-persons',
    ]);
    for (const call of calls) {
      const login = listed.get(call.login);
      expect([call.login, login !== undefined]).toEqual([call.login, true]);
      // Staff log in through the workbench, applicants through the portal (a portal token carries only the
      // applicant role, and the workbench refuses applicants: ADR 0015).
      expect([call.login, call.client]).toEqual([call.login, loginClientFor(call.login)]);
      if (call.path === '/api/v1/catalogue/items') {
        // The catalogue lets a center administrator of the item's own tenant draft items.
        expect([call.login, login!.role, login!.tenant]).toEqual([call.login, 'center_admin', call.body.tenant]);
      }
      if (call.path === '/api/v1/identity/legal-persons') {
        const registered = await identity.api.registerLegalPerson(call.body as never, call.login);
        expect(registered).toMatchObject({ creditCode: call.body.creditCode, name: call.body.name });
        const profile = await identity.api.getMyProfile(call.login);
        expect(profile.heldLegalPersons.map((lp) => lp.creditCode)).toContain(call.body.creditCode);
      }
    }
  });
});
