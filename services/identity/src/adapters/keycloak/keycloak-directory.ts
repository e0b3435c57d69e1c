import KcAdminClient from '@keycloak/keycloak-admin-client';
import type UserRepresentation from '@keycloak/keycloak-admin-client/lib/defs/userRepresentation.js';
import type { RoleMappingPayload } from '@keycloak/keycloak-admin-client/lib/defs/roleRepresentation.js';
import { STAFF_ROLES, type Role } from '@govhall/auth';
import { ConflictError } from '@govhall/errors';
import type { Logger } from '@govhall/logging';
import type {
  DirectoryUser,
  IdentityDirectory,
  NewDirectoryUser,
  NewServiceClient,
} from '../../usecases/directory.port';
import { httpStatusOf, toDirectoryError } from './keycloak-errors';
import { REF_ATTRIBUTE, serviceClientRepresentation } from './service-client.representation';

export interface KeycloakDirectoryOptions {
  /** Keycloak base URL, e.g. http://127.0.0.1:8080 */
  baseUrl: string;
  realm: string;
  /** Confidential client whose service account holds the realm-management roles (govhall-identity). */
  clientId: string;
  clientSecret: string;
  logger: Pick<Logger, 'debug' | 'warn'>;
  /** Clock for token renewal (tests); defaults to Date.now. */
  now?: () => number;
}

/** Every HTTP call to Keycloak (token and admin API) is aborted after this long. */
const TIMEOUT_MS = 5_000;
/**
 * Re-authenticate this long before the access token expires. More than the admin client's own 5 s check, which
 * would otherwise try (and fail) to refresh a client-credentials token by itself.
 */
const EXPIRY_MARGIN_MS = 30_000;
/** The attributes GovHall owns on a user; other attributes are left as Keycloak has them. */
const OWNED_ATTRIBUTES = ['tenant', 'department', 'govhall_ref'] as const;

type Attributes = NonNullable<UserRepresentation['attributes']>;

function expiryOf(token: string | undefined): number {
  const payload = token?.split('.')[1];
  if (!payload) return 0;
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown };
  return typeof claims.exp === 'number' ? claims.exp * 1000 - EXPIRY_MARGIN_MS : 0;
}

function ownedAttributes(input: NewDirectoryUser['attributes']): Attributes {
  const attributes: Attributes = {};
  for (const name of OWNED_ATTRIBUTES) {
    const value = input[name];
    if (value !== undefined) attributes[name] = [value];
  }
  return attributes;
}

function toDirectoryUser(user: UserRepresentation): DirectoryUser {
  const attributes: Record<string, string | undefined> = {};
  for (const [name, values] of Object.entries(user.attributes ?? {})) {
    attributes[name] = Array.isArray(values) ? (values[0] as string | undefined) : undefined;
  }
  return { id: user.id!, username: user.username!, enabled: user.enabled ?? false, attributes };
}

/**
 * IdentityDirectory on Keycloak's admin REST API (@keycloak/keycloak-admin-client), authenticated as the
 * govhall-identity service account (client credentials). The admin client cannot refresh a client-credentials
 * token, so the token is re-fetched shortly before it expires (one fetch at a time) and once more when
 * Keycloak answers 401.
 *
 * Operations are not atomic in Keycloak. createUser creates the user and then maps its roles: if the role
 * mapping fails, the user exists without roles. Callers look the username up first and adopt a user whose
 * govhall_ref is theirs with updateUser, which adds the missing roles, so a retry completes the account.
 * createServiceClient removes the client again when granting its role fails (best effort).
 */
export class KeycloakDirectory implements IdentityDirectory {
  private readonly kc: KcAdminClient;
  private tokenRenewAt = 0;
  private authenticating?: Promise<void>;

  constructor(private readonly options: KeycloakDirectoryOptions) {
    this.kc = new KcAdminClient({ baseUrl: options.baseUrl, realmName: options.realm, timeout: TIMEOUT_MS });
  }

