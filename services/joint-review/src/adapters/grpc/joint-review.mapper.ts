import { applicationsV1, enumCodec, enumSpelling, jointReviewV1 } from '@govhall/proto';
import type { ApplicantBase } from '../../domain/cases/shared-case';
import type { Leg, LegEnd, LegKind, LegPause, LegState, PauseReason } from '../../domain/legs/leg';
import type { TaskDossier } from '../../domain/reviews/shared-view';
import type { TaskChangeKind } from '../../domain/tasks/task-change';
import type { JointReview, JointReviewState, LeadRule, ReviewConclusion } from '../../domain/reviews/joint-review';
import type {
  AssignmentBasis,
  Attachment,
  DecisionOutcome,
  Opinion,
  OpinionKind,
  Task,
  TaskDecision,
  TaskKind,
  TaskState,
  WorkSource,
} from '../../domain/tasks/task';

const pb = jointReviewV1;

export const leadRule = enumCodec<LeadRule, jointReviewV1.LeadRule>(enumSpelling(pb.LeadRule, 'LEAD_RULE_'));
export const jointReviewState = enumCodec<JointReviewState, jointReviewV1.JointReviewState>(
  enumSpelling(pb.JointReviewState, 'JOINT_REVIEW_STATE_'),
);
export const taskKind = enumCodec<TaskKind, jointReviewV1.TaskKind>(enumSpelling(pb.TaskKind, 'TASK_KIND_'));
export const taskState = enumCodec<TaskState, jointReviewV1.TaskState>(enumSpelling(pb.TaskState, 'TASK_STATE_'));
export const assignmentBasis = enumCodec<AssignmentBasis, jointReviewV1.AssignmentBasis>(
  enumSpelling(pb.AssignmentBasis, 'ASSIGNMENT_BASIS_'),
);
export const opinionKind = enumCodec<OpinionKind, jointReviewV1.OpinionKind>(
  enumSpelling(pb.OpinionKind, 'OPINION_KIND_'),
);
export const workSource = enumCodec<WorkSource, jointReviewV1.WorkSource>(enumSpelling(pb.WorkSource, 'WORK_SOURCE_'));
export const decisionOutcome = enumCodec<DecisionOutcome, jointReviewV1.DecisionOutcome>(
  enumSpelling(pb.DecisionOutcome, 'DECISION_OUTCOME_'),
);

/** A decision's fields as DecideEscalation and SubmitDecision carry them. */
export function fromProtoDecisionFields(req: {
  outcome: jointReviewV1.DecisionOutcome;
  reasons: string[];
  remedies: string[];
  documentNumber: string;
  attachmentIds: string[];
}) {
  return {
    outcome: decisionOutcome.fromProto(req.outcome) || undefined,
    reasons: req.reasons,
    remedies: req.remedies,
    documentNumber: req.documentNumber,
    attachmentIds: req.attachmentIds,
  };
}
export const legKind = enumCodec<LegKind, jointReviewV1.LegKind>(enumSpelling(pb.LegKind, 'LEG_KIND_'));
export const legState = enumCodec<LegState, jointReviewV1.LegState>(enumSpelling(pb.LegState, 'LEG_STATE_'));
export const legEnd = enumCodec<LegEnd, jointReviewV1.LegEnd>(enumSpelling(pb.LegEnd, 'LEG_END_'));
export const pauseReason = enumCodec<PauseReason, jointReviewV1.PauseReason>(
  enumSpelling(pb.PauseReason, 'PAUSE_REASON_'),
);

export function toProtoAttachment(a: Attachment): jointReviewV1.Attachment {
  return {
    id: a.id,
    fileName: a.fileName,
    contentType: a.contentType,
    size: a.size,
    sha256: a.sha256,
    uploadedBy: a.uploadedBy,
    uploadedAt: a.uploadedAt,
  };
}

export function toProtoOpinion(o: Opinion): jointReviewV1.Opinion {
  return {
    kind: opinionKind.toProto(o.kind),
    text: o.text,
    reasons: [...o.reasons],
    conditions: [...o.conditions],
    attachments: o.attachments.map(toProtoAttachment),
    givenBy: o.givenBy,
    handlerName: o.handlerName,
    givenAt: o.givenAt,
    source: workSource.toProto(o.source),
    meetingId: o.meetingId,
  };
}

