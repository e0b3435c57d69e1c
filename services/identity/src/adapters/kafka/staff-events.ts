import type { Principal } from '@govhall/auth';
import { maskPhone } from '@govhall/identifiers';
import { actorFromPrincipal, buildEnvelope, toOutboxMessage, type OutboxMessage } from '@govhall/kafka';
import { identityV1 } from '@govhall/proto';
import type { ServiceAccountEvent } from '../../domain/service-account';
import type { Staff, StaffEvent } from '../../domain/staff';
import { toProtoLeave, toProtoServiceAccount, toProtoStaff } from '../grpc/staff.mapper';

/** Topics (deploy/kafka/topics.txt); key = staff id / service account id. */
export const STAFF_TOPIC = 'govhall.identity.staff';
export const SERVICE_ACCOUNT_TOPIC = 'govhall.identity.service-account';

/** Events carry the phone number masked: consumers have no business with it. */
const forEvent = (staff: Staff) => toProtoStaff({ ...staff, phone: maskPhone(staff.phone) });

export function staffOutbox(events: StaffEvent[], actor: Principal): OutboxMessage[] {
  return events.map((event) => {
    const common = {
      tenant: event.staff.tenant,
      aggregateId: event.staff.id,
      aggregateVersion: event.staff.version,
      actor: actorFromPrincipal(actor),
      occurredAt: event.staff.updatedAt,
    };
    switch (event.type) {
      case 'StaffCreated':
        return toOutboxMessage(
          STAFF_TOPIC,
          buildEnvelope({
            type: 'govhall.identity.v1.StaffCreated',
            codec: identityV1.StaffCreated,
            payload: { staff: forEvent(event.staff) },
            ...common,
          }),
        );
      case 'StaffLeaveRecorded':
        return toOutboxMessage(
          STAFF_TOPIC,
          buildEnvelope({
            type: 'govhall.identity.v1.StaffLeaveRecorded',
            codec: identityV1.StaffLeaveRecorded,
            payload: { staff: forEvent(event.staff), leave: toProtoLeave(event.leave) },
            ...common,
          }),
        );
      case 'StaffLeaveEnded':
        return toOutboxMessage(
          STAFF_TOPIC,
          buildEnvelope({
            type: 'govhall.identity.v1.StaffLeaveEnded',
            codec: identityV1.StaffLeaveEnded,
            payload: { staff: forEvent(event.staff), leave: toProtoLeave(event.leave), endedOn: event.endedOn ?? '' },
            ...common,
          }),
        );
      case 'StaffRolesChanged':
        return toOutboxMessage(
          STAFF_TOPIC,
          buildEnvelope({
            type: 'govhall.identity.v1.StaffRolesChanged',
            codec: identityV1.StaffRolesChanged,
            payload: {
              staff: forEvent(event.staff),
              previousRoles: event.previous.roles,
              previousDepartment: event.previous.department ?? '',
            },
            ...common,
          }),
        );
      case 'StaffDisabled':
        return toOutboxMessage(
          STAFF_TOPIC,
          buildEnvelope({
            type: 'govhall.identity.v1.StaffDisabled',
            codec: identityV1.StaffDisabled,
            payload: { staff: forEvent(event.staff) },
            ...common,
          }),
        );
    }
  });
}

const SERVICE_ACCOUNT_CODECS = {
  ServiceAccountCreated: identityV1.ServiceAccountCreated,
  ServiceAccountSecretRotated: identityV1.ServiceAccountSecretRotated,
  ServiceAccountDisabled: identityV1.ServiceAccountDisabled,
} as const;

export function serviceAccountOutbox(events: ServiceAccountEvent[], actor: Principal): OutboxMessage[] {
  return events.map((event) =>
    toOutboxMessage(
      SERVICE_ACCOUNT_TOPIC,
      buildEnvelope({
        type: `govhall.identity.v1.${event.type}`,
        codec: SERVICE_ACCOUNT_CODECS[event.type],
        payload: { serviceAccount: toProtoServiceAccount(event.serviceAccount) },
        tenant: event.serviceAccount.tenant,
        aggregateId: event.serviceAccount.id,
        aggregateVersion: event.serviceAccount.version,
        actor: actorFromPrincipal(actor),
        occurredAt: event.serviceAccount.updatedAt,
      }),
    ),
  );
}
