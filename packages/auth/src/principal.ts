/** Roles a member of staff can hold: every realm role but applicant and service. */
export const STAFF_ROLES = [
  'window_clerk',
  'reviewer',
  'approver',
  'department_head',
  'center_admin',
  'supervisor',
  'complaint_handler',
  'finance_reconciler',
  'ops_admin',
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/**
 * Roles of devices, not people: `hall_screen` is a hall's big screen (大屏), an account per hall that reads its own
 * hall's figures, the masked list of open cases and the live feed as a kiosk may see them (ADR 0049);
 * `rating_device` is a window's rating device (评价器), an account per window (its token's `window` claim) that shows
 * the window's open rating invitation and submits the visitor's rating (ADR 0063). Not staff roles: identity neither
 * creates nor lists these accounts.
 */
export const DEVICE_ROLES = ['hall_screen', 'rating_device'] as const;
export type DeviceRole = (typeof DEVICE_ROLES)[number];

/** Realm roles GovHall knows (deploy/keycloak/govhall-realm.json defines them). */
export const ROLES = ['applicant', ...STAFF_ROLES, ...DEVICE_ROLES, 'service'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, as established from a verified token. */
export interface Principal {
  kind: 'user' | 'service';
  subject: string;
  username: string;
  /** Region code of the caller's tenant ('' when the token carries none). */
  tenant: string;
  roles: Role[];
  department?: string;
  /** Legal person an agent (经办人) acts for. */
  onBehalfOf?: string;
  /** OAuth client the token was issued to (azp). */
  clientId: string;
  /** A rating device's window: the number the hall shows (claim `window`, ADR 0063). */
  window?: string;
}

export function hasAnyRole(principal: Principal, roles: readonly Role[]): boolean {
  return roles.some((r) => principal.roles.includes(r));
}

/** Staff and service accounts act only in their own tenant (finer scope rules come with identity). */
export function actsInTenant(principal: Principal, tenant: string): boolean {
  return principal.tenant !== '' && principal.tenant === tenant;
}

/**
 * Which OAuth clients (the token's `azp`) are a channel for which people. A token issued to a citizen client carries
 * at most the applicant role, one issued to a staff client at most staff roles, whatever roles the login holds: a
 * citizen-portal token is never accepted where a staff role is needed. Other clients (service accounts, test
 * clients) keep their roles.
 */
export interface ClientChannels {
  citizenClients: readonly string[];
  staffClients: readonly string[];
}

/** The realm's clients (deploy/keycloak/govhall-realm.json): the citizen portal and the staff workbench. */
export const DEFAULT_CLIENT_CHANNELS: ClientChannels = {
  citizenClients: ['govhall-portal'],
  staffClients: ['govhall-workbench'],
};

/** The roles a token of this client may exercise (see ClientChannels). */
export function rolesForClient(roles: readonly Role[], clientId: string, channels = DEFAULT_CLIENT_CHANNELS): Role[] {
  if (channels.citizenClients.includes(clientId)) return roles.filter((r) => r === 'applicant');
  if (channels.staffClients.includes(clientId)) {
    return roles.filter(
      (r) => (STAFF_ROLES as readonly string[]).includes(r) || (DEVICE_ROLES as readonly string[]).includes(r),
    );
  }
  return [...roles];
}

export function principalFromClaims(
  claims: Record<string, unknown>,
  channels: ClientChannels = DEFAULT_CLIENT_CHANNELS,
): Principal {
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const rawRoles = Array.isArray(claims.roles) ? claims.roles : [];
  const known = rawRoles.filter((r): r is Role => typeof r === 'string' && (ROLES as readonly string[]).includes(r));
  const roles = rolesForClient(known, str(claims.azp) ?? '', channels);
  const username = str(claims.preferred_username) ?? '';
  const isService = username.startsWith('service-account-');
  return {
    kind: isService ? 'service' : 'user',
    subject: str(claims.sub) ?? '',
    username,
    tenant: str(claims.tenant) ?? '',
    roles,
    department: str(claims.department),
    onBehalfOf: str(claims.on_behalf_of),
    clientId: str(claims.azp) ?? '',
    ...(str(claims.window) ? { window: str(claims.window) } : {}),
  };
}
