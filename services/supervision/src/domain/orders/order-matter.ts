import type { Matter } from '../clocks/matter';
import type { SupervisionOrder } from './supervision-order';

/**
 * The supervised matter of a 督办 order (ADR 0044), for computeMatterClock and the signal rules: its limit is the
 * order's deadline in working days, counted from the day after issue (as a case's from the day after acceptance);
 * no pauses; the clock stops at the last reply while it is replied or closed, and runs again (from the day of
 * issue) when the supervisor returns it. The statutory clock repeats the deadline and raises nothing.
 */
export function orderMatter(order: SupervisionOrder): Matter {
  const stopped = order.state === 'replied' || order.state === 'closed';
  const lastReply = order.replies.at(-1);
  return {
    matterId: order.id,
    kind: 'supervision_order',
    tenant: order.tenant,
    caseNumber: order.targetKind === 'case' ? order.targetId : '',
    itemName: order.subject,
    itemBasicCode: '',
    department: order.responsibleDepartment,
    windowId: order.targetKind === 'window' ? order.targetId : '',
    responsible: order.responsiblePerson,
    responsibleRole: order.responsiblePerson ? '' : 'department_head',
    acceptedBy: '',
    applicantName: '',
    status: order.state,
    channel: '',
    receivedDate: order.issuedDate,
    acceptedDate: order.issuedDate,
    decidedDate: '',
    endedDate: stopped && lastReply ? lastReply.date : '',
    promisedLimitWorkingDays: order.deadlineWorkingDays,
    statutoryLimitWorkingDays: order.deadlineWorkingDays,
    extensionWorkingDays: 0,
    pauses: [],
    steps: [],
    imported: false,
    lastEventId: `${order.id}.v${order.version}`,
    lastEventAt: latest([order.issuedAt, lastReply?.at, order.returns.at(-1)?.at, order.closedAt]),
    version: order.version,
  };
}

function latest(instants: (Date | undefined)[]): Date {
  return new Date(Math.max(...instants.filter((d): d is Date => d !== undefined).map((d) => d.getTime())));
}
