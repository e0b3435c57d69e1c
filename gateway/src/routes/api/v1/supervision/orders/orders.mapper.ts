import type { supervisionV1 } from '@govhall/proto';
import { opt } from '../supervision.mapper';
import { orderState, orderTargetKind } from './orders.enums';
import type { OrderView } from './orders.schemas';

export function orderToRest(o: supervisionV1.SupervisionOrder): OrderView {
  return {
    id: o.id,
    tenant: o.tenant,
    targetKind: orderTargetKind.rest(o.targetKind),
    targetId: o.targetId,
    subject: o.subject,
    requirement: o.requirement,
    deadlineWorkingDays: o.deadlineWorkingDays,
    responsibleDepartment: o.responsibleDepartment,
    responsiblePerson: opt(o.responsiblePerson),
    state: orderState.rest(o.state),
    issuedBy: o.issuedBy,
    issuedAt: o.issuedAt!.toISOString(),
    issuedDate: o.issuedDate,
    replies: o.replies.map((r) => ({ text: r.text, by: r.by, at: r.at!.toISOString(), date: r.date })),
    returns: o.returns.map((r) => ({ reason: r.reason, by: r.by, at: r.at!.toISOString() })),
    closedBy: opt(o.closedBy),
    closedAt: o.closedAt?.toISOString(),
    closingNote: opt(o.closingNote),
    version: o.version,
  };
}
