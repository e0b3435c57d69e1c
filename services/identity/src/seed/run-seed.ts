import type { Principal, Role } from '@govhall/auth';
import { ConflictError, isDomainError } from '@govhall/errors';
import { createLogger } from '@govhall/logging';
import { connectMongo, ensureIndexes } from '@govhall/mongo';
import { composeIdentity, type IdentityComposition } from '../compose';
import { config, keycloakAdmin } from '../config';
import { staffRef } from '../usecases/create-staff/provision-staff-account';
import { DEMO_LEGAL_PERSON, DEMO_NATURAL_PERSONS, DEMO_PASSWORD, SLUG_ROLES } from './demo-people.seed';
import {
  EXTRA_SEED_DEPARTMENTS,
  SEED_DEPARTMENTS,
  SEED_TENANTS,
  SEED_WINDOWS,
  STAFF_ROLE_SLUGS,
  WINDOW_DEPARTMENT_ABBREVIATION,
  seedUsername,
} from './tenancy.seed';

/**
 * Loads the demo and test data through identity's own use cases: tenants, departments, a login for every role
 * in every tenant, windows, demo applicants with a legal person and an agent. Idempotent: what exists is kept,
 * and a seeded login that Keycloak lost (a realm re-import) is created again for its record.
 *
 *   node services/identity/dist/seed/run-seed.js [--only tenancy]
 */
const seedPrincipal = (tenant: string, roles: Role[]): Principal => ({
  kind: 'user',
  subject: 'system:identity-seed',
  username: 'identity-seed',
  tenant,
  roles,
  clientId: 'identity-seed',
});

/** Runs a create; an "already exists" conflict counts as done. */
async function idempotent<T>(work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof ConflictError) return undefined;
    throw e;
  }
}

async function seedTenancy(identity: IdentityComposition) {
  for (const t of SEED_TENANTS) {
    const actor = seedPrincipal(t.parentCode ?? t.code, ['ops_admin']);
    await idempotent(() =>
      identity.tenancy.createTenant(
        { code: t.code, name: t.name, level: '', parentCode: t.parentCode ?? '', center: t.center },
        actor,
      ),
    );
  }
  for (const d of [...SEED_DEPARTMENTS, ...EXTRA_SEED_DEPARTMENTS]) {
    await idempotent(() => identity.tenancy.createDepartment(d, seedPrincipal(d.tenant, ['center_admin'])));
  }
}

async function seedStaff(identity: IdentityComposition, logins: [string, string, string, string][]) {
  for (const t of SEED_TENANTS) {
    for (const slug of STAFF_ROLE_SLUGS) {
      const { role, inWindowDepartment, title } = SLUG_ROLES[slug];
      const username = seedUsername(t.code, slug);
      const department = inWindowDepartment ? `${t.code}-${WINDOW_DEPARTMENT_ABBREVIATION}` : undefined;
      const staff = await identity.staff.createStaff(
        {
          tenant: t.code,
          ...(department ? { department } : {}),
          username,
          displayName: `${t.name}${title}`,
          phone: `1390935${String(SEED_TENANTS.indexOf(t)).padStart(2, '0')}${String(STAFF_ROLE_SLUGS.indexOf(slug)).padStart(2, '0')}`,
          roles: [role],
          initialPassword: DEMO_PASSWORD,
          permanentPassword: true,
        },
        seedPrincipal(t.code, ['center_admin']),
      );
      await repairLogin(identity, staff.id);
      logins.push([username, role, t.code, department ?? '']);
    }
  }
}

/** A seeded record whose Keycloak login disappeared (realm re-imported) gets its login back. */
async function repairLogin(identity: IdentityComposition, staffId: string) {
  const staff = await identity.repositories.staff.findById(staffId);
  if (!staff || staff.status !== 'active') return;
  if (await identity.directory.findUserByUsername(staff.username)) return;
  const subject = await identity.directory.createUser({
    username: staff.username,
    displayName: staff.displayName,
    attributes: {
      tenant: staff.tenant,
      ...(staff.department ? { department: staff.department } : {}),
      govhall_ref: staffRef(staff),
    },
    roles: staff.roles,
    password: DEMO_PASSWORD,
    temporaryPassword: false,
  });
  await identity.repositories.staff.update(
    { ...staff, subject, version: staff.version + 1 },
    staff.version,
    [],
    seedPrincipal(staff.tenant, ['center_admin']),
  );
}

