import { identityV1 } from '@govhall/proto';
import { bootstrapAdmin, tenantCreator } from './bootstrap.seed';
import { DEMO_LEGAL_PERSON, DEMO_NATURAL_PERSONS, DEMO_PASSWORD, SLUG_ROLES } from './demo-people.seed';
import { alreadyExists, type IdentitySeedApi } from './seed-api';
import {
  EXTRA_SEED_DEPARTMENTS,
  SEED_DEPARTMENTS,
  SEED_TENANTS,
  SEED_WINDOWS,
  LEGAL_AFFAIRS_ABBREVIATION,
  STAFF_ROLE_SLUGS,
  WINDOW_DEPARTMENT_ABBREVIATION,
  seedUsername,
} from './tenancy.seed';

/**
 * The identity seed's steps, each through identity's API as a real login (see bootstrap.seed.ts for who does
 * what): tenants, departments, a login for every role in every tenant, windows, demo applicants with a legal
 * person and an agent. Idempotent: identity answers "already exists" (or returns the earlier record) for what is
 * there, and the seed counts that as done, so a second run changes nothing.
 */

/** A row of the login table: username, role, tenant, department (staff) or name (applicants). */
export type LoginRow = readonly [username: string, role: string, tenant: string, extra: string];

/** Runs a create; an "already exists" answer with one of `reasons` counts as done. */
async function unlessExists<T>(reasons: readonly string[], work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (e) {
    if (alreadyExists(e, reasons)) return undefined;
    throw e;
  }
}

/** The tenant tree (parents first, see SEED_TENANTS) and the seated departments. */
export async function seedTenancy(api: IdentitySeedApi): Promise<void> {
  for (const t of SEED_TENANTS) {
    await unlessExists(['TENANT_EXISTS'], () =>
      api.createTenant(
        {
          code: t.code,
          name: t.name,
          // Unspecified: identity derives the level from the code.
          level: identityV1.TenantLevel.TENANT_LEVEL_UNSPECIFIED,
          parentCode: t.parentCode ?? '',
          center: { ...t.center, phones: [...t.center.phones] },
        },
        tenantCreator(t),
      ),
    );
  }
  // Departments are independent of each other once their tenants exist: created together (every test world seeds
  // them, one after another they took seconds).
  await Promise.all(
    [...SEED_DEPARTMENTS, ...EXTRA_SEED_DEPARTMENTS].map((d) =>
      unlessExists(['DEPARTMENT_EXISTS'], () =>
        api.createDepartment(
          { tenant: d.tenant, abbreviation: d.abbreviation, name: d.name },
          bootstrapAdmin(d.tenant),
        ),
      ),
    ),
  );
}

/**
 * One member of staff per role slug per tenant, with a permanent demo password. CreateStaff is idempotent per
 * username: repeating the same request returns the existing record (or completes a half-done one).
 */
export async function seedStaff(api: IdentitySeedApi): Promise<{ logins: LoginRow[]; staffIds: Map<string, string> }> {
  const logins: LoginRow[] = [];
  const staffIds = new Map<string, string>();
  for (const [tenantIndex, t] of SEED_TENANTS.entries()) {
    for (const [slugIndex, slug] of STAFF_ROLE_SLUGS.entries()) {
      const { role, department: placed, title } = SLUG_ROLES[slug];
      const username = seedUsername(t.code, slug);
      const department =
        placed === 'window'
          ? `${t.code}-${WINDOW_DEPARTMENT_ABBREVIATION}`
          : placed === 'legal_affairs'
            ? `${t.code}-${LEGAL_AFFAIRS_ABBREVIATION}`
            : '';
      const staff = await api.createStaff(
        {
          tenant: t.code,
          department,
          username,
          displayName: `${t.name}${title}`,
          phone: `1390935${String(tenantIndex).padStart(2, '0')}${String(slugIndex).padStart(2, '0')}`,
          roles: [role],
          initialPassword: DEMO_PASSWORD,
          permanentPassword: true,
        },
        bootstrapAdmin(t.code),
      );
      if (staff.status !== identityV1.StaffStatus.STAFF_STATUS_ACTIVE) {
        throw new Error(`seed staff ${username} is not active (${identityV1.StaffStatus[staff.status]})`);
      }
      staffIds.set(username, staff.id);
      logins.push([username, role, t.code, department]);
    }
  }
  return { logins, staffIds };
}

const WINDOW_KINDS = {
  department: identityV1.WindowKind.WINDOW_KIND_DEPARTMENT,
  comprehensive: identityV1.WindowKind.WINDOW_KIND_COMPREHENSIVE,
} as const;