export function toProtoDecision(d: TaskDecision): jointReviewV1.TaskDecision {
  return {
    outcome: decisionOutcome.toProto(d.outcome),
    reasons: [...d.reasons],
    remedies: [...d.remedies],
    documentNumber: d.documentNumber,
    attachments: d.attachments.map(toProtoAttachment),
    decidedBy: d.decidedBy,
    handlerName: d.handlerName,
    decidedAt: d.decidedAt,
    source: workSource.toProto(d.source),
  };
}

export function toProtoTask(t: Task): jointReviewV1.Task {
  return {
    id: t.id,
    kind: taskKind.toProto(t.kind),
    tenant: t.tenant,
    department: t.department,
    aggregateId: t.aggregateId,
    caseId: t.caseId,
    caseNumber: t.caseNumber,
    itemName: t.itemName,
    stage: t.stage,
    required: t.required,
    state: taskState.toProto(t.state),
    assignee: t.assignee,
    assignmentBasis: assignmentBasis.toProto(t.assignmentBasis),
    budgetWorkingDays: t.budgetWorkingDays,
    dueDate: t.dueDate,
    legId: t.legId,
    opinion: t.opinion ? toProtoOpinion(t.opinion) : undefined,
    // Decisions belong to the delegated and escalated tasks (a review's co-review tasks have none).
    decision: t.decision ? toProtoDecision(t.decision) : undefined,
    openedAt: t.openedAt,
    claimedAt: t.claimedAt,
    closedAt: t.closedAt,
    note: t.note,
    version: t.version,
  };
}

function toProtoPause(p: LegPause): jointReviewV1.LegPause {
  return {
    reason: pauseReason.toProto(p.reason),
    procedure: p.procedure,
    note: p.note,
    plannedWorkingDays: p.plannedWorkingDays,
    startedAt: p.startedAt,
    endedAt: p.endedAt,
    pausedWorkingDays: p.pausedWorkingDays,
  };
}

export function toProtoLeg(l: Leg): jointReviewV1.Leg {
  return {
    id: l.id,
    kind: legKind.toProto(l.kind),
    tenant: l.tenant,
    department: l.department,
    windowId: l.windowId,
    caseId: l.caseId,
    caseNumber: l.caseNumber,
    itemName: l.itemName,
    itemBasicCode: l.itemBasicCode,
    aggregateId: l.aggregateId,
    taskId: l.taskId,
    responsible: l.responsible,
    budgetWorkingDays: l.budgetWorkingDays,
    startDate: l.startDate,
    dueDate: l.dueDate,
    state: legState.toProto(l.state),
    startedAt: l.startedAt,
    startedBy: l.startedBy,
    finishedAt: l.finishedAt,
    finishedBy: l.finishedBy ?? '',
    end: legEnd.toProto(l.end),
    pauses: l.pauses.map(toProtoPause),
    casePromisedDueDate: l.casePromisedDueDate,
    counterpartTenant: l.counterpartTenant,
  };
}

export function toProtoConclusion(c: ReviewConclusion): jointReviewV1.ReviewConclusion {
  return {
    outcome: decisionOutcome.toProto(c.outcome),
    reasons: [...c.reasons],
    conditions: [...c.conditions],
    attachments: c.attachments.map(toProtoAttachment),
    concludedBy: c.concludedBy,
    concludedAt: c.concludedAt,
    reportedAt: c.reportedAt,
  };
}

