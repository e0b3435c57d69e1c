import { status } from '@grpc/grpc-js';
import { BOOTSTRAP_ADMINS, ROOT_TENANT_CREATORS } from './bootstrap.seed';
import { DEMO_LEGAL_PERSON, DEMO_PASSWORD } from './demo-people.seed';
import { runIdentitySeed } from './identity-seed';
import { inProcessIdentity, realmPrincipal, realmUsers } from './in-process-identity.test-double';
import { ApiRefusal } from '@govhall/grpc';
import { EXTRA_SEED_DEPARTMENTS, SEED_DEPARTMENTS, SEED_TENANTS, SEED_WINDOWS } from './tenancy.seed';

// The seed against identity's own use cases and the real authorizer, each call as the principal its login's
// token carries: the realm file's bootstrap logins must be allowed to do what the seed asks of them.

describe('identity seed through the API', () => {
  it('builds the tree, the staff, the windows and the applicants, refused nothing', async () => {
    const identity = inProcessIdentity();
    const lines = await runIdentitySeed(identity.api);

    expect(identity.denials).toEqual([]);
    expect([...identity.tenants.saved.keys()]).toEqual(SEED_TENANTS.map((t) => t.code));
    expect(identity.departments.saved.size).toBe(SEED_DEPARTMENTS.length + EXTRA_SEED_DEPARTMENTS.length);
    expect(identity.windows.saved.size).toBe(SEED_WINDOWS.length);
    const [legalPerson] = [...identity.legalPersons.rows.values()];
    expect(legalPerson).toMatchObject({ creditCode: DEMO_LEGAL_PERSON.creditCode });
    expect(legalPerson!.agents.filter((g) => g.status === 'active')).toHaveLength(1);

    expect(lines[0]).toBe(
      'identity seed: 6 tenants, 48 departments, 69 logins, 12 windows, 1 legal person with an agent',
    );
    expect(lines[1]).toBe(`demo logins (password ${DEMO_PASSWORD}):`);
    expect(lines).toHaveLength(2 + 69);
    expect(lines).toContain('  ycx-legal            complaint_handler   620321 620321-SFJ');
    expect(lines).toContain('  ycx-clerk            window_clerk        620321 620321-SCJG');
    expect(lines).toContain('  jcs-admin            center_admin        620300 ');
    expect(lines).toContain('  62032119900307123X   applicant           620321 张三');
  });

  it('acts as the realm bootstrap logins, then as each tenant’s own administrator and the applicants', async () => {
    const identity = inProcessIdentity();
    await runIdentitySeed(identity.api);
    const who = (rpc: string) => [...new Set(identity.calls.filter((c) => c.startsWith(`${rpc} `)))];

    expect(who('CreateTenant')).toEqual([
      'CreateTenant jc-city-ops',
      'CreateTenant jc-city-admin',
      'CreateTenant lz-city-ops',
    ]);
    expect(who('CreateWindow')).toEqual(SEED_TENANTS.map((t) => `CreateWindow ${windowAdmin(t.code)}`));
    expect(who('RegisterNaturalPerson')).toEqual(['RegisterNaturalPerson (anonymous)']);
    expect(who('RegisterLegalPerson')).toEqual([`RegisterLegalPerson ${DEMO_LEGAL_PERSON.holderIdNumber}`]);
    expect(who('AuthorizeAgent')).toEqual([`AuthorizeAgent ${DEMO_LEGAL_PERSON.holderIdNumber}`]);
  });

  it('changes nothing when run again and prints the same table', async () => {
    const identity = inProcessIdentity();
    const first = await runIdentitySeed(identity.api);
    const events = identity.eventCount();
    const users = identity.directory.users.size;

    const second = await runIdentitySeed(identity.api);
    expect(second).toEqual(first);
    expect(identity.eventCount()).toBe(events);
    expect(identity.directory.users.size).toBe(users);
    expect(identity.directory.createCalls).toBe(users);
    expect(identity.calls.filter((c) => c.startsWith('AuthorizeAgent '))).toHaveLength(1);
    expect(identity.denials).toEqual([]);
  });

  it('seeds only tenants and departments with --only tenancy, without creating a login', async () => {
    const identity = inProcessIdentity();
    const lines = await runIdentitySeed(identity.api, { only: 'tenancy' });
    expect(lines).toEqual(['identity seed: 6 tenants, 48 departments']);
    expect(identity.directory.users.size).toBe(0);
    expect(identity.tenants.saved.size).toBe(6);
  });

  it('does not count another refusal as done: a staff username taken by someone else stops the seed', async () => {
    const identity = inProcessIdentity();
    identity.directory.seed('ycx-clerk');
    const err = await runIdentitySeed(identity.api).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiRefusal);
    expect(err).toMatchObject({ rpc: 'CreateStaff', code: status.ALREADY_EXISTS, reason: 'USERNAME_TAKEN' });
  });
});

const windowAdmin = (tenant: string) =>
  ({ '620300': 'jcs', '620302': 'jcq', '620321': 'ycx', '620100': 'lzs', '620102': 'cgq', '620123': 'yzx' })[tenant] +
  '-admin';

describe('bootstrap logins of the realm file', () => {
  const users = new Map(realmUsers().map((u) => [u.username, u]));

  it('exist with the demo password, an ops_admin for each root and an administrator in every seeded tenant', () => {
    for (const [code, login] of Object.entries(ROOT_TENANT_CREATORS)) {
      expect([login, realmPrincipal(users.get(login)!)]).toEqual([
        login,
        expect.objectContaining({ tenant: code, roles: ['ops_admin'] }),
      ]);
    }
    for (const t of SEED_TENANTS) {
      const login = BOOTSTRAP_ADMINS[t.code]!;
      const p = realmPrincipal(users.get(login)!);
      expect([login, p.tenant, p.roles.some((r) => r === 'center_admin' || r === 'ops_admin')]).toEqual([
        login,
        t.code,
        true,
      ]);
    }
  });
});
