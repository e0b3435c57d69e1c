import type { Role } from '@govhall/auth';
import type { ServiceAccount, ServiceAccountEvent } from '../domain/service-account';
import type { Staff, StaffEvent } from '../domain/staff';
import { createStaffUseCase, type CreateStaffCommand } from './create-staff/create-staff.usecase';
import { FakeDirectory } from './fake-directory.test-double';
import { InMemoryRecords } from './in-memory-records.test-double';
import { authorizer, clock, ids } from './principals.test-double';
import type { ServiceAccountRepository, StaffRepository, TenancyLookup, WindowPosts } from './staff.ports';

export class InMemoryStaff extends InMemoryRecords<Staff, StaffEvent> implements StaffRepository {
  constructor() {
    super('username');
  }
  async findByUsername(username: string) {
    return this.findOne((s) => s.username === username);
  }
  async findBySubject(subject: string) {
    return this.findOne((s) => s.subject === subject);
  }
  async list(tenant: string, department: string | undefined, offset: number, limit: number) {
    const all = this.all()
      .filter((s) => s.tenant === tenant && (!department || s.department === department))
      .sort((a, b) => a.username.localeCompare(b.username));
    return { staff: all.slice(offset, offset + limit), total: all.length };
  }
  async findByIds(ids: readonly string[]) {
    return this.all().filter((s) => ids.includes(s.id));
  }
  async findActiveWithRole(tenant: string, role: Role, department?: string) {
    return this.all().filter(
      (s) =>
        s.tenant === tenant &&
        s.status === 'active' &&
        s.roles.includes(role as never) &&
        (!department || s.department === department),
    );
  }
}

export class InMemoryServiceAccounts
  extends InMemoryRecords<ServiceAccount, ServiceAccountEvent>
  implements ServiceAccountRepository
{
  constructor() {
    super('clientId');
  }
  async findByClientId(clientId: string) {
    return this.findOne((a) => a.clientId === clientId);
  }
  async list(tenant: string) {
    return this.all().filter((a) => a.tenant === tenant);
  }
}

export class FakeTenancy implements TenancyLookup, WindowPosts {
  tenants = new Set(['620300', '620302', '620321']);
  departments = new Set(['620321-SCJG', '620321-RSJ', '620302-SCJG']);
  posts = new Map<string, { id: string; number: string; post: 'A' | 'B' }[]>();
  async tenantExists(code: string) {
    return this.tenants.has(code);
  }
  async departmentExists(code: string) {
    return this.departments.has(code);
  }
  async heldBy(staffId: string) {
    return this.posts.get(staffId) ?? [];
  }
}

/** A request for a clerk of 永昌县's 市场监督管理局 unless overridden. */
export function staffCommand(overrides: Partial<CreateStaffCommand> = {}): CreateStaffCommand {
  return {
    tenant: '620321',
    department: '620321-SCJG',
    username: 'yc-clerk-new',
    displayName: '李四',
    phone: '13812345678',
    roles: ['window_clerk'],
    initialPassword: 'Start2026',
    ...overrides,
  };
}

/** In-memory staff, a fake Keycloak and tenancy, and the create-staff use case over them. */
export function staffSetup() {
  const staff = new InMemoryStaff();
  const directory = new FakeDirectory();
  const tenancy = new FakeTenancy();
  const create = createStaffUseCase({ staff, directory, tenancy, authorizer, clock, ids });
  return { staff, directory, tenancy, create };
}
