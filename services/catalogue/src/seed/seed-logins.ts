/**
 * Who publishes the seed catalogue: in each tenant a center administrator drafts, fills in and submits every
 * item, and a different person with the reviewer role of the tenant approves it (four-eyes review). By default
 * these are the logins identity's seed creates (password Demo@2026): `<prefix>-admin` (center_admin) and
 * `<prefix>-reviewer` (reviewer, in `<tenant>-SCJG`). Tests that run on fresh databases name their own.
 */

/**
 * Username prefixes of identity's seeded staff, a copy of STAFF_USERNAME_PREFIXES in
 * services/identity/src/seed/tenancy.seed.ts (services share no code).
 */
export const STAFF_USERNAME_PREFIXES: Readonly<Record<string, string>> = {
  '620300': 'jcs',
  '620302': 'jcq',
  '620321': 'ycx',
  '620100': 'lzs',
  '620102': 'cgq',
  '620123': 'yzx',
};

export interface TenantLogins {
  /** center_admin of the tenant: drafts, fills in and submits. */
  admin: string;
  /** reviewer (or another center_admin) of the tenant: approves. */
  reviewer: string;
}

/** Per-tenant overrides of the default logins: tenant code → username. */
export interface LoginOverrides {
  admin: Record<string, string>;
  reviewer: Record<string, string>;
}

/** The logins acting for `tenant`: the overrides, else identity's seeded `<prefix>-admin` / `<prefix>-reviewer`. */
export function seedLogins(overrides: LoginOverrides = { admin: {}, reviewer: {} }): (tenant: string) => TenantLogins {
  return (tenant) => {
    const prefix = STAFF_USERNAME_PREFIXES[tenant];
    const admin = overrides.admin[tenant] ?? (prefix && `${prefix}-admin`);
    const reviewer = overrides.reviewer[tenant] ?? (prefix && `${prefix}-reviewer`);
    if (!admin || !reviewer) throw new Error(`no seed logins for tenant ${tenant}: pass --admin and --reviewer`);
    return { admin, reviewer };
  };
}

/** `--admin <tenant>=<username>` and `--reviewer <tenant>=<username>`, each repeatable. */
export function parseLoginArgs(args: readonly string[]): LoginOverrides {
  const overrides: LoginOverrides = { admin: {}, reviewer: {} };
  for (let i = 0; i < args.length; i += 2) {
    const flag = args[i];
    const value = args[i + 1] ?? '';
    const match = /^(\d{6}(?:\d{3}){0,2})=(\S+)$/.exec(value);
    if ((flag !== '--admin' && flag !== '--reviewer') || !match) {
      throw new Error(
        `unexpected argument "${flag ?? ''} ${value}": use --admin <tenant>=<username> or --reviewer <tenant>=<username>`,
      );
    }
    overrides[flag === '--admin' ? 'admin' : 'reviewer'][match[1]!] = match[2]!;
  }
  return overrides;
}