  async findUserByUsername(username: string): Promise<DirectoryUser | undefined> {
    const users = await this.call('find user', (kc) =>
      kc.users.find({ username, exact: true, briefRepresentation: false }),
    );
    const user = users.find((u) => u.username?.toLowerCase() === username.toLowerCase());
    return user ? toDirectoryUser(user) : undefined;
  }

  async createUser(input: NewDirectoryUser): Promise<string> {
    const { id } = await this.call(
      'create user',
      (kc) =>
        kc.users.create({
          username: input.username,
          enabled: true,
          firstName: input.displayName,
          attributes: ownedAttributes(input.attributes),
          credentials: [{ type: 'password', value: input.password, temporary: input.temporaryPassword }],
        }),
      { 409: () => new ConflictError('USERNAME_TAKEN', '用户名已被占用') },
    );
    await this.addRealmRoles(id, input.roles);
    return id;
  }

  async updateUser(id: string, input: Pick<NewDirectoryUser, 'attributes' | 'roles' | 'displayName'>): Promise<void> {
    // The admin PUT replaces the representation and the user profile drops attributes that are not sent:
    // read the whole user, change GovHall's attributes (an absent one is removed) and write it all back.
    const user = await this.getUser(id);
    const attributes: Attributes = { ...user.attributes };
    for (const name of OWNED_ATTRIBUTES) delete attributes[name];
    Object.assign(attributes, ownedAttributes(input.attributes));
    await this.call('update user', (kc) =>
      kc.users.update({ id }, { ...user, firstName: input.displayName, attributes }),
    );
    await this.addRealmRoles(id, input.roles);
  }

  async setUserAccess(id: string, access: { roles: Role[]; department?: string }): Promise<void> {
    const user = await this.getUser(id);
    const attributes: Attributes = { ...user.attributes };
    delete attributes.department;
    if (access.department) attributes.department = [access.department];
    await this.call('update user', (kc) => kc.users.update({ id }, { ...user, attributes }));
    const wanted = new Set<string>(access.roles);
    const current = await this.call('list role mappings', (kc) => kc.users.listRealmRoleMappings({ id }));
    const surplus = current
      .filter((r) => r.id && r.name && (STAFF_ROLES as readonly string[]).includes(r.name) && !wanted.has(r.name))
      .map((r) => ({ id: r.id!, name: r.name! }));
    if (surplus.length > 0) {
      await this.call('remove role mappings', (kc) => kc.users.delRealmRoleMappings({ id, roles: surplus }));
    }
    await this.addRealmRoles(id, access.roles);
    // Tokens already issued keep the old roles until they expire; ending the sessions stops their refresh.
    await this.call('log out user', (kc) => kc.users.logout({ id }));
  }

  async disableUser(id: string): Promise<void> {
    const user = await this.getUser(id);
    await this.call('disable user', (kc) => kc.users.update({ id }, { ...user, enabled: false }));
    // Ends every session, so refresh tokens issued before stop working at once.
    await this.call('log out user', (kc) => kc.users.logout({ id }));
  }

  async createServiceClient(input: NewServiceClient): Promise<{ id: string; secret: string }> {
    const { id } = await this.call('create client', (kc) => kc.clients.create(serviceClientRepresentation(input)), {
      409: () => new ConflictError('CLIENT_ID_TAKEN', '客户端标识已被占用'),
    });
    try {
      const account = await this.call('get service account', (kc) => kc.clients.getServiceAccountUser({ id }));
      await this.addRealmRoles(account.id!, ['service']);
    } catch (error) {
      await this.call('delete client', (kc) => kc.clients.del({ id })).catch((cleanup: unknown) =>
        this.options.logger.warn(
          { clientId: input.clientId, err: cleanup },
          'service client left without role: delete it in Keycloak',
        ),
      );
      throw error;
    }
    return { id, secret: await this.getServiceClientSecret(id) };
  }

