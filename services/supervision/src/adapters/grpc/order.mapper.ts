import { enumSpelling, supervisionV1 } from '@govhall/proto';
import { enumCodec } from './enum-codec';
import type { OrderState, OrderTargetKind, SupervisionOrder } from '../../domain/orders/supervision-order';

const pb = supervisionV1;

export const orderState = enumCodec<OrderState, supervisionV1.OrderState>(enumSpelling(pb.OrderState, 'ORDER_STATE_'));
export const orderTargetKind = enumCodec<OrderTargetKind, supervisionV1.OrderTargetKind>(
  enumSpelling(pb.OrderTargetKind, 'ORDER_TARGET_KIND_'),
);

export function toProtoOrder(o: SupervisionOrder): supervisionV1.SupervisionOrder {
  return {
    id: o.id,
    tenant: o.tenant,
    targetKind: orderTargetKind.toProto(o.targetKind),
    targetId: o.targetId,
    subject: o.subject,
    requirement: o.requirement,
    deadlineWorkingDays: o.deadlineWorkingDays,
    responsibleDepartment: o.responsibleDepartment,
    responsiblePerson: o.responsiblePerson,
    state: orderState.toProto(o.state),
    issuedBy: o.issuedBy,
    issuedAt: o.issuedAt,
    issuedDate: o.issuedDate,
    replies: o.replies.map((r) => ({ ...r })),
    returns: o.returns.map((r) => ({ ...r })),
    closedBy: o.closedBy,
    closedAt: o.closedAt,
    closingNote: o.closingNote,
    version: o.version,
  };
}
