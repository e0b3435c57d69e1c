import type { Principal, Role } from '@govhall/auth';
import { ConcurrencyError, ConflictError, UnavailableError } from '@govhall/errors';
import type { ServiceAccount, ServiceAccountEvent } from '../domain/service-account';
import type { Staff, StaffEvent } from '../domain/staff';
import type { DirectoryUser, IdentityDirectory, NewDirectoryUser, NewServiceClient } from './directory.port';
import type { ServiceAccountRepository, StaffRepository, TenancyLookup, WindowPosts } from './staff.ports';

export class InMemoryStaff implements StaffRepository {
  readonly rows = new Map<string, Staff>();
  readonly events: StaffEvent[] = [];

  async insert(staff: Staff) {
    if ([...this.rows.values()].some((s) => s.username === staff.username)) return false;
    this.rows.set(staff.id, structuredClone(staff));
    return true;
  }
  async findById(id: string) {
    return structuredClone(this.rows.get(id) ?? null);
  }
  async findByUsername(username: string) {
    return structuredClone([...this.rows.values()].find((s) => s.username === username) ?? null);
  }
  async findBySubject(subject: string) {
    return structuredClone([...this.rows.values()].find((s) => s.subject === subject) ?? null);
  }
  async list(tenant: string, department: string | undefined, offset: number, limit: number) {
    const all = [...this.rows.values()]
      .filter((s) => s.tenant === tenant && (!department || s.department === department))
      .sort((a, b) => a.username.localeCompare(b.username));
    return { staff: all.slice(offset, offset + limit), total: all.length };
  }
  async update(next: Staff, expectedVersion: number, events: StaffEvent[], _actor: Principal) {
    if (this.rows.get(next.id)?.version !== expectedVersion) throw new ConcurrencyError();
    this.rows.set(next.id, structuredClone(next));
    this.events.push(...events);
  }
  async removeProvisioning(id: string) {
    if (this.rows.get(id)?.status === 'provisioning') this.rows.delete(id);
  }
  async findProvisioning(updatedBefore: Date) {
    return [...this.rows.values()].filter((s) => s.status === 'provisioning' && s.updatedAt < updatedBefore);
  }
  async findByIds(ids: readonly string[]) {
    return [...this.rows.values()].filter((s) => ids.includes(s.id));
  }
  async findActiveWithRole(tenant: string, role: Role, department?: string) {
    return [...this.rows.values()].filter(
      (s) =>
        s.tenant === tenant &&
        s.status === 'active' &&
        s.roles.includes(role as never) &&
        (!department || s.department === department),
    );
  }
}

export class InMemoryServiceAccounts implements ServiceAccountRepository {
  readonly rows = new Map<string, ServiceAccount>();
  readonly events: ServiceAccountEvent[] = [];

  async insert(account: ServiceAccount) {
    if ([...this.rows.values()].some((a) => a.clientId === account.clientId)) return false;
    this.rows.set(account.id, structuredClone(account));
    return true;
  }
  async findById(id: string) {
    return structuredClone(this.rows.get(id) ?? null);
  }
  async findByClientId(clientId: string) {
    return structuredClone([...this.rows.values()].find((a) => a.clientId === clientId) ?? null);
  }
  async list(tenant: string) {
    return [...this.rows.values()].filter((a) => a.tenant === tenant);
  }
  async update(next: ServiceAccount, expectedVersion: number, events: ServiceAccountEvent[]) {
    if (this.rows.get(next.id)?.version !== expectedVersion) throw new ConcurrencyError();
    this.rows.set(next.id, structuredClone(next));
    this.events.push(...events);
  }
  async removeProvisioning(id: string) {
    if (this.rows.get(id)?.status === 'provisioning') this.rows.delete(id);
  }
  async findProvisioning(updatedBefore: Date) {
    return [...this.rows.values()].filter((a) => a.status === 'provisioning' && a.updatedAt < updatedBefore);
  }
}

/** Keycloak as a map; `down` makes every call fail as an unreachable Keycloak would. */
export class FakeStaffDirectory implements IdentityDirectory {
  readonly users = new Map<string, DirectoryUser & { roles: Role[]; password: string; temporary: boolean }>();
  readonly clients = new Map<string, { id: string; clientId: string; ref: string; secret: string }>();
  down = false;
  private seq = 0;

  private check() {
    if (this.down) throw new UnavailableError('DIRECTORY_UNAVAILABLE', '统一身份认证服务暂时不可用，请稍后重试');
  }
  async findUserByUsername(username: string) {
    this.check();
    const u = [...this.users.values()].find((x) => x.username === username.toLowerCase());
    return u ? { id: u.id, username: u.username, enabled: u.enabled, attributes: { ...u.attributes } } : undefined;
  }
  async createUser(input: NewDirectoryUser) {
    this.check();
    if (await this.findUserByUsername(input.username)) throw new ConflictError('USERNAME_TAKEN', '用户名已被占用');
    const id = `kc-${++this.seq}`;
    this.users.set(id, {
      id,
      username: input.username.toLowerCase(),
      enabled: true,
      attributes: { ...input.attributes },
      roles: [...input.roles],
      password: input.password,
      temporary: input.temporaryPassword,
    });
    return id;
  }
  async updateUser(id: string, input: Pick<NewDirectoryUser, 'attributes' | 'roles' | 'displayName'>) {
    this.check();
    const u = this.users.get(id)!;
    u.attributes = { ...u.attributes, ...input.attributes };
    u.roles = [...new Set([...u.roles, ...input.roles])];
  }
  async disableUser(id: string) {
    this.check();
    this.users.get(id)!.enabled = false;
  }
  async createServiceClient(input: NewServiceClient) {
    this.check();
    const id = `client-${++this.seq}`;
    this.clients.set(id, { id, clientId: input.clientId, ref: input.ref, secret: `secret-${id}` });
    return { id, secret: `secret-${id}` };
  }
  async findServiceClient(clientId: string) {
    this.check();
    const c = [...this.clients.values()].find((x) => x.clientId === clientId);
    return c ? { id: c.id, ref: c.ref } : undefined;
  }
  async getServiceClientSecret(id: string) {
    this.check();
    return this.clients.get(id)!.secret;
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
