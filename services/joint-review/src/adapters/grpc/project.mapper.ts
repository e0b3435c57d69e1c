import { enumCodec, enumSpelling, jointReviewV1 } from '@govhall/proto';
import type {
  Project,
  ProjectAgent,
  ProjectAuthorisation,
  ProjectCase,
  ProjectContent,
  ProjectKind,
  ProjectState,
} from '../../domain/projects/project';
import type { ProjectProgress, PublicProjectProgress } from '../../domain/projects/project-progress';
import { caseStatus } from '../cases/case-status';

const pb = jointReviewV1;

export const projectKind = enumCodec<ProjectKind, jointReviewV1.ProjectKind>(
  enumSpelling(pb.ProjectKind, 'PROJECT_KIND_'),
);
export const projectAuthorisation = enumCodec<ProjectAuthorisation, jointReviewV1.ProjectAuthorisation>(
  enumSpelling(pb.ProjectAuthorisation, 'PROJECT_AUTHORISATION_'),
);
export const projectState = enumCodec<ProjectState, jointReviewV1.ProjectState>(
  enumSpelling(pb.ProjectState, 'PROJECT_STATE_'),
);

/** What a request's project says of its content (the rest is the service's to set). */
export function projectContent(p: jointReviewV1.Project | undefined): ProjectContent {
  return {
    name: p?.name ?? '',
    projectCode: p?.projectCode ?? '',
    kind: p ? projectKind.fromProto(p.kind) : '',
    authorisation: p ? projectAuthorisation.fromProto(p.authorisation) : '',
    classified: p?.classified ?? false,
    publicProgress: p?.publicProgress ?? false,
    description: p?.description ?? '',
    location: p?.location ?? '',
    totalInvestmentFen: Number(p?.totalInvestment?.fen ?? 0),
  };
}

function toProtoAgent(a: ProjectAgent): jointReviewV1.ProjectAgent {
  return {
    username: a.username,
    displayName: a.displayName,
    phone: a.phone,
    assignedBy: a.assignedBy,
    assignedAt: a.assignedAt,
  };
}

function toProtoCase(c: ProjectCase & { overdue?: boolean }): jointReviewV1.ProjectCase {
  return {
    caseId: c.caseId,
    caseNumber: c.caseNumber,
    itemName: c.itemName,
    department: c.department,
    status: caseStatus.toProto(c.status),
    receivedDate: c.receivedDate,
    dueDate: c.dueDate,
    completedDate: c.completedDate,
    overdue: c.overdue ?? false,
    reviewId: c.reviewId,
    attachedBy: c.attachedBy,
    attachedAt: c.attachedAt,
  };
}

/** A project for staff; each case's `overdue` as of `today`. */
export function toProtoProject(p: Project, overdue: (c: ProjectCase) => boolean): jointReviewV1.Project {
  return {
    id: p.id,
    tenant: p.tenant,
    name: p.name,
    projectCode: p.projectCode,
    kind: projectKind.toProto(p.kind),
    authorisation: projectAuthorisation.toProto(p.authorisation),
    classified: p.classified,
    publicProgress: p.publicProgress,
    investorPersonId: p.investor.personId,
    investorName: p.investor.name,
    investorCreditCode: p.investor.creditCode,
    description: p.description,
    location: p.location,
    totalInvestment: { fen: p.totalInvestmentFen },
    agent: p.agent ? toProtoAgent(p.agent) : undefined,
    cases: p.cases.map((c) => toProtoCase({ ...c, overdue: overdue(c) })),
    state: projectState.toProto(p.state),
    closedReason: p.closedReason,
    createdBy: p.createdBy,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    version: p.version,
  };
}

export function toProtoProgress(v: ProjectProgress): jointReviewV1.ProjectProgress {
  return {
    projectId: v.projectId,
    name: v.name,
    projectCode: v.projectCode,
    state: projectState.toProto(v.state),
    agent: v.agent ? toProtoAgent(v.agent) : undefined,
    casesTotal: v.casesTotal,
    casesCompleted: v.casesCompleted,
    casesInProgress: v.casesInProgress,
    casesOverdue: v.casesOverdue,
    cases: v.cases.map(toProtoCase),
    expectedCompletionDate: v.expectedCompletionDate,
    updatedAt: v.updatedAt,
  };
}

export function toProtoPublicProgress(v: PublicProjectProgress): jointReviewV1.PublicProjectProgress {
  return {
    projectCode: v.projectCode,
    name: v.name,
    investorName: v.investorName,
    state: projectState.toProto(v.state),
    agentName: v.agentName,
    agentPhone: v.agentPhone,
    cases: v.cases.map((c) => ({ ...c, status: caseStatus.toProto(c.status) })),
    asOfDate: v.asOfDate,
  };
}
