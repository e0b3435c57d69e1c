import type { Principal } from '@govhall/auth';
import { ConflictError } from '@govhall/errors';
import { activateServiceAccount, type ServiceAccount } from '../../domain/service-account';
import type { IdentityDirectory } from '../directory.port';
import type { Clock } from '../ports';
import type { ServiceAccountRepository } from '../staff.ports';

export const serviceAccountRef = (account: Pick<ServiceAccount, 'id'>) => `service-account:${account.id}`;

/**
 * Makes sure the Keycloak client of a provisioning service account exists (adopting one that carries our
 * reference), then activates the record. A client id already used by anything else is refused and the record
 * removed. Returns the active record and its secret.
 */
export async function provisionServiceClient(
  deps: { serviceAccounts: ServiceAccountRepository; directory: IdentityDirectory; clock: Clock },
  record: ServiceAccount,
  actor: Principal,
): Promise<{ serviceAccount: ServiceAccount; secret: string }> {
  const ref = serviceAccountRef(record);
  const existing = await deps.directory.findServiceClient(record.clientId);
  let client: { id: string; secret: string };
  if (existing) {
    if (existing.ref !== ref) {
      await deps.serviceAccounts.removeProvisioning(record.id, record.version);
      throw new ConflictError('CLIENT_ID_TAKEN', `客户端标识 ${record.clientId} 已被占用`);
    }
    client = { id: existing.id, secret: await deps.directory.getServiceClientSecret(existing.id) };
  } else {
    client = await deps.directory.createServiceClient({
      clientId: record.clientId,
      description: record.description,
      tenant: record.tenant,
      department: record.department,
      ref,
    });
  }
  const { serviceAccount, events } = activateServiceAccount(record, client.id, deps.clock.now());
  await deps.serviceAccounts.update(serviceAccount, record.version, events, actor);
  return { serviceAccount, secret: client.secret };
}
