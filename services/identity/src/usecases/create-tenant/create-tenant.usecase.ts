import type { Authorizer, Principal } from '@govhall/auth';
import { ConflictError } from '@govhall/errors';
import { createTenant, validateNewTenant, type NewTenantInput, type Tenant } from '../../domain/tenant';
import type { Clock } from '../ports';
import { ensureHosted, ensureTenancyWrite, throwIfInvalid } from '../tenancy.access';
import type { TenantRepository } from '../tenancy.ports';

export type CreateTenantCommand = NewTenantInput;

/**
 * Creates a tenant. A child is a write in its PARENT tenant (the parent's center_admin or ops_admin); a root
 * (a city, or a county hosted on its own) needs ops_admin of the root's own code, as the seed runs.
 */
export function createTenantUseCase(deps: {
  tenants: TenantRepository;
  authorizer: Authorizer;
  clock: Clock;
  hostedTenants?: readonly string[];
}) {
  return async (command: CreateTenantCommand, actor: Principal): Promise<Tenant> => {
    const code = command.code.trim();
    const parentCode = command.parentCode?.trim() ?? '';
    // Tenants are public, so finding the parent before the access check reveals nothing.
    const parent = parentCode ? ((await deps.tenants.findByCode(parentCode)) ?? undefined) : undefined;
    throwIfInvalid(validateNewTenant(command, parent));
    if (parentCode) {
      ensureTenancyWrite(deps.authorizer, actor, { type: 'tenant', id: code, tenant: parentCode });
    } else {
      ensureTenancyWrite(deps.authorizer, actor, { type: 'tenant', id: code, tenant: code }, ['ops_admin']);
    }
    ensureHosted(deps.hostedTenants, code);

    const { tenant, events } = createTenant(command, deps.clock.now());
    if (!(await deps.tenants.insert(tenant, events, actor))) {
      throw new ConflictError('TENANT_EXISTS', `行政区划代码为 ${code} 的租户已存在`);
    }
    return tenant;
  };
}
