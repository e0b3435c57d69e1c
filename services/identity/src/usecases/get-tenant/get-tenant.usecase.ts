import type { Tenant } from '../../domain/tenant';
import { requireTenant, tenantCodeViolations, throwIfInvalid } from '../tenancy.access';
import type { TenantRepository } from '../tenancy.ports';

/** Reads one tenant with its service center. Public: anyone may call it. */
export function getTenantUseCase(deps: { tenants: TenantRepository }) {
  return async (code: string): Promise<Tenant> => {
    throwIfInvalid(tenantCodeViolations('code', code.trim()));
    return requireTenant(deps.tenants, code.trim());
  };
}
