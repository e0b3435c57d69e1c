import type { Authorizer, Principal } from '@govhall/auth';
import { ConflictError } from '@govhall/errors';
import {
  createDepartment,
  validateNewDepartment,
  type Department,
  type NewDepartmentInput,
} from '../../domain/department';
import type { Clock } from '../ports';
import { ensureHosted, ensureTenancyWrite, requireTenant, throwIfInvalid } from '../tenancy.access';
import type { DepartmentRepository, TenantRepository } from '../tenancy.ports';

export type CreateDepartmentCommand = NewDepartmentInput;

/** The tenant's center administrator (or ops_admin) seats a department in the center (进驻部门). */
export function createDepartmentUseCase(deps: {
  tenants: TenantRepository;
  departments: DepartmentRepository;
  authorizer: Authorizer;
  clock: Clock;
  hostedTenants?: readonly string[];
}) {
  return async (command: CreateDepartmentCommand, actor: Principal): Promise<Department> => {
    throwIfInvalid(validateNewDepartment(command));
    const tenant = command.tenant.trim();
    ensureTenancyWrite(deps.authorizer, actor, { type: 'department', tenant });
    ensureHosted(deps.hostedTenants, tenant);
    await requireTenant(deps.tenants, tenant);

    const { department, events } = createDepartment(command, deps.clock.now());
    if (!(await deps.departments.insert(department, events, actor))) {
      throw new ConflictError('DEPARTMENT_EXISTS', `部门编码 ${department.code} 已存在，请换一个部门简称`);
    }
    return department;
  };
}
