import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROLES, type Principal, type Role } from '@govhall/auth';
import { isDomainError } from '@govhall/errors';
import { toGrpcStatus } from '@govhall/grpc';
import { agentScopeFromProto, toProtoLegalPerson, toProtoNaturalPerson } from '../adapters/grpc/applicants.mapper';
import { toProtoStaff } from '../adapters/grpc/staff.mapper';
import {
  levelFromProto,
  serviceCenterFromProto,
  toProtoDepartment,
  toProtoTenant,
  toProtoWindow,
  windowKindFromProto,
} from '../adapters/grpc/tenancy.mapper';
import { createApplicantUseCases } from '../usecases/applicants.use-cases';
import { FakeItemCatalogue } from '../usecases/fake-item-catalogue.test-double';
import { createStaffUseCase } from '../usecases/create-staff/create-staff.usecase';
import { FakeDirectory } from '../usecases/fake-directory.test-double';
import {
  FakeVerifier,
  InMemoryLegalPersons,
  InMemoryNaturalPersons,
} from '../usecases/in-memory-applicants.test-double';
import { InMemoryStaff } from '../usecases/in-memory-staff.test-double';
import { InMemoryDepartments, InMemoryTenants, InMemoryWindows } from '../usecases/in-memory-tenancy.test-double';
import { collectingAuthorizer, sequentialIds, testClock } from '../usecases/principals.test-double';
import { createTenancyUseCases } from '../usecases/tenancy.use-cases';
import { DEMO_PASSWORD } from './demo-people.seed';
import { ApiRefusal } from '@govhall/grpc';
import { type IdentitySeedApi } from './seed-api';

interface RealmUser {
  username: string;
  enabled?: boolean;
  attributes?: Record<string, string[]>;
  realmRoles?: string[];
  credentials?: { type: string; value: string; temporary: boolean }[];
}

/** The users of the local realm file (deploy/keycloak/govhall-realm.json). */
export function realmUsers(): RealmUser[] {
  const file = path.resolve(__dirname, '../../../../deploy/keycloak/govhall-realm.json');
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { users: RealmUser[] }).users;
}

const knownRoles = (roles: readonly string[]): Role[] =>
  roles.filter((r): r is Role => (ROLES as readonly string[]).includes(r));

/** The principal a password login of a realm-file user gets (its token's roles and tenant claims). */
export function realmPrincipal(user: RealmUser): Principal {
  return {
    kind: 'user',
    subject: `realm-${user.username}`,
    username: user.username,
    tenant: user.attributes?.tenant?.[0] ?? '',
    roles: knownRoles(user.realmRoles ?? []),
    ...(user.attributes?.department?.[0] ? { department: user.attributes.department[0] } : {}),
    clientId: 'govhall-portal',
  };
}

/**
 * identity's own use cases over in-memory repositories and a fake Keycloak, served as the seed's API: each call
 * runs as the principal the named login's token would carry (a realm-file user, or a login identity created),
 * and a domain refusal comes back as the gRPC API answers it (code and reason). `calls` lists `rpc as` pairs.
 */
