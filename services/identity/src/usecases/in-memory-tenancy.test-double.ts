import type { Principal, Role } from '@govhall/auth';
import { ConcurrencyError } from '@govhall/errors';
import { createDepartment, type Department, type DepartmentEvent } from '../domain/department';
import { createTenant, type NewTenantInput, type ServiceCenter, type Tenant, type TenantEvent } from '../domain/tenant';
import type { NewWindowInput, Window, WindowEvent } from '../domain/window';
import { staffFact, windowInput } from '../domain/window.test-double';
import type { StaffFact, StaffFacts } from './staff-facts.port';
import type { DepartmentRepository, TenantRepository, WindowRepository } from './tenancy.ports';
import { collectingAuthorizer, principal, sequentialIds, testClock } from './principals.test-double';
import { createTenancyUseCases } from './tenancy.use-cases';

/** Unit-test fakes of the tenancy repositories (integration tests use the real database). */
export class InMemoryTenants implements TenantRepository {
  readonly saved = new Map<string, Tenant>();
  readonly events: TenantEvent[] = [];

  async insert(tenant: Tenant, events: TenantEvent[], _actor: Principal) {
    if (this.saved.has(tenant.code)) return false;
    this.saved.set(tenant.code, tenant);
    this.events.push(...events);
    return true;
  }
  async findByCode(code: string) {
    return this.saved.get(code) ?? null;
  }
  async listChildren(parentCode: string | undefined) {
    return [...this.saved.values()]
      .filter((t) => t.parentCode === parentCode)
      .sort((a, b) => a.code.localeCompare(b.code));
  }
  async updateCenter(tenant: Tenant, events: TenantEvent[], expectedVersion: number, _actor: Principal) {
    if (this.saved.get(tenant.code)?.version !== expectedVersion) throw new ConcurrencyError();
    this.saved.set(tenant.code, tenant);
    this.events.push(...events);
  }
}

export class InMemoryDepartments implements DepartmentRepository {
  readonly saved = new Map<string, Department>();
  readonly events: DepartmentEvent[] = [];

  async insert(department: Department, events: DepartmentEvent[], _actor: Principal) {
    if (this.saved.has(department.code)) return false;
    this.saved.set(department.code, department);
    this.events.push(...events);
    return true;
  }
  async listByTenant(tenant: string) {
    return [...this.saved.values()].filter((d) => d.tenant === tenant).sort((a, b) => a.code.localeCompare(b.code));
  }
  async findByCode(code: string) {
    return this.saved.get(code) ?? null;
  }
  async update(department: Department, events: DepartmentEvent[], expectedVersion: number, _actor: Principal) {
    if (this.saved.get(department.code)?.version !== expectedVersion) throw new ConcurrencyError();
    this.saved.set(department.code, department);
    this.events.push(...events);
  }
}

export class InMemoryWindows implements WindowRepository {
  readonly saved = new Map<string, Window>();
  readonly events: WindowEvent[] = [];

  async insert(window: Window, events: WindowEvent[], _actor: Principal) {
    const taken = [...this.saved.values()].some((w) => w.tenant === window.tenant && w.number === window.number);
    if (taken) return false;
    this.saved.set(window.id, window);
    this.events.push(...events);
    return true;
  }
  async findById(id: string) {
    return this.saved.get(id) ?? null;
  }
  async listByTenant(tenant: string) {
    return [...this.saved.values()].filter((w) => w.tenant === tenant).sort((a, b) => a.number.localeCompare(b.number));
  }
  async updatePosts(window: Window, events: WindowEvent[], expectedVersion: number, _actor: Principal) {
    if (this.saved.get(window.id)?.version !== expectedVersion) throw new ConcurrencyError();
    this.saved.set(window.id, window);
    this.events.push(...events);
  }
  async update(window: Window, events: WindowEvent[], expectedVersion: number, _actor: Principal) {
    if (this.saved.get(window.id)?.version !== expectedVersion) throw new ConcurrencyError();
    const taken = [...this.saved.values()].some(
      (w) => w.id !== window.id && w.tenant === window.tenant && w.number === window.number,
    );
    if (taken) return false;
    this.saved.set(window.id, window);
    this.events.push(...events);
    return true;
  }
}

/** Staff facts as the staff repository would answer them, over a plain list. */
export class FakeStaffFacts implements StaffFacts {
  constructor(readonly people: StaffFact[] = []) {}

