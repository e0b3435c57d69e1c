import { createAuthorizer, type Principal, type Role } from '@govhall/auth';
import { ConcurrencyError, ConflictError, UnavailableError } from '@govhall/errors';
import type { LegalPerson, LegalPersonEvent } from '../domain/legal-person';
import type { NaturalPerson, NaturalPersonEvent } from '../domain/natural-person';
import { creditCode, idNumber } from '../domain/natural-person.test-double';
import type {
  ApplicantRow,
  LegalPersonRepository,
  NaturalPersonRepository,
  RealNameResult,
  RealNameVerifier,
} from './applicants.ports';
import { createApplicantUseCases } from './applicants.use-cases';
import type { DirectoryUser, IdentityDirectory, NewDirectoryUser } from './directory.port';

// Unit-test fakes of the applicant ports (integration tests use the real database and Keycloak).

const newestFirst = (a: ApplicantRow, b: ApplicantRow) =>
  b.createdAt.getTime() - a.createdAt.getTime() || b.id.localeCompare(a.id);

export class InMemoryNaturalPersons implements NaturalPersonRepository {
  readonly rows = new Map<string, NaturalPerson>();
  readonly events: NaturalPersonEvent[] = [];

  async insert(person: NaturalPerson) {
    if ([...this.rows.values()].some((p) => p.idNumber === person.idNumber)) return false;
    this.rows.set(person.id, structuredClone(person));
    return true;
  }
  async findById(id: string) {
    return structuredClone(this.rows.get(id) ?? null);
  }
  async findByIdNumber(idNumber: string) {
    return structuredClone([...this.rows.values()].find((p) => p.idNumber === idNumber) ?? null);
  }
  async findBySubject(subject: string) {
    return structuredClone([...this.rows.values()].find((p) => p.subject === subject) ?? null);
  }
  async update(next: NaturalPerson, expectedVersion: number, events: NaturalPersonEvent[]) {
    if (this.rows.get(next.id)?.version !== expectedVersion) throw new ConcurrencyError();
    this.rows.set(next.id, structuredClone(next));
    this.events.push(...events);
  }
  async removeProvisioning(id: string, expectedVersion: number) {
    const row = this.rows.get(id);
    if (row?.status !== 'provisioning' || row.version !== expectedVersion) return false;
    return this.rows.delete(id);
  }
  async findProvisioning(updatedBefore: Date) {
    return [...this.rows.values()].filter((p) => p.status === 'provisioning' && p.updatedAt < updatedBefore);
  }
  async newestOfTenant(tenant: string, limit: number) {
    const all = [...this.rows.values()]
      .filter((p) => p.tenant === tenant && p.status === 'active')
      .map((p): ApplicantRow => ({
        id: p.id,
        kind: 'natural',
        tenant,
        name: p.name,
        identifier: p.idNumber,
        createdAt: p.createdAt,
      }))
      .sort(newestFirst);
    return { rows: all.slice(0, limit), total: all.length };
  }
}

export class InMemoryLegalPersons implements LegalPersonRepository {
  readonly rows = new Map<string, LegalPerson>();
  readonly events: LegalPersonEvent[] = [];

  async insert(legalPerson: LegalPerson, events: LegalPersonEvent[]) {
    if ([...this.rows.values()].some((l) => l.creditCode === legalPerson.creditCode)) return false;
    this.rows.set(legalPerson.id, structuredClone(legalPerson));
    this.events.push(...events);
    return true;
  }
  async findById(id: string) {
    return structuredClone(this.rows.get(id) ?? null);
  }
  async findByHolderSubject(subject: string) {
    return [...this.rows.values()].filter((l) => l.holderSubject === subject).map((l) => structuredClone(l));
  }
  async findByAgentSubject(subject: string) {
    return [...this.rows.values()]
      .filter((l) => l.agents.some((g) => g.agentSubject === subject))
      .map((l) => structuredClone(l));
  }
  async update(next: LegalPerson, expectedVersion: number, events: LegalPersonEvent[]) {
    if (this.rows.get(next.id)?.version !== expectedVersion) throw new ConcurrencyError();
    this.rows.set(next.id, structuredClone(next));
    this.events.push(...events);
  }
  async newestOfTenant(tenant: string, limit: number) {
    const all = [...this.rows.values()]
      .filter((l) => l.tenant === tenant)
      .map((l): ApplicantRow => ({
        id: l.id,
        kind: 'legal',
        tenant,
        name: l.name,
        identifier: l.creditCode,
        createdAt: l.createdAt,
      }))
      .sort(newestFirst);
    return { rows: all.slice(0, limit), total: all.length };
  }
}

type FakeUser = DirectoryUser & { roles: Role[]; password: string; temporary: boolean; displayName: string };

/** Keycloak as a map; `down` makes every call fail as an unreachable Keycloak would. */
export class FakeApplicantDirectory implements IdentityDirectory {
  readonly users = new Map<string, FakeUser>();
  down = false;
  createCalls = 0;
  private seq = 0;

