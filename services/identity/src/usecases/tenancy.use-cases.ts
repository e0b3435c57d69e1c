import { assignWindowPostsUseCase } from './assign-window-posts/assign-window-posts.usecase';
import { createDepartmentUseCase } from './create-department/create-department.usecase';
import { createTenantUseCase } from './create-tenant/create-tenant.usecase';
import { createWindowUseCase } from './create-window/create-window.usecase';
import { getTenantUseCase } from './get-tenant/get-tenant.usecase';
import { getWindowResponsibleUseCase } from './get-window-responsible/get-window-responsible.usecase';
import { listDepartmentsUseCase } from './list-departments/list-departments.usecase';
import { listTenantsUseCase } from './list-tenants/list-tenants.usecase';
import { listWindowsUseCase } from './list-windows/list-windows.usecase';
import type { TenancyDeps } from './tenancy.ports';
import { updateDepartmentUseCase } from './update-department/update-department.usecase';
import { updateServiceCenterUseCase } from './update-service-center/update-service-center.usecase';
import { updateWindowUseCase } from './update-window/update-window.usecase';

/** Every tenancy use case, built over the same repositories. */
export function createTenancyUseCases(deps: TenancyDeps) {
  return {
    createTenant: createTenantUseCase(deps),
    getTenant: getTenantUseCase(deps),
    listTenants: listTenantsUseCase(deps),
    updateServiceCenter: updateServiceCenterUseCase(deps),
    createDepartment: createDepartmentUseCase(deps),
    updateDepartment: updateDepartmentUseCase(deps),
    listDepartments: listDepartmentsUseCase(deps),
    createWindow: createWindowUseCase(deps),
    updateWindow: updateWindowUseCase(deps),
    assignWindowPosts: assignWindowPostsUseCase(deps),
    listWindows: listWindowsUseCase(deps),
    getWindowResponsible: getWindowResponsibleUseCase(deps),
  };
}

export type TenancyUseCases = ReturnType<typeof createTenancyUseCases>;
