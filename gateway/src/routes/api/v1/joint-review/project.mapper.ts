import type { jointReviewV1 } from '@govhall/proto';
import { caseStatus } from '../cases/cases.enums';
import { projectAuthorisation, projectKind, projectState } from './joint-review.enums';
import type { Project, ProjectProgress, PublicProjectProgress } from './project.schemas';

const iso = (d: Date | undefined) => d?.toISOString();
const text = (s: string) => s || undefined;

const agentToRest = (a: jointReviewV1.ProjectAgent | undefined) =>
  a && {
    username: a.username,
    displayName: a.displayName,
    phone: a.phone,
    assignedBy: a.assignedBy,
    assignedAt: iso(a.assignedAt),
  };

const caseToRest = (c: jointReviewV1.ProjectCase) => ({
  caseId: c.caseId,
  caseNumber: c.caseNumber,
  itemName: c.itemName,
  department: c.department,
  status: caseStatus.rest(c.status),
  receivedDate: text(c.receivedDate),
  dueDate: text(c.dueDate),
  completedDate: text(c.completedDate),
  overdue: c.overdue,
  reviewId: text(c.reviewId),
  attachedBy: c.attachedBy,
  attachedAt: iso(c.attachedAt),
});

export function projectToRest(p: jointReviewV1.Project): Project {
  return {
    id: p.id,
    tenant: p.tenant,
    name: p.name,
    projectCode: text(p.projectCode),
    kind: projectKind.rest(p.kind),
    authorisation: projectAuthorisation.rest(p.authorisation),
    classified: p.classified,
    publicProgress: p.publicProgress,
    investorPersonId: p.investorPersonId,
    investorName: p.investorName,
    investorCreditCode: p.investorCreditCode,
    description: p.description,
    location: p.location,
    totalInvestmentFen: Number(p.totalInvestment?.fen ?? 0),
    agent: agentToRest(p.agent),
    cases: p.cases.map(caseToRest),
    state: projectState.rest(p.state),
    closedReason: text(p.closedReason),
    createdBy: p.createdBy,
    createdAt: iso(p.createdAt),
    updatedAt: iso(p.updatedAt),
    version: Number(p.version),
  };
}

export function progressToRest(p: jointReviewV1.ProjectProgress): ProjectProgress {
  return {
    projectId: p.projectId,
    name: p.name,
    projectCode: text(p.projectCode),
    state: projectState.rest(p.state),
    agent: agentToRest(p.agent),
    casesTotal: p.casesTotal,
    casesCompleted: p.casesCompleted,
    casesInProgress: p.casesInProgress,
    casesOverdue: p.casesOverdue,
    cases: p.cases.map(caseToRest),
    expectedCompletionDate: text(p.expectedCompletionDate),
    updatedAt: iso(p.updatedAt),
  };
}

export function publicProgressToRest(p: jointReviewV1.PublicProjectProgress): PublicProjectProgress {
  return {
    projectCode: p.projectCode,
    name: p.name,
    investorName: p.investorName,
    state: projectState.rest(p.state),
    agentName: text(p.agentName),
    agentPhone: text(p.agentPhone),
    cases: p.cases.map((c) => ({
      itemName: c.itemName,
      departmentName: c.departmentName,
      status: caseStatus.rest(c.status),
      receivedDate: text(c.receivedDate),
      dueDate: text(c.dueDate),
      completedDate: text(c.completedDate),
    })),
    asOfDate: p.asOfDate,
  };
}
