import type { Authorizer, Principal } from '@govhall/auth';
import { ConcurrencyError } from '@govhall/errors';
import { updateServiceCenter, validateServiceCenter, type ServiceCenter, type Tenant } from '../../domain/tenant';
import type { Clock } from '../ports';
import {
  ensureHosted,
  ensureTenancyWrite,
  expectedVersionViolations,
  requireTenant,
  tenantCodeViolations,
  throwIfInvalid,
} from '../tenancy.access';
import type { TenantRepository } from '../tenancy.ports';

export interface UpdateServiceCenterCommand {
  code: string;
  center: ServiceCenter | undefined;
  /** The version the caller read. */
  expectedVersion: number;
}

/** The tenant's center administrator (or ops_admin) changes its center's name, address, hours and phones. */
export function updateServiceCenterUseCase(deps: {
  tenants: TenantRepository;
  authorizer: Authorizer;
  clock: Clock;
  hostedTenants?: readonly string[];
}) {
  return async (command: UpdateServiceCenterCommand, actor: Principal): Promise<Tenant> => {
    const code = command.code.trim();
    throwIfInvalid([
      ...tenantCodeViolations('code', code),
      ...validateServiceCenter(command.center),
      ...expectedVersionViolations(command.expectedVersion),
    ]);
    ensureTenancyWrite(deps.authorizer, actor, { type: 'tenant', id: code, tenant: code });
    ensureHosted(deps.hostedTenants, code);
    const current = await requireTenant(deps.tenants, code);
    if (current.version !== command.expectedVersion) throw new ConcurrencyError();

    const { tenant, events } = updateServiceCenter(current, command.center!, deps.clock.now());
    await deps.tenants.updateCenter(tenant, events, command.expectedVersion, actor);
    return tenant;
  };
}