async function seedWindows(identity: IdentityComposition) {
  for (const w of SEED_WINDOWS) {
    const a = await identity.repositories.staff.findByUsername(w.aPostUsername);
    const b = await identity.repositories.staff.findByUsername(w.bPostUsername);
    if (!a || !b)
      throw new Error(`seed window ${w.tenant} ${w.number}: staff ${w.aPostUsername}/${w.bPostUsername} missing`);
    await idempotent(() =>
      identity.tenancy.createWindow(
        {
          tenant: w.tenant,
          number: w.number,
          name: w.name,
          kind: w.kind,
          department: w.department,
          servesDepartments: w.servesDepartments,
          aPostStaffId: a.id,
          bPostStaffId: b.id,
          location: w.location,
        },
        seedPrincipal(w.tenant, ['center_admin']),
      ),
    );
  }
}

async function seedApplicants(identity: IdentityComposition, logins: [string, string, string, string][]) {
  for (const p of DEMO_NATURAL_PERSONS) {
    await idempotent(() => identity.applicants.registerNaturalPerson({ ...p, password: DEMO_PASSWORD }));
    logins.push([p.idNumber, 'applicant', p.tenant, p.name]);
  }
  const holder = await identity.repositories.naturalPersons.findByIdNumber(DEMO_LEGAL_PERSON.holderIdNumber);
  if (!holder?.subject) throw new Error('seed: the legal person holder was not registered');
  const holderPrincipal: Principal = {
    ...seedPrincipal('', ['applicant']),
    subject: holder.subject,
    username: holder.idNumber,
  };
  const held = await identity.repositories.legalPersons.findByHolderSubject(holder.subject);
  let legalPerson = held.find((lp) => lp.creditCode === DEMO_LEGAL_PERSON.creditCode);
  legalPerson ??= await identity.applicants.registerLegalPerson(
    {
      tenant: DEMO_LEGAL_PERSON.tenant,
      name: DEMO_LEGAL_PERSON.name,
      creditCode: DEMO_LEGAL_PERSON.creditCode,
      legalRepresentativeName: DEMO_LEGAL_PERSON.legalRepresentativeName,
      legalRepresentativeIdNumber: DEMO_LEGAL_PERSON.legalRepresentativeIdNumber,
    },
    holderPrincipal,
  );
  const agent = await identity.repositories.naturalPersons.findByIdNumber(DEMO_LEGAL_PERSON.agentIdNumber);
  const hasGrant = legalPerson.agents.some((g) => g.agentSubject === agent?.subject && g.status === 'active');
  if (!hasGrant) {
    await identity.applicants.authorizeAgent(
      {
        legalPersonId: legalPerson.id,
        agentIdNumber: DEMO_LEGAL_PERSON.agentIdNumber,
        scope: { allDepartments: false, departments: [...DEMO_LEGAL_PERSON.agentDepartments], itemCodes: [] },
        validUntil: '',
      },
      holderPrincipal,
    );
  }
}

async function main() {
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
  if (only !== undefined && only !== 'tenancy') throw new Error(`--only ${only}: only "tenancy" is supported`);
  const logger = createLogger('identity-seed', process.env.LOG_LEVEL ?? 'warn');
  const connection = await connectMongo(config.MONGODB_URI, config.MONGODB_DB);
  try {
    const identity = composeIdentity({
      connection,
      logger,
      keycloak: keycloakAdmin,
      hostedTenants: [],
    });
    await ensureIndexes(Object.values(identity.repositories).map((r) => r.model));
    await seedTenancy(identity);
    const logins: [string, string, string, string][] = [];
    if (only !== 'tenancy') {
      await seedStaff(identity, logins);
      await seedWindows(identity);
      await seedApplicants(identity, logins);
    }
    const summary =
      `identity seed: ${SEED_TENANTS.length} tenants, ${SEED_DEPARTMENTS.length + EXTRA_SEED_DEPARTMENTS.length} departments` +
      (only ? '' : `, ${logins.length} logins, ${SEED_WINDOWS.length} windows, 1 legal person with an agent`);
    process.stdout.write(`${summary}\n`);
    if (logins.length > 0) {
      process.stdout.write(`demo logins (password ${DEMO_PASSWORD}):\n`);
      for (const [user, role, tenant, extra] of logins) {
        process.stdout.write(`  ${user.padEnd(20)} ${role.padEnd(19)} ${tenant} ${extra}\n`);
      }
    }
  } finally {
    await connection.close();
  }
}

main().catch((err: unknown) => {
  const detail = isDomainError(err) ? `${err.code}: ${err.message}` : err;
  process.stderr.write(`identity seed failed: ${detail instanceof Error ? detail.stack : String(detail)}\n`);
  process.exit(1);
});
