import type { Principal } from '@govhall/auth';
import { actorFromPrincipal, buildEnvelope, toOutboxMessage, type OutboxMessage } from '@govhall/kafka';
import { identityV1, type eventsV1 } from '@govhall/proto';
import type { DepartmentEvent } from '../../domain/department';
import type { TenantEvent } from '../../domain/tenant';
import type { WindowEvent } from '../../domain/window';
import { toProtoDepartment, toProtoTenant, toProtoWindow } from '../grpc/tenancy.mapper';

/** Topic of tenant, department and window changes; key = tenant code. Listed in deploy/kafka/topics.txt. */
export const TENANT_TOPIC = 'govhall.identity.tenant';

export type TenancyEvent = TenantEvent | DepartmentEvent | WindowEvent;

const WINDOW_CODECS = {
  WindowCreated: identityV1.WindowCreated,
  WindowPostsAssigned: identityV1.WindowPostsAssigned,
  WindowUpdated: identityV1.WindowUpdated,
} as const;

function envelopeOf(event: TenancyEvent, actor: Principal): eventsV1.EventEnvelope {
  const by = actorFromPrincipal(actor);
  switch (event.type) {
    case 'TenantCreated':
    case 'ServiceCenterUpdated': {
      const { tenant } = event;
      return buildEnvelope({
        type: `govhall.identity.v1.${event.type}`,
        codec: event.type === 'TenantCreated' ? identityV1.TenantCreated : identityV1.ServiceCenterUpdated,
        payload: { tenant: toProtoTenant(tenant) },
        tenant: tenant.code,
        aggregateId: tenant.code,
        aggregateVersion: tenant.version,
        actor: by,
        occurredAt: tenant.updatedAt,
      });
    }
    case 'DepartmentCreated':
    case 'DepartmentUpdated': {
      const { department } = event;
      return buildEnvelope({
        type: `govhall.identity.v1.${event.type}`,
        codec: event.type === 'DepartmentCreated' ? identityV1.DepartmentCreated : identityV1.DepartmentUpdated,
        payload: { department: toProtoDepartment(department) },
        tenant: department.tenant,
        aggregateId: department.code,
        aggregateVersion: department.version,
        actor: by,
        occurredAt: event.type === 'DepartmentCreated' ? department.createdAt : event.at,
      });
    }
    case 'WindowCreated':
    case 'WindowPostsAssigned':
    case 'WindowUpdated': {
      const { window } = event;
      return buildEnvelope({
        type: `govhall.identity.v1.${event.type}`,
        codec: WINDOW_CODECS[event.type],
        payload: { window: toProtoWindow(window) },
        tenant: window.tenant,
        aggregateId: window.id,
        aggregateVersion: window.version,
        actor: by,
        occurredAt: window.updatedAt,
      });
    }
  }
}

/**
 * Translates domain events into outbox messages carrying the shared envelope. Every message is keyed by the
 * tenant code (not the aggregate id), so a tenant's tenant, department and window changes stay in order on one
 * partition.
 */
export function toOutbox(events: TenancyEvent[], actor: Principal): OutboxMessage[] {
  return events.map((event) => {
    const envelope = envelopeOf(event, actor);
    return { ...toOutboxMessage(TENANT_TOPIC, envelope), key: envelope.tenant };
  });
}
