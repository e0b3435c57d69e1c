import type { Principal, Role } from '../principal';
import { DEPARTMENT_SCOPED_ROLES, ROLE_NAMES, departmentInScope, tenantScope } from './scope';

export type Access = 'read' | 'write';

/** What is being reached: its tenant always, its department and owner when it has them. */
export interface ResourceRef {
  type: string;
  id?: string;
  tenant: string;
  department?: string;
  /** Subject of the person the resource belongs to (e.g. the applicant of a case). */
  ownerSubject?: string;
}

/** Who may reach a kind of resource. */
export interface AccessPolicy {
  /** Roles that may act (within tenant and department scope). */
  roles: readonly Role[];
  /** Roles limited to their own department; default window_clerk, reviewer, approver, department_head. */
  departmentScoped?: readonly Role[];
  /** The resource's owner may reach it whatever the roles. */
  owner?: boolean;
}

export type Decision =
  | { allowed: true; basis: 'OWNER' | 'OWN_TENANT' | 'DESCENDANT_TENANT' }
  | {
      allowed: false;
      reason: 'ROLE_REQUIRED' | 'TENANT_OUT_OF_SCOPE' | 'DEPARTMENT_OUT_OF_SCOPE' | 'NOT_OWNER';
      message: string;
    };

function deny(reason: Extract<Decision, { allowed: false }>['reason'], message: string): Decision {
  return { allowed: false, reason, message };
}

function isOnlyApplicant(principal: Principal): boolean {
  return principal.roles.length > 0 && principal.roles.every((r) => r === 'applicant');
}

/**
 * The authorization model, free of I/O: owner access, then role, tenant (own tenant; supervisors and center
 * admins also read strict descendants, nobody reaches a sibling) and department scope.
 */
export function decide(principal: Principal, access: Access, resource: ResourceRef, policy: AccessPolicy): Decision {
  if (
    policy.owner &&
    resource.ownerSubject &&
    principal.subject !== '' &&
    principal.subject === resource.ownerSubject
  ) {
    return { allowed: true, basis: 'OWNER' };
  }

  const matched = policy.roles.filter((r) => principal.roles.includes(r));
  if (matched.length === 0) {
    if (policy.owner && isOnlyApplicant(principal)) return deny('NOT_OWNER', '只能访问本人的数据');
    const names = policy.roles.map((r) => ROLE_NAMES[r]).join('、');
    return deny(
      'ROLE_REQUIRED',
      names ? `您没有执行此操作的权限（需要以下角色之一：${names}）` : '您没有执行此操作的权限',
    );
  }

  const scope = tenantScope(principal, matched, access, resource.tenant);
  if (!scope) {
    if (principal.tenant === '') return deny('TENANT_OUT_OF_SCOPE', '您的账号未分配所属地区，无权访问该数据');
    const verb = access === 'write' ? '修改' : '访问';
    return deny('TENANT_OUT_OF_SCOPE', `无权${verb}其他地区（${resource.tenant || '未知地区'}）的数据`);
  }

  const departmentScoped = policy.departmentScoped ?? DEPARTMENT_SCOPED_ROLES;
  if (!departmentInScope(principal, matched, departmentScoped, resource.department)) {
    const verb = access === 'write' ? '修改' : '访问';
    return deny('DEPARTMENT_OUT_OF_SCOPE', `无权${verb}其他部门（${resource.department}）的数据`);
  }

  return { allowed: true, basis: scope };
}
