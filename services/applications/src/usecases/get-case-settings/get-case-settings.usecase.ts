import { STAFF_ROLES, type AccessPolicy, type Principal } from '@govhall/auth';
import type { Violation } from '@govhall/errors';
import type { CaseSettings } from '../../domain/case-settings';
import { throwIfInvalid } from '../case.policies';
import type { DeclarationDeps } from '../declaration.ports';

const REGION_CODE = /^\d{6}(\d{3}(\d{3})?)?$/;

export function tenantViolations(tenant: string, path = 'tenant'): Violation[] {
  return REGION_CODE.test(tenant) ? [] : [{ path, reason: 'PATTERN', message: '租户应为6、9或12位行政区划代码' }];
}

/** Readable by the tenant's staff (supervisors and center admins also of descendant tenants). */
export const READ_SETTINGS: AccessPolicy = { roles: STAFF_ROLES, departmentScoped: [] };

/** The tenant's case settings, or the defaults while none are stored (version 0). */
export function getCaseSettingsUseCase(deps: Pick<DeclarationDeps, 'settings' | 'authorizer'>) {
  return async (tenant: string, actor: Principal): Promise<CaseSettings> => {
    throwIfInvalid(tenantViolations(tenant));
    deps.authorizer.ensure(actor, 'read', { type: 'case_settings', tenant }, READ_SETTINGS);
    return deps.settings.get(tenant);
  };
}