export function inProcessIdentity() {
  const tenants = new InMemoryTenants();
  const departments = new InMemoryDepartments();
  const windows = new InMemoryWindows();
  const staff = new InMemoryStaff();
  const naturalPersons = new InMemoryNaturalPersons();
  const legalPersons = new InMemoryLegalPersons();
  const directory = new FakeDirectory();
  const { authorizer, denials } = collectingAuthorizer();
  const clock = testClock();
  const ids = sequentialIds();
  const tenancy = createTenancyUseCases({ tenants, departments, windows, staff, authorizer, clock, ids });
  const createStaff = createStaffUseCase({
    staff,
    directory,
    authorizer,
    clock,
    ids,
    tenancy: {
      tenantExists: async (code) => tenants.saved.has(code),
      departmentExists: async (code) => departments.saved.has(code),
    },
  });
  const applicants = createApplicantUseCases({
    naturalPersons,
    legalPersons,
    departments,
    // The seed's grants name departments only: a catalogue with no items.
    itemCatalogue: new FakeItemCatalogue(),
    directory,
    verifier: new FakeVerifier(),
    authorizer,
    clock,
    ids,
    logger: { info: () => undefined, warn: () => undefined },
  });
  const realm = new Map(realmUsers().map((u) => [u.username, u]));
  const calls: string[] = [];

  /** The password login `as` (Demo@2026), as Keycloak would issue its token. */
  function login(as: string): Principal {
    const fromRealm = realm.get(as);
    if (fromRealm) {
      const password = fromRealm.credentials?.find((c) => c.type === 'password');
      if (!fromRealm.enabled || password?.value !== DEMO_PASSWORD || password.temporary)
        throw new Error(`login of ${as} failed (realm user without the demo password)`);
      return realmPrincipal(fromRealm);
    }
    const user = [...directory.users.values()].find((u) => u.username === as.toLowerCase());
    if (!user || !user.enabled || user.password !== DEMO_PASSWORD || user.temporary)
      throw new Error(`login of ${as} failed (HTTP 401: Invalid user credentials)`);
    return {
      kind: 'user',
      subject: user.id,
      username: user.username,
      tenant: user.attributes.tenant ?? '',
      roles: user.roles,
      ...(user.attributes.department ? { department: user.attributes.department } : {}),
      clientId: 'govhall-portal',
    };
  }

  async function call<T>(rpc: string, as: string | undefined, work: (actor: Principal) => Promise<T>): Promise<T> {
    calls.push(`${rpc} ${as ?? '(anonymous)'}`);
    const actor = as === undefined ? realmPrincipal({ username: '' }) : login(as);
    try {
      return await work(actor);
    } catch (e) {
      if (!isDomainError(e)) throw e;
      throw new ApiRefusal(rpc, toGrpcStatus(e).code, e.code, e.message);
    }
  }

  const api: IdentitySeedApi = {
    createTenant: (req, as) =>
      call('CreateTenant', as, async (actor) =>
        toProtoTenant(
          await tenancy.createTenant(
            {
              code: req.code,
              name: req.name,
              level: levelFromProto(req.level),
              parentCode: req.parentCode,
              center: serviceCenterFromProto(req.center)!,
            },
            actor,
          ),
        ),
      ),
    createDepartment: (req, as) =>
      call('CreateDepartment', as, async (actor) => toProtoDepartment(await tenancy.createDepartment(req, actor))),
    createStaff: (req, as) =>
      call('CreateStaff', as, async (actor) =>
        toProtoStaff(
          await createStaff(
            {
              tenant: req.tenant,
              ...(req.department ? { department: req.department } : {}),
              username: req.username,
              displayName: req.displayName,
              phone: req.phone,
              roles: req.roles as Role[],
              initialPassword: req.initialPassword,
              permanentPassword: req.permanentPassword,
            },
            actor,
          ),
        ),
      ),
    createWindow: (req, as) =>
      call('CreateWindow', as, async (actor) =>
        toProtoWindow(await tenancy.createWindow({ ...req, kind: windowKindFromProto(req.kind) as never }, actor)),
      ),
    registerNaturalPerson: (req) =>
      call('RegisterNaturalPerson', undefined, async () =>
        toProtoNaturalPerson(await applicants.registerNaturalPerson(req)),
      ),
    getMyProfile: (as) =>
      call('GetMyProfile', as, async (actor) => {
        const profile = await applicants.getApplicantProfile(actor);
        return {
          profile: { $case: 'person', value: toProtoNaturalPerson(profile.person) },
          heldLegalPersons: profile.heldLegalPersons.map(toProtoLegalPerson),
          agentFor: profile.agentFor.map(toProtoLegalPerson),
        };
      }),
    registerLegalPerson: (req, as) =>
      call('RegisterLegalPerson', as, async (actor) =>
        toProtoLegalPerson(await applicants.registerLegalPerson(req, actor)),
      ),
    authorizeAgent: (req, as) =>
      call('AuthorizeAgent', as, async (actor) => {
        const { legalPerson } = await applicants.authorizeAgent(
          { ...req, scope: agentScopeFromProto(req.scope) },
          actor,
        );
        return toProtoLegalPerson(legalPerson);
      }),
  };

  /** Every event the repositories stored: a second seed run must add none. */
  const eventCount = () =>
    tenants.events.length +
    departments.events.length +
    windows.events.length +
    staff.events.length +
    naturalPersons.events.length +
    legalPersons.events.length;

  return { api, calls, denials, directory, tenants, departments, windows, staff, legalPersons, eventCount };
}