/** Two windows per tenant, opened by the tenant's own seeded center administrator (`<prefix>-admin`). */
export async function seedWindows(api: IdentitySeedApi, staffIds: ReadonlyMap<string, string>): Promise<void> {
  for (const w of SEED_WINDOWS) {
    const a = staffIds.get(w.aPostUsername);
    const b = staffIds.get(w.bPostUsername);
    if (!a || !b)
      throw new Error(`seed window ${w.tenant} ${w.number}: staff ${w.aPostUsername}/${w.bPostUsername} missing`);
    await unlessExists(['WINDOW_NUMBER_TAKEN'], () =>
      api.createWindow(
        {
          tenant: w.tenant,
          number: w.number,
          name: w.name,
          kind: WINDOW_KINDS[w.kind],
          department: w.department,
          servesDepartments: [...w.servesDepartments],
          aPostStaffId: a,
          bPostStaffId: b,
          location: w.location,
        },
        seedUsername(w.tenant, 'admin'),
      ),
    );
  }
}

/**
 * The demo applicants register themselves (anonymous RPC); the holder, logged in with their ID number, registers
 * the legal person and authorises the agent unless the agent already holds an active grant.
 */
export async function seedApplicants(api: IdentitySeedApi): Promise<LoginRow[]> {
  const logins: LoginRow[] = [];
  for (const p of DEMO_NATURAL_PERSONS) {
    await unlessExists(['PERSON_EXISTS'], () => api.registerNaturalPerson({ ...p, password: DEMO_PASSWORD }));
    logins.push([p.idNumber, 'applicant', p.tenant, p.name]);
  }
  const holder = DEMO_LEGAL_PERSON.holderIdNumber;
  const held = (await api.getMyProfile(holder)).heldLegalPersons;
  const legalPerson =
    held.find((lp) => lp.creditCode === DEMO_LEGAL_PERSON.creditCode) ??
    (await api.registerLegalPerson(
      {
        tenant: DEMO_LEGAL_PERSON.tenant,
        name: DEMO_LEGAL_PERSON.name,
        creditCode: DEMO_LEGAL_PERSON.creditCode,
        legalRepresentativeName: DEMO_LEGAL_PERSON.legalRepresentativeName,
        legalRepresentativeIdNumber: DEMO_LEGAL_PERSON.legalRepresentativeIdNumber,
      },
      holder,
    ));
  const agent = (await api.getMyProfile(DEMO_LEGAL_PERSON.agentIdNumber)).profile;
  const agentSubject = agent?.$case === 'person' ? agent.value.subject : '';
  if (!agentSubject) throw new Error('seed: the agent of the demo legal person has no applicant login');
  const hasGrant = legalPerson.agents.some(
    (g) => g.agentSubject === agentSubject && g.status === identityV1.AgentGrantStatus.AGENT_GRANT_STATUS_ACTIVE,
  );
  if (!hasGrant) {
    await api.authorizeAgent(
      {
        legalPersonId: legalPerson.id,
        agentIdNumber: DEMO_LEGAL_PERSON.agentIdNumber,
        scope: { allDepartments: false, departments: [...DEMO_LEGAL_PERSON.agentDepartments], itemCodes: [] },
        validUntil: '',
      },
      holder,
    );
  }
  return logins;
}

/**
 * Runs the whole seed (`only: 'tenancy'`: tenants and departments only) and returns the lines it prints: a
 * summary, then (unless tenancy only) a header and `username role tenant department-or-name` per login.
 */
export async function runIdentitySeed(api: IdentitySeedApi, options: { only?: 'tenancy' } = {}): Promise<string[]> {
  await seedTenancy(api);
  const logins: LoginRow[] = [];
  if (options.only !== 'tenancy') {
    const staff = await seedStaff(api);
    logins.push(...staff.logins);
    await seedWindows(api, staff.staffIds);
    logins.push(...(await seedApplicants(api)));
  }
  const summary =
    `identity seed: ${SEED_TENANTS.length} tenants, ${SEED_DEPARTMENTS.length + EXTRA_SEED_DEPARTMENTS.length} departments` +
    (options.only ? '' : `, ${logins.length} logins, ${SEED_WINDOWS.length} windows, 1 legal person with an agent`);
  const lines = [summary];
  if (logins.length > 0) {
    lines.push(`demo logins (password ${DEMO_PASSWORD}):`);
    for (const [user, role, tenant, extra] of logins) {
      lines.push(`  ${user.padEnd(20)} ${role.padEnd(19)} ${tenant} ${extra}`);
    }
  }
  return lines;
}
