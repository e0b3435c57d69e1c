import type { Window } from '../../domain/window';
import { requireTenant, tenantCodeViolations, throwIfInvalid } from '../tenancy.access';
import type { TenantRepository, WindowRepository } from '../tenancy.ports';

/** Windows of a tenant's hall, ordered by number. Public. */
export function listWindowsUseCase(deps: { tenants: TenantRepository; windows: WindowRepository }) {
  return async (tenant: string): Promise<Window[]> => {
    const code = tenant.trim();
    throwIfInvalid(tenantCodeViolations('tenant', code));
    await requireTenant(deps.tenants, code);
    return deps.windows.listByTenant(code);
  };
}
