import type { jointReviewV1 } from '@govhall/proto';
import {
  assignmentBasis,
  decisionOutcome,
  opinionKind,
  reviewState,
  taskKind,
  taskState,
  workSource,
} from './joint-review.enums';
import type { Attachment, JointReview, Task } from './joint-review.schemas';

const iso = (d: Date | undefined) => d?.toISOString();
const text = (s: string) => s || undefined;

export function attachmentToRest(a: jointReviewV1.Attachment): Attachment {
  return {
    id: a.id,
    fileName: a.fileName,
    contentType: a.contentType,
    size: Number(a.size),
    sha256: a.sha256,
    uploadedBy: a.uploadedBy,
    uploadedAt: iso(a.uploadedAt),
  };
}

function opinionToRest(o: jointReviewV1.Opinion): NonNullable<Task['opinion']> {
  return {
    kind: opinionKind.rest(o.kind),
    text: o.text,
    reasons: o.reasons,
    conditions: o.conditions,
    attachments: o.attachments.map(attachmentToRest),
    givenBy: o.givenBy,
    handlerName: text(o.handlerName),
    givenAt: iso(o.givenAt),
    source: workSource.rest(o.source),
    meetingId: text(o.meetingId),
  };
}

export function taskToRest(t: jointReviewV1.Task): Task {
  return {
    id: t.id,
    kind: taskKind.rest(t.kind),
    tenant: t.tenant,
    department: t.department,
    reviewId: t.aggregateId,
    caseId: t.caseId,
    caseNumber: t.caseNumber,
    itemName: t.itemName,
    stage: t.stage,
    required: t.required,
    state: taskState.rest(t.state),
    assignee: text(t.assignee),
    assignmentBasis: t.assignmentBasis ? assignmentBasis.rest(t.assignmentBasis) : undefined,
    budgetWorkingDays: t.budgetWorkingDays,
    dueDate: text(t.dueDate),
    opinion: t.opinion?.kind ? opinionToRest(t.opinion) : undefined,
    openedAt: iso(t.openedAt),
    claimedAt: iso(t.claimedAt),
    closedAt: iso(t.closedAt),
    note: text(t.note),
    version: Number(t.version),
  };
}

export function reviewToRest(r: jointReviewV1.JointReview): JointReview {
  const c = r.conclusion;
  return {
    id: r.id,
    tenant: r.tenant,
    caseId: r.caseId,
    caseNumber: r.caseNumber,
    itemId: r.itemId,
    itemName: r.itemName,
    leadDepartment: r.leadDepartment,
    leadWindowId: r.leadWindowId,
    state: reviewState.rest(r.state),
    currentStage: r.currentStage,
    casePromisedDueDate: r.casePromisedDueDate,
    tasks: r.tasks.map(taskToRest),
    conclusion: c?.outcome
      ? {
          outcome: decisionOutcome.rest(c.outcome),
          reasons: c.reasons,
          conditions: c.conditions,
          attachments: c.attachments.map(attachmentToRest),
          concludedBy: c.concludedBy,
          concludedAt: iso(c.concludedAt),
          reportedAt: iso(c.reportedAt),
        }
      : undefined,
    cancelledReason: text(r.cancelledReason),
    meetingIds: r.meetingIds,
    openedAt: iso(r.openedAt),
    updatedAt: iso(r.updatedAt),
    version: Number(r.version),
  };
}