  private check() {
    if (this.down) throw new UnavailableError('DIRECTORY_UNAVAILABLE', '统一身份认证服务暂时不可用，请稍后重试');
  }
  /** A user that exists before the test (e.g. left behind by a crash, or someone else's). */
  seed(username: string, govhallRef?: string): string {
    const id = `kc-seed-${++this.seq}`;
    const attributes = govhallRef ? { govhall_ref: govhallRef } : {};
    this.users.set(id, {
      id,
      username,
      enabled: true,
      attributes,
      roles: [],
      password: 'Seeded2026',
      temporary: false,
      displayName: 'seed',
    });
    return id;
  }
  async findUserByUsername(username: string) {
    this.check();
    const u = [...this.users.values()].find((x) => x.username === username.toLowerCase());
    return u ? { id: u.id, username: u.username, enabled: u.enabled, attributes: { ...u.attributes } } : undefined;
  }
  async createUser(input: NewDirectoryUser) {
    this.check();
    this.createCalls += 1;
    if ([...this.users.values()].some((u) => u.username === input.username.toLowerCase())) {
      throw new ConflictError('USERNAME_TAKEN', '用户名已被占用');
    }
    const id = `kc-${++this.seq}`;
    this.users.set(id, {
      id,
      username: input.username.toLowerCase(),
      enabled: true,
      attributes: { ...input.attributes },
      roles: [...input.roles],
      password: input.password,
      temporary: input.temporaryPassword,
      displayName: input.displayName,
    });
    return id;
  }
  async updateUser() {
    this.check();
  }
  async disableUser() {
    this.check();
  }
  async createServiceClient(): Promise<{ id: string; secret: string }> {
    throw new Error('not used by applicants');
  }
  async findServiceClient(): Promise<undefined> {
    throw new Error('not used by applicants');
  }
  async getServiceClientSecret(): Promise<string> {
    throw new Error('not used by applicants');
  }
}

export { creditCode, idNumber };

/** A verifier that accepts everyone (format was validated before), or refuses when told to, saying why. */
export class FakeVerifier implements RealNameVerifier {
  refuse = false;
  private answer(): RealNameResult {
    return this.refuse
      ? { method: 'fake-register', verified: false, note: '姓名与证件号码不一致（测试核验）' }
      : { method: 'fake-register', verified: true, note: '测试核验通过' };
  }
  async verifyNaturalPerson() {
    return this.answer();
  }
  async verifyLegalPerson() {
    return this.answer();
  }
}

export function staff(username: string, tenant: string, roles: Role[], department?: string): Principal {
  return {
    kind: 'user',
    subject: `sub-${username}`,
    username,
    tenant,
    roles,
    ...(department ? { department } : {}),
    clientId: 'govhall-workbench',
  };
}

export function serviceAccount(clientId: string, tenant: string, department?: string): Principal {
  return {
    kind: 'service',
    subject: `sub-${clientId}`,
    username: `service-account-${clientId}`,
    tenant,
    roles: ['service'],
    ...(department ? { department } : {}),
    clientId,
  };
}

/** The token a registered person gets from Keycloak (username = ID number, lower-case). */
export function applicantOf(person: NaturalPerson): Principal {
  return {
    kind: 'user',
    subject: person.subject!,
    username: person.idNumber.toLowerCase(),
    tenant: person.tenant,
    roles: ['applicant'],
    clientId: 'govhall-portal',
  };
}

/** Every applicant use case over in-memory repositories, a fake Keycloak, a settable clock and UUID ids. */
export function applicantSetup(hostedTenants?: string[]) {
  const naturalPersons = new InMemoryNaturalPersons();
  const legalPersons = new InMemoryLegalPersons();
  const directory = new FakeApplicantDirectory();
  const verifier = new FakeVerifier();
  const denials: object[] = [];
  const logged: { msg: string; obj: object }[] = [];
  let now = new Date('2026-03-02T02:00:00Z');
  const clock = { now: () => new Date(now) };
  let n = 0;
  const uc = createApplicantUseCases({
    naturalPersons,
    legalPersons,
    directory,
    verifier,
    authorizer: createAuthorizer({ warn: (obj) => denials.push(obj) }),
    clock,
    ids: { newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}` },
    logger: { info: (obj, msg) => logged.push({ obj, msg }), warn: (obj, msg) => logged.push({ obj, msg }) },
    hostedTenants,
  });
  const advance = (ms: number) => {
    now = new Date(now.getTime() + ms);
  };

  /** Registers a natural person and returns their record and their token. */
  const register = async (name: string, sequence: string, phone = '13812345678') => {
    const person = await uc.registerNaturalPerson({
      tenant: '620321',
      name,
      idNumber: idNumber(sequence),
      phone,
      password: 'Apply2026',
    });
    return { person, token: applicantOf(person) };
  };

  /** A company held by 张三 with an agent 李四 authorised for 620321-SCJG; 王五 is registered, not an agent. */
  const company = async () => {
    const holder = await register('张三', '123');
    const agent = await register('李四', '234', '13912345678');
    const other = await register('王五', '345', '13712345678');
    const legalPerson = await uc.registerLegalPerson(
      {
        tenant: '620321',
        name: '永昌县金川农产品有限公司',
        creditCode: creditCode(),
        legalRepresentativeName: '张三',
        legalRepresentativeIdNumber: holder.person.idNumber,
      },
      holder.token,
    );
    const { grant } = await uc.authorizeAgent(
      {
        legalPersonId: legalPerson.id,
        agentIdNumber: agent.person.idNumber,
        scope: { allDepartments: false, departments: ['620321-SCJG'], itemCodes: [] },
        validUntil: '2026-12-31',
      },
      holder.token,
    );
    return { holder, agent, other, legalPerson, grant };
  };

  return { uc, naturalPersons, legalPersons, directory, verifier, denials, logged, clock, advance, register, company };
}
