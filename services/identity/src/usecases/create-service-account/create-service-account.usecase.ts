import type { Authorizer, Principal } from '@govhall/auth';
import { ConflictError, NotFoundError, PreconditionError, ValidationError } from '@govhall/errors';
import { normalizeText } from '@govhall/identifiers';
import {
  newServiceAccount,
  validateNewServiceAccount,
  type NewServiceAccountInput,
  type ServiceAccount,
} from '../../domain/service-account';
import type { IdentityDirectory } from '../directory.port';
import type { Clock, IdGenerator } from '../ports';
import type { ServiceAccountRepository, TenancyLookup } from '../staff.ports';
import { MANAGE_STAFF } from '../staff.policies';
import { provisionServiceClient } from './provision-service-client';

/**
 * A center administrator registers a department's third-party system: a client-credentials client in Keycloak
 * whose tokens carry the tenant and department — or, with no department, a center account (ADR 0053) whose tokens
 * carry only the tenant. The secret is returned once. A repeat of the same request
 * returns the same account (and its current secret); a repeat after the account was disabled is refused
 * (SERVICE_ACCOUNT_DISABLED).
 */
export function createServiceAccountUseCase(deps: {
  serviceAccounts: ServiceAccountRepository;
  directory: IdentityDirectory;
  tenancy: TenancyLookup;
  authorizer: Authorizer;
  clock: Clock;
  ids: IdGenerator;
  hostedTenants?: readonly string[];
}) {
  return async (
    command: NewServiceAccountInput,
    actor: Principal,
  ): Promise<{ serviceAccount: ServiceAccount; secret: string }> => {
    const violations = validateNewServiceAccount(command);
    if (violations.length > 0) throw new ValidationError(violations);
    deps.authorizer.ensure(actor, 'write', { type: 'service-account', tenant: command.tenant }, MANAGE_STAFF);
    if (deps.hostedTenants?.length && !deps.hostedTenants.includes(command.tenant)) {
      throw new PreconditionError('TENANT_NOT_HOSTED', `本平台未托管行政区划 ${command.tenant}`);
    }
    if (command.department !== '' && !(await deps.tenancy.departmentExists(command.department))) {
      throw new NotFoundError('DEPARTMENT_NOT_FOUND', `部门 ${command.department} 未进驻该中心`);
    }
    let record = newServiceAccount(command, deps.ids.newId(), deps.clock.now());
    if (!(await deps.serviceAccounts.insert(record))) {
      const previous = await deps.serviceAccounts.findByClientId(command.clientId);
      const same =
        previous &&
        previous.tenant === command.tenant &&
        previous.department === command.department &&
        previous.description === normalizeText(command.description);
      if (!previous || !same) throw new ConflictError('CLIENT_ID_TAKEN', `客户端标识 ${command.clientId} 已被占用`);
      // A disabled account stays disabled: a repeat must not re-activate the record (its Keycloak client stays
      // disabled) nor hand out a secret.
      if (previous.status === 'disabled') {
        throw new PreconditionError(
          'SERVICE_ACCOUNT_DISABLED',
          `客户端 ${command.clientId} 已停用，不能重新创建；请为该系统使用新的客户端标识`,
        );
      }
      if (previous.status === 'active' && previous.directoryId) {
        return { serviceAccount: previous, secret: await deps.directory.getServiceClientSecret(previous.directoryId) };
      }
      record = previous;
    }
    return provisionServiceClient(deps, record, actor);
  };
}
