import type { Department } from '../../domain/department';
import { requireTenant, tenantCodeViolations, throwIfInvalid } from '../tenancy.access';
import type { DepartmentRepository, TenantRepository } from '../tenancy.ports';

/** Departments seated in a tenant's center, ordered by code. Public. */
export function listDepartmentsUseCase(deps: { tenants: TenantRepository; departments: DepartmentRepository }) {
  return async (tenant: string): Promise<Department[]> => {
    const code = tenant.trim();
    throwIfInvalid(tenantCodeViolations('tenant', code));
    await requireTenant(deps.tenants, code);
    return deps.departments.listByTenant(code);
  };
}
