import type { Tenant } from '../../domain/tenant';
import { requireTenant, tenantCodeViolations, throwIfInvalid } from '../tenancy.access';
import type { TenantRepository } from '../tenancy.ports';

/** Children of a tenant, or the roots when no parent is given, ordered by code. Public. */
export function listTenantsUseCase(deps: { tenants: TenantRepository }) {
  return async (parentCode: string): Promise<Tenant[]> => {
    const parent = parentCode.trim();
    if (parent === '') return deps.tenants.listChildren(undefined);
    throwIfInvalid(tenantCodeViolations('parentCode', parent));
    await requireTenant(deps.tenants, parent);
    return deps.tenants.listChildren(parent);
  };
}
