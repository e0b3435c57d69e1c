import type { Role } from '@govhall/auth';

/**
 * The identity provider (Keycloak) as identity's use cases see it. Implemented by
 * adapters/keycloak/keycloak-directory.ts; faked only in unit tests.
 *
 * Every method throws UnavailableError (from @govhall/errors; gRPC UNAVAILABLE, HTTP 503) when Keycloak
 * cannot be reached or answers 5xx, so callers can leave their record pending and retry.
 */
export interface IdentityDirectory {
  /** Exact (case-insensitive, as Keycloak stores it) username lookup. */
  findUserByUsername(username: string): Promise<DirectoryUser | undefined>;
  /**
   * Creates an enabled user with the given attributes, realm roles and password. Throws ConflictError
   * USERNAME_TAKEN when the username exists already (callers look it up first and adopt it when its
   * `govhall_ref` attribute is theirs).
   */
  createUser(input: NewDirectoryUser): Promise<string>;
  /** Adds missing realm roles and sets tenant/department/govhall_ref attributes (used when adopting). */
  updateUser(id: string, input: Pick<NewDirectoryUser, 'attributes' | 'roles' | 'displayName'>): Promise<void>;
  /**
   * Sets the user's staff realm roles to exactly `roles` (other staff roles removed; roles outside STAFF_ROLES
   * untouched) and its department attribute (removed when undefined), then ends every session so the next
   * login carries the new roles.
   */
  setUserAccess(id: string, access: { roles: Role[]; department?: string }): Promise<void>;
  /** enabled=false and every session of the user ended (refresh tokens stop working at once). */
  disableUser(id: string): Promise<void>;
  /** Client-credentials client bound to a tenant and department; returns its internal id and secret. */
  createServiceClient(input: NewServiceClient): Promise<{ id: string; secret: string }>;
  findServiceClient(clientId: string): Promise<{ id: string; ref?: string } | undefined>;
  getServiceClientSecret(id: string): Promise<string>;
  /** Issues a new secret for the client; the old one stops authenticating at once. Returns the new secret. */
  regenerateServiceClientSecret(id: string): Promise<string>;
  /**
   * enabled=false on the client: Keycloak issues it no more tokens (the token endpoint refuses the client).
   * Access tokens already issued stay valid until they expire (the realm's access token lifespan).
   */
  disableServiceClient(id: string): Promise<void>;
}

export interface DirectoryUser {
  id: string;
  username: string;
  enabled: boolean;
  /** Single-valued view of the user's attributes (tenant, department, govhall_ref). */
  attributes: Record<string, string | undefined>;
}

export interface NewDirectoryUser {
  username: string;
  /** Shown as the user's first name in Keycloak. */
  displayName: string;
  attributes: {
    tenant?: string;
    department?: string;
    /** "<kind>:<record id>" of the GovHall record that owns this account, e.g. "staff:3f2…". */
    govhall_ref: string;
  };
  roles: Role[];
  password: string;
  /** true: Keycloak asks for a new password at first login. */
  temporaryPassword: boolean;
}

export interface NewServiceClient {
  clientId: string;
  description: string;
  tenant: string;
  department: string;
  /** "service-account:<record id>". */
  ref: string;
}
