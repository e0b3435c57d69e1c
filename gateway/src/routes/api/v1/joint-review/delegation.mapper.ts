import type { jointReviewV1 } from '@govhall/proto';
import type { Agreement, DelegatedCase } from './delegation.schemas';
import {
  agreementState,
  decisionOutcome,
  delegatedCaseState,
  legEnd,
  legKind,
  legState,
  taskState,
} from './joint-review.enums';

const iso = (d: Date | undefined) => d?.toISOString();
const text = (s: string) => s || undefined;

export function agreementToRest(a: jointReviewV1.EntrustmentAgreement): Agreement {
  return {
    id: a.id,
    tenant: a.tenant,
    department: a.department,
    agreementNumber: a.agreementNumber,
    items: a.items.map((i) => ({ itemSeriesId: i.itemSeriesId, itemName: i.itemName, itemBasicCode: i.itemBasicCode })),
    windowIds: a.windowIds,
    transferWorkingDays: a.transferWorkingDays,
    replyWorkingDays: a.replyWorkingDays,
    signedOn: a.signedOn,
    validFrom: a.validFrom,
    validUntil: text(a.validUntil),
    state: agreementState.rest(a.state),
    terminatedReason: text(a.terminatedReason),
    terminatedOn: text(a.terminatedOn),
    createdBy: a.createdBy,
    createdAt: iso(a.createdAt),
    updatedAt: iso(a.updatedAt),
    version: Number(a.version),
  };
}

export function delegatedCaseToRest(dc: jointReviewV1.DelegatedCase): DelegatedCase {
  const t = dc.task;
  const d = dc.decision;
  return {
    id: dc.id,
    tenant: dc.tenant,
    caseId: dc.caseId,
    caseNumber: dc.caseNumber,
    itemName: dc.itemName,
    itemBasicCode: dc.itemBasicCode,
    department: dc.department,
    agreementId: dc.agreementId,
    windowId: dc.windowId,
    state: delegatedCaseState.rest(dc.state),
    preReviewOpinion: text(dc.preReviewOpinion),
    transferredBy: text(dc.transferredBy),
    transferredAt: iso(dc.transferredAt),
    task: t?.id
      ? {
          id: t.id,
          state: taskState.rest(t.state),
          assignee: text(t.assignee),
          dueDate: text(t.dueDate),
          version: Number(t.version),
        }
      : undefined,
    decision: d?.outcome
      ? {
          outcome: decisionOutcome.rest(d.outcome),
          reasons: d.reasons,
          decidedBy: d.decidedBy,
          decidedAt: iso(d.decidedAt),
        }
      : undefined,
    repliedAt: iso(dc.repliedAt),
    legs: dc.legs.map((l) => ({
      id: l.id,
      kind: legKind.rest(l.kind),
      state: legState.rest(l.state),
      end: l.end ? legEnd.rest(l.end) : undefined,
      responsible: text(l.responsible),
      budgetWorkingDays: l.budgetWorkingDays,
      startDate: l.startDate,
      dueDate: l.dueDate,
      startedAt: iso(l.startedAt),
      finishedAt: iso(l.finishedAt),
    })),
    cancelledReason: text(dc.cancelledReason),
    acceptedAt: iso(dc.acceptedAt),
    updatedAt: iso(dc.updatedAt),
    version: Number(dc.version),
  };
}
