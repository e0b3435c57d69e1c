import type { Role } from '@govhall/auth';
import { ConflictError, UnavailableError } from '@govhall/errors';
import type { DirectoryUser, IdentityDirectory, NewDirectoryUser, NewServiceClient } from './directory.port';

export type FakeUser = DirectoryUser & { roles: Role[]; password: string; temporary: boolean; displayName: string };

/**
 * Keycloak as two maps (users, service clients), for the unit tests of staff, service accounts and applicants.
 * `down` makes every call fail as an unreachable Keycloak would; `seed` puts a user in place before the test;
 * `createCalls` counts user creations attempted.
 */
export class FakeDirectory implements IdentityDirectory {
  readonly users = new Map<string, FakeUser>();
  readonly clients = new Map<
    string,
    { id: string; clientId: string; ref: string; secret: string; enabled?: boolean }
  >();
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
  async updateUser(id: string, input: Pick<NewDirectoryUser, 'attributes' | 'roles' | 'displayName'>) {
    this.check();
    const u = this.users.get(id)!;
    u.attributes = { ...u.attributes, ...input.attributes };
    u.roles = [...new Set([...u.roles, ...input.roles])];
  }
  readonly loggedOut: string[] = [];
  async setUserAccess(id: string, access: { roles: Role[]; department?: string }) {
    this.check();
    const u = this.users.get(id)!;
    const { department: _old, ...attributes } = u.attributes;
    u.attributes = { ...attributes, ...(access.department ? { department: access.department } : {}) };
    u.roles = [...access.roles];
    this.loggedOut.push(id);
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
  async regenerateServiceClientSecret(id: string) {
    this.check();
    const c = this.clients.get(id)!;
    c.secret = `${c.secret}-rotated`;
    return c.secret;
  }
  async disableServiceClient(id: string) {
    this.check();
    this.clients.get(id)!.enabled = false;
  }
  async getServiceClientSecret(id: string) {
    this.check();
    return this.clients.get(id)!.secret;
  }
}