export function toProtoJointReview(r: JointReview): jointReviewV1.JointReview {
  return {
    id: r.id,
    tenant: r.tenant,
    caseId: r.caseId,
    caseNumber: r.caseNumber,
    itemId: r.itemId,
    itemSeriesId: r.itemSeriesId,
    itemName: r.itemName,
    itemBasicCode: r.itemBasicCode,
    leadDepartment: r.leadDepartment,
    leadWindowId: r.leadWindowId,
    leadRule: leadRule.toProto(r.leadRule),
    state: jointReviewState.toProto(r.state),
    tasks: r.tasks.map(toProtoTask),
    currentStage: r.currentStage,
    casePromisedDueDate: r.casePromisedDueDate,
    caseStatutoryDueDate: r.caseStatutoryDueDate,
    conclusion: r.conclusion ? toProtoConclusion(r.conclusion) : undefined,
    meetingIds: [...r.meetingIds],
    projectId: r.projectId,
    cancelledReason: r.cancelledReason,
    openedBy: r.openedBy,
    openedAt: r.openedAt,
    updatedAt: r.updatedAt,
    version: r.version,
    legs: r.legs.map(toProtoLeg),
  };
}

/** The applicant's kind (applications.v1.ApplicantKind ⇄ natural_person …). */
export const applicantKind = enumCodec<ApplicantBase['kind'], applicationsV1.ApplicantKind>(
  enumSpelling(applicationsV1.ApplicantKind, 'APPLICANT_KIND_'),
);

/** The applicant's base data (unmasked: the participants review the case; never logged). */
export function toProtoApplicant(a: ApplicantBase): jointReviewV1.ApplicantBase {
  return { ...a, kind: applicantKind.toProto(a.kind || undefined) };
}

/** What a viewer sees of a joint case (GetSharedView, PullTasks' dossiers). */
export function toProtoDossier(d: TaskDossier): jointReviewV1.Dossier {
  return {
    caseId: d.caseId,
    caseNumber: d.caseNumber,
    itemName: d.itemName,
    applicant: d.applicant ? toProtoApplicant(d.applicant) : undefined,
    materials: d.materials.map((m) => ({ ...m, files: m.files.map((f) => ({ ...f })) })),
    formData: d.formData,
    formParts: d.formParts.map((p) => ({ ...p })),
    results: d.results.map(toProtoTask),
    casePromisedDueDate: d.casePromisedDueDate,
    acceptedAt: d.acceptedAt,
  };
}

export const taskChange = enumCodec<TaskChangeKind, jointReviewV1.TaskChange>(
  enumSpelling(pb.TaskChange, 'TASK_CHANGE_'),
);

function fromProtoAttachment(a: jointReviewV1.Attachment): Attachment {
  return { ...a, size: Number(a.size), uploadedAt: a.uploadedAt ?? new Date(0) };
}

function fromProtoOpinion(o: jointReviewV1.Opinion): Opinion {
  return {
    ...o,
    kind: opinionKind.fromProto(o.kind),
    reasons: [...o.reasons],
    conditions: [...o.conditions],
    attachments: o.attachments.map(fromProtoAttachment),
    givenAt: o.givenAt ?? new Date(0),
    source: workSource.fromProto(o.source),
  };
}

/** A task as an event carried it, back in the domain's terms (the change log keeps the tasks of the events). */
export function fromProtoTask(t: jointReviewV1.Task): Task {
  const { decision: _decision, opinion, openedAt, claimedAt, closedAt, assignmentBasis: basis, ...plain } = t;
  const assigned = assignmentBasis.fromProto(basis);
  return {
    ...plain,
    kind: taskKind.fromProto(t.kind),
    state: taskState.fromProto(t.state),
    version: Number(t.version),
    ...(assigned ? { assignmentBasis: assigned } : {}),
    ...(opinion ? { opinion: fromProtoOpinion(opinion) } : {}),
    ...(openedAt ? { openedAt } : {}),
    ...(claimedAt ? { claimedAt } : {}),
    ...(closedAt ? { closedAt } : {}),
  };
}

/** What both services' SubmitOpinion requests carry, in the use case's terms. */
export function fromProtoOpinionRequest(req: {
  taskId: string;
  expectedVersion: number;
  kind: jointReviewV1.OpinionKind;
  text: string;
  reasons: string[];
  conditions: string[];
  attachmentIds: string[];
}) {
  return {
    taskId: req.taskId,
    expectedVersion: Number(req.expectedVersion),
    kind: opinionKind.fromProto(req.kind) || undefined,
    text: req.text,
    reasons: req.reasons,
    conditions: req.conditions,
    attachmentIds: req.attachmentIds,
  };
}
