import type { Authorizer, Principal } from '@govhall/auth';
import { ConcurrencyError, NotFoundError } from '@govhall/errors';
import { departmentNameViolations, renameDepartment, type Department } from '../../domain/department';
import type { Clock } from '../ports';
import { ensureHosted, ensureTenancyWrite, expectedVersionViolations, throwIfInvalid } from '../tenancy.access';
import type { DepartmentRepository } from '../tenancy.ports';

export interface UpdateDepartmentCommand {
  code: string;
  name: string;
  /** The version the caller read. */
  expectedVersion: number;
}

/** The tenant's center administrator (or ops_admin) renames a seated department; its code never changes. */
export function updateDepartmentUseCase(deps: {
  departments: DepartmentRepository;
  authorizer: Authorizer;
  clock: Clock;
  hostedTenants?: readonly string[];
}) {
  return async (command: UpdateDepartmentCommand, actor: Principal): Promise<Department> => {
    throwIfInvalid([...departmentNameViolations(command.name), ...expectedVersionViolations(command.expectedVersion)]);
    const current = await deps.departments.findByCode(command.code.trim());
    if (!current) throw new NotFoundError('DEPARTMENT_NOT_FOUND', `未找到部门 ${command.code.trim()}`);
    ensureTenancyWrite(deps.authorizer, actor, { type: 'department', id: current.code, tenant: current.tenant });
    ensureHosted(deps.hostedTenants, current.tenant);
    if (current.version !== command.expectedVersion) throw new ConcurrencyError();

    const { department, events } = renameDepartment(current, command.name, deps.clock.now());
    await deps.departments.update(department, events, command.expectedVersion, actor);
    return department;
  };
}