  async findByIds(ids: readonly string[]) {
    return this.people.filter((s) => ids.includes(s.id));
  }
  async findActiveWithRole(tenant: string, role: Role, department?: string) {
    return this.people
      .filter((s) => s.tenant === tenant && s.status === 'active' && s.roles.includes(role))
      .filter((s) => department === undefined || s.department === department)
      .sort((a, b) => a.username.localeCompare(b.username));
  }
}

export const center = (name = '永昌县政务服务中心'): ServiceCenter => ({
  name,
  address: '甘肃省金昌市永昌县城关镇北海子路',
  hours: '周一至周五 9:00-12:00 14:30-17:30',
  phones: ['0935-7521234'],
});

/** 01:30 on 2026-11-26 in Asia/Shanghai, still 2026-11-25 in UTC. */
export const NOW = new Date('2026-11-25T17:30:00Z');

/**
 * All tenancy use cases over in-memory repositories, a fixed clock, sequential ids and the real authorizer
 * (its denials are collected in `denials`). Tenants of the 金昌 tree can be put in place with `seedTenant`.
 */
export function tenancySetup(options: { hostedTenants?: string[]; staff?: StaffFact[] } = {}) {
  const tenants = new InMemoryTenants();
  const departments = new InMemoryDepartments();
  const windows = new InMemoryWindows();
  const staff = new FakeStaffFacts(options.staff ?? []);
  const { authorizer, denials } = collectingAuthorizer();
  const uc = createTenancyUseCases({
    tenants,
    departments,
    windows,
    staff,
    authorizer,
    clock: testClock(NOW),
    ids: sequentialIds(),
    hostedTenants: options.hostedTenants,
  });
  const seedTenant = (input: Omit<NewTenantInput, 'center' | 'level'>) => {
    const { tenant } = createTenant({ ...input, level: '', center: center(`${input.name}政务服务中心`) }, NOW);
    tenants.saved.set(tenant.code, tenant);
    return tenant;
  };
  const seedDepartment = (tenant: string, abbreviation: string, name: string) => {
    const { department } = createDepartment({ tenant, abbreviation, name }, NOW);
    departments.saved.set(department.code, department);
    return department;
  };
  return { tenants, departments, windows, staff, denials, uc, seedTenant, seedDepartment };
}

/** Principals of the 金昌 tree: ops and center administrators of 金昌市 (620300) and 永昌县 (620321). */
export const actors = {
  jcsOps: principal('jcs-ops', '620300', ['ops_admin']),
  jcsAdmin: principal('jcs-admin', '620300', ['center_admin']),
  lzsAdmin: principal('lzs-admin', '620100', ['center_admin']),
  ycAdmin: principal('yc-admin', '620321', ['center_admin']),
  ycClerk: principal('yc-clerk', '620321', ['window_clerk'], '620321-SCJG'),
  anonymous: { ...principal('', '', []), subject: '', clientId: '' },
};

/** 甘肃 tenants (金昌市 with 金川区 and 永昌县, 兰州市) put straight into the fake repository. */
export function seedTree(setup: ReturnType<typeof tenancySetup>) {
  return {
    jinchang: setup.seedTenant({ code: '620300', name: '金昌市' }),
    jinchuan: setup.seedTenant({ code: '620302', name: '金川区', parentCode: '620300' }),
    yongchang: setup.seedTenant({ code: '620321', name: '永昌县', parentCode: '620300' }),
    lanzhou: setup.seedTenant({ code: '620100', name: '兰州市' }),
  };
}

/** Staff of 永昌县: two SCJG clerks (a, b), an RSJ clerk (c), the SCJG head and a center administrator. */
export const hallStaff: StaffFact[] = [
  staffFact('a', { displayName: '张敏' }),
  staffFact('b', { displayName: '李强' }),
  staffFact('c', { displayName: '王芳', department: '620321-RSJ' }),
  staffFact('head', { displayName: '赵刚', roles: ['department_head'] }),
  staffFact('admin', { displayName: '陈静', department: undefined, roles: ['center_admin'] }),
];

/** A tenancy setup with the tree, SCJG and RSJ seated in 永昌县 and its staff (overridable). */
export function hallSetup(options: { hostedTenants?: string[]; staff?: StaffFact[] } = {}) {
  const staff = options.staff ?? hallStaff.map((s) => ({ ...s }));
  const setup = tenancySetup({ hostedTenants: options.hostedTenants, staff });
  seedTree(setup);
  setup.seedDepartment('620321', 'SCJG', '市场监督管理局');
  setup.seedDepartment('620321', 'RSJ', '人力资源和社会保障局');
  return setup;
}

/** A department window of 永昌县's 市场监督管理局 with clerks a (A post) and b (B post). */
export const windowCommand: NewWindowInput = windowInput();

export { staffFact };
