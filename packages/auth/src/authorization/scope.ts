import { isRegionDescendant } from '@govhall/identifiers';
import { ROLE_NAMES as LABELLED_ROLES } from '@govhall/labels';
import type { Principal, Role } from '../principal';

/** Roles limited to their own department when the resource belongs to one (policy default). */
export const DEPARTMENT_SCOPED_ROLES: readonly Role[] = ['window_clerk', 'reviewer', 'approver', 'department_head'];

/** Roles that also READ strict descendant tenants (vertical supervision). */
export const SUPERVISING_ROLES: readonly Role[] = ['supervisor', 'center_admin'];

/** Chinese role names, for messages people read (@govhall/labels: one wording everywhere). */
export const ROLE_NAMES: Readonly<Record<Role, string>> = LABELLED_ROLES;

export type TenantScope = 'OWN_TENANT' | 'DESCENDANT_TENANT' | undefined;

/**
 * How a principal reaches a tenant with the roles it matched: its own tenant (read and write), a strict
 * descendant (read only, supervising roles only), or not at all. An empty tenant never matches.
 */
export function tenantScope(
  principal: Principal,
  matchedRoles: readonly Role[],
  access: 'read' | 'write',
  tenant: string,
): TenantScope {
  if (principal.tenant === '' || tenant === '') return undefined;
  if (principal.tenant === tenant) return 'OWN_TENANT';
  const supervises = matchedRoles.some((r) => SUPERVISING_ROLES.includes(r));
  if (access === 'read' && supervises && isRegionDescendant(principal.tenant, tenant)) return 'DESCENDANT_TENANT';
  return undefined;
}

/**
 * Whether the principal may reach a resource of `department`: always when the resource has none; otherwise
 * only its own department when every matched role is department-scoped, or when it is a service account
 * bound to a department.
 */
export function departmentInScope(
  principal: Principal,
  matchedRoles: readonly Role[],
  departmentScoped: readonly Role[],
  department: string | undefined,
): boolean {
  if (!department) return true;
  const bound =
    (principal.kind === 'service' && !!principal.department) || matchedRoles.every((r) => departmentScoped.includes(r));
  return !bound || principal.department === department;
}