  async findServiceClient(clientId: string): Promise<{ id: string; ref?: string } | undefined> {
    const clients = await this.call('find client', (kc) => kc.clients.find({ clientId, search: false }));
    const client = clients.find((c) => c.clientId === clientId);
    if (!client?.id) return undefined;
    const ref = client.attributes?.[REF_ATTRIBUTE] as unknown;
    return { id: client.id, ...(typeof ref === 'string' ? { ref } : {}) };
  }

  async getServiceClientSecret(id: string): Promise<string> {
    const credential = await this.call('get client secret', (kc) => kc.clients.getClientSecret({ id }));
    if (!credential.value) throw new Error(`Keycloak client ${id} has no secret`);
    return credential.value;
  }

  async regenerateServiceClientSecret(id: string): Promise<string> {
    const credential = await this.call('regenerate client secret', (kc) => kc.clients.generateNewClientSecret({ id }));
    if (!credential.value) throw new Error(`Keycloak client ${id} has no secret`);
    return credential.value;
  }

  async disableServiceClient(id: string): Promise<void> {
    const client = await this.call('get client', (kc) => kc.clients.findOne({ id }));
    if (!client) throw new Error(`Keycloak client ${id} does not exist`);
    // Keycloak disables the client's service-account user with it: the token endpoint refuses the client.
    await this.call('disable client', (kc) => kc.clients.update({ id }, { ...client, enabled: false }));
  }

  private async getUser(id: string): Promise<UserRepresentation> {
    const user = await this.call('get user', (kc) => kc.users.findOne({ id }));
    if (!user) throw new Error(`Keycloak user ${id} does not exist`);
    return user;
  }

  private async addRealmRoles(userId: string, roles: readonly Role[]): Promise<void> {
    const current = await this.call('list role mappings', (kc) => kc.users.listRealmRoleMappings({ id: userId }));
    const have = new Set(current.map((r) => r.name));
    const missing = [...new Set(roles)].filter((r) => !have.has(r));
    if (missing.length === 0) return;
    const payload: RoleMappingPayload[] = [];
    for (const name of missing) {
      const role = await this.call('find role', (kc) => kc.roles.findOneByName({ name }));
      if (!role?.id) throw new Error(`Keycloak realm ${this.options.realm} has no role ${name}`);
      payload.push({ id: role.id, name });
    }
    await this.call('add role mappings', (kc) => kc.users.addRealmRoleMappings({ id: userId, roles: payload }));
  }

  /**
   * Runs one admin call with a valid token; on 401 re-authenticates and tries once more (a 401 means the call
   * was not processed). Failures are mapped by toDirectoryError; `onStatus` turns expected statuses into domain
   * errors.
   */
  private async call<T>(
    operation: string,
    fn: (kc: KcAdminClient) => Promise<T>,
    onStatus: Record<number, () => Error> = {},
  ): Promise<T> {
    try {
      await this.authenticate(false);
      try {
        return await fn(this.kc);
      } catch (error) {
        if (httpStatusOf(error) !== 401) throw error;
        await this.authenticate(true);
        return await fn(this.kc);
      }
    } catch (error) {
      const status = httpStatusOf(error);
      const expected = status === undefined ? undefined : onStatus[status];
      if (expected) throw expected();
      const mapped = toDirectoryError(operation, error);
      if (mapped !== error) this.options.logger.warn({ operation, status, err: error }, 'keycloak call failed');
      throw mapped;
    }
  }

  /** Fetches a client-credentials token when there is none, it is about to expire or `force`; one at a time. */
  private authenticate(force: boolean): Promise<void> {
    if (!force && this.kc.accessToken && (this.options.now ?? Date.now)() < this.tokenRenewAt) return Promise.resolve();
    this.authenticating ??= (async () => {
      const { clientId, clientSecret } = this.options;
      await this.kc.auth({ grantType: 'client_credentials', clientId, clientSecret });
      this.tokenRenewAt = expiryOf(this.kc.accessToken);
      this.options.logger.debug({ clientId }, 'authenticated to keycloak');
    })().finally(() => {
      this.authenticating = undefined;
    });
    return this.authenticating;
  }
}
