import type { Principal } from '@govhall/auth';

/** The service itself acting at a hosted parent for a lower tenant of the same deployment (ADR 0052). */
export function hostedTransferPrincipal(targetTenant: string): Principal {
  return {
    kind: 'service',
    subject: 'joint-review',
    username: 'system',
    tenant: targetTenant,
    roles: ['service'],
    clientId: 'joint-review',
  };
}
