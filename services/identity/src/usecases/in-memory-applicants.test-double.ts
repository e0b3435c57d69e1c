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
import { createDepartment } from '../domain/department';
import { FakeDirectory } from './fake-directory.test-double';
import { FakeItemCatalogue } from './fake-item-catalogue.test-double';
import { InMemoryDepartments } from './in-memory-tenancy.test-double';
import { InMemoryRecords } from './in-memory-records.test-double';
import { applicantOf, collectingAuthorizer, sequentialIds, testClock } from './principals.test-double';

// Unit-test fakes of the applicant ports (integration tests use the real database and Keycloak).

const newestFirst = (a: ApplicantRow, b: ApplicantRow) =>
  b.createdAt.getTime() - a.createdAt.getTime() || b.id.localeCompare(a.id);

export class InMemoryNaturalPersons
  extends InMemoryRecords<NaturalPerson, NaturalPersonEvent>
  implements NaturalPersonRepository
{
  constructor() {
    super('idNumber');
  }
  async findByIdNumber(idNumber: string) {
    return this.findOne((p) => p.idNumber === idNumber);
  }
  async findBySubject(subject: string) {
    return this.findOne((p) => p.subject === subject);
  }
  async newestOfTenant(tenant: string, limit: number) {
    const all = this.all()
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

export class InMemoryLegalPersons
  extends InMemoryRecords<LegalPerson, LegalPersonEvent>
  implements LegalPersonRepository
{
  constructor() {
    super('creditCode');
  }
  async findByCreditCode(creditCode: string) {
    return this.findOne((l) => l.creditCode === creditCode);
  }
  async findByHolderSubject(subject: string) {
    return this.all()
      .filter((l) => l.holderSubject === subject)
      .map((l) => structuredClone(l));
  }
  async findByAgentSubject(subject: string) {
    return this.all()
      .filter((l) => l.agents.some((g) => g.agentSubject === subject))
      .map((l) => structuredClone(l));
  }
  async newestOfTenant(tenant: string, limit: number) {
    const all = this.all()
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

export { creditCode, idNumber };

/** A verifier that accepts everyone (format was validated before), or refuses when told to, saying why. */
export class FakeVerifier implements RealNameVerifier {
  refuse = false;
  private answer(): RealNameResult {
    return this.refuse
      ? { method: 'fake-register', accepted: false, verified: false, note: '姓名与证件号码不一致（测试核验）' }
      : { method: 'fake-register', accepted: true, verified: true, note: '测试核验通过' };
  }
  async verifyNaturalPerson() {
    return this.answer();
  }
  async verifyLegalPerson() {
    return this.answer();
  }
}

/** Every applicant use case over in-memory repositories, a fake Keycloak, a settable clock and UUID ids. */
export function applicantSetup(hostedTenants?: string[], options: { verifier?: RealNameVerifier } = {}) {
  const naturalPersons = new InMemoryNaturalPersons();
  const legalPersons = new InMemoryLegalPersons();
  // The departments seated in 永昌县 (620321) and 金昌市金川区 (620302) that the tests' grants name.
  const departments = new InMemoryDepartments();
  for (const [tenant, abbreviation, name] of [
    ['620321', 'SCJG', '永昌县市场监督管理局'],
    ['620321', 'RSJ', '永昌县人力资源和社会保障局'],
    ['620302', 'SCJG', '金川区市场监督管理局'],
  ] as const) {
    const { department } = createDepartment({ tenant, abbreviation, name }, new Date('2026-01-01T00:00:00Z'));
    departments.saved.set(department.code, department);
  }
  // Published items: 永昌县 has 000172028000 and 000117006000; 金川区 has 000125019000, which 永昌县 has not.
  const itemCatalogue = new FakeItemCatalogue({
    '620321': ['000172028000', '000117006000'],
    '620302': ['000125019000'],
  });
  const directory = new FakeDirectory();
  const verifier = new FakeVerifier();
  const { authorizer, denials } = collectingAuthorizer();
  const logged: { msg: string; obj: object }[] = [];
  const clock = testClock();
  const uc = createApplicantUseCases({
    naturalPersons,
    legalPersons,
    departments,
    itemCatalogue,
    directory,
    verifier: options.verifier ?? verifier,
    authorizer,
    clock,
    ids: sequentialIds(),
    logger: { info: (obj, msg) => logged.push({ obj, msg }), warn: (obj, msg) => logged.push({ obj, msg }) },
    hostedTenants,
  });
  const { advance } = clock;

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

  return {
    uc,
    naturalPersons,
    legalPersons,
    itemCatalogue,
    directory,
    verifier,
    denials,
    logged,
    clock,
    advance,
    register,
    company,
  };
}
