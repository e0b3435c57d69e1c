import { NotFoundError, PreconditionError, ValidationError, type Violation } from '@govhall/errors';

/**
 * Projects (J20, J2): an investment or other major project groups the cases of one investor (a legal person), with
 * an assigned 代办员 and one progress view, for the investor and for the portal's public 重大项目进度查询. The cases
 * stay in the cases service; a project mirrors their status from the case stream.
 */

export type ProjectKind = 'investment' | 'construction' | 'technical_renovation' | 'real_estate' | 'other';
export type ProjectAuthorisation = 'approval' | 'filing' | 'forwarding';
export type ProjectState = 'active' | 'completed' | 'closed';

/** A case status as the cases service names it (lower case of applications.v1.CaseStatus without its prefix). */
export type CaseStatus =
  | 'draft'
  | 'returned'
  | 'pre_review'
  | 'supplement'
  | 'pre_review_passed'
  | 'awaiting_paper'
  | 'processing'
  | 'suspended'
  | 'joint_review'
  | 'escalated'
  | 'approved'
  | 'completed'
  | 'delivered'
  | 'archived'
  | 'not_accepted'
  | 'voided'
  | 'withdrawn'
  | 'awaiting_payment';

/** 办结 or after: the result was issued. */
const COMPLETED: readonly CaseStatus[] = ['completed', 'delivered', 'archived'];
/** Ended without a result. */
const ENDED_OTHERWISE: readonly CaseStatus[] = ['not_accepted', 'voided', 'withdrawn'];

export interface ProjectAgent {
  username: string;
  displayName: string;
  /** Office phone, shown to staff and the investor in full (a public service number). */
  phone: string;
  assignedBy: string;
  assignedAt: Date;
}

/** A case of the project, as last seen (GetCase when attached, then the case stream). */
export interface ProjectCase {
  caseId: string;
  caseNumber: string;
  itemName: string;
  department: string;
  status: CaseStatus;
  receivedDate: string;
  /** The promised limit's due date; '' while no clock runs. */
  dueDate: string;
  completedDate: string;
  reviewId: string;
  attachedBy: string;
  attachedAt: Date;
  /** Version of the case last mirrored (a redelivered or older event changes nothing). */
  caseVersion: number;
}

export interface Investor {
  /** Identity's legal person id. */
  personId: string;
  name: string;
  /** 统一社会信用代码. */
  creditCode: string;
}

/** What a center administrator or the 代办员 writes. */
export interface ProjectContent {
  name: string;
  projectCode: string;
  kind: ProjectKind | '';
  authorisation: ProjectAuthorisation | '';
  classified: boolean;
  publicProgress: boolean;
  description: string;
  location: string;
  /** Total investment in fen (0 = not given). */
  totalInvestmentFen: number;
}

export interface Project extends Omit<ProjectContent, 'kind' | 'authorisation'> {
  id: string;
  tenant: string;
  kind: ProjectKind;
  authorisation: ProjectAuthorisation;
  investor: Investor;
  agent?: ProjectAgent;
  cases: ProjectCase[];
  state: ProjectState;
  closedReason: string;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  /** CreateProject's idempotency key. */
  requestId: string;
}

/** 项目代码 of the national investment-project platform: 年份-行政区划-行业-类型-序号, e.g. 2026-620321-47-01-000123. */
export const PROJECT_CODE = /^\d{4}-\d{6}-\d{2}-\d{2}-\d{6}$/;
const MAX_NAME = 200;
const MAX_DESCRIPTION = 2_000;
const MAX_LOCATION = 200;
export const MAX_REASON = 500;

const problem = (path: string, reason: string, message: string): Violation => ({ path, reason, message });

/** The content's problems, each at `<prefix><field>`. */
export function validateContent(c: ProjectContent, prefix = 'project.'): Violation[] {
  const v: Violation[] = [];
  const name = c.name.trim();
  if (!name) v.push(problem(`${prefix}name`, 'REQUIRED', '请填写项目名称'));
  else if (name.length > MAX_NAME) v.push(problem(`${prefix}name`, 'TOO_LONG', `项目名称不能超过${MAX_NAME}个字`));
  if (c.projectCode && !PROJECT_CODE.test(c.projectCode)) {
    v.push(
      problem(
        `${prefix}projectCode`,
        'PATTERN',
        '项目代码格式应为“年份-行政区划代码-行业代码-类型代码-流水号”，如 2026-620321-47-01-000123',
      ),
    );
  }
  if (!c.kind) v.push(problem(`${prefix}kind`, 'REQUIRED', '请选择项目类型'));
  if (!c.authorisation) v.push(problem(`${prefix}authorisation`, 'REQUIRED', '请选择项目审批方式（核准、备案或转报）'));
  if (c.description.length > MAX_DESCRIPTION) {
    v.push(problem(`${prefix}description`, 'TOO_LONG', `项目简介不能超过${MAX_DESCRIPTION}个字`));
  }
  if (c.location.length > MAX_LOCATION)
    v.push(problem(`${prefix}location`, 'TOO_LONG', `建设地点不能超过${MAX_LOCATION}个字`));
  if (!Number.isSafeInteger(c.totalInvestmentFen) || c.totalInvestmentFen < 0) {
    v.push(problem(`${prefix}totalInvestment`, 'OUT_OF_RANGE', '总投资不能为负数'));
  }
  return v;
}

function content(c: ProjectContent) {
  return {
    name: c.name.trim(),
    projectCode: c.projectCode.trim(),
    kind: c.kind as ProjectKind,
    authorisation: c.authorisation as ProjectAuthorisation,
    classified: c.classified,
    // A classified project is never in the public query.
    publicProgress: c.publicProgress && !c.classified,
    description: c.description.trim(),
    location: c.location.trim(),
    totalInvestmentFen: c.totalInvestmentFen,
  };
}

export function createProject(input: {
  id: string;
  tenant: string;
  content: ProjectContent;
  investor: Investor | null;
  investorPersonId: string;
  createdBy: string;
  requestId: string;
  at: Date;
}): Project {
  const v = validateContent(input.content);
  if (!input.investorPersonId)
    v.push(problem('project.investorPersonId', 'REQUIRED', '请选择投资主体（已登记的法人）'));
  else if (!input.investor) v.push(problem('project.investorPersonId', 'UNKNOWN', '投资主体不是已登记的法人'));
  if (v.length > 0) throw new ValidationError(v);
  return {
    id: input.id,
    tenant: input.tenant,
    ...content(input.content),
    investor: input.investor!,
    cases: [],
    state: 'active',
    closedReason: '',
    createdBy: input.createdBy,
    createdAt: input.at,
    updatedAt: input.at,
    version: 1,
    requestId: input.requestId,
  };
}

function requireActive(p: Project): void {
  if (p.state !== 'active') {
    throw new PreconditionError('WRONG_STATE', '项目已结束，不能再修改', { currentState: p.state });
  }
}

function next(p: Project, at: Date, change: Partial<Project>): Project {
  return { ...p, ...change, updatedAt: at, version: p.version + 1 };
}

export function updateContent(p: Project, c: ProjectContent, at: Date): Project {
  requireActive(p);
  const v = validateContent(c);
  if (v.length > 0) throw new ValidationError(v);
  return next(p, at, content(c));
}

export function assignAgent(
  p: Project,
  agent: { username: string; displayName: string; phone: string } | null,
  username: string,
  by: string,
  at: Date,
): Project {
  requireActive(p);
  if (!username.trim()) throw new ValidationError([problem('username', 'REQUIRED', '请选择代办员')]);
  if (!agent) throw new ValidationError([problem('username', 'UNKNOWN', '代办员应为本中心在岗的工作人员')]);
  return next(p, at, { agent: { ...agent, assignedBy: by, assignedAt: at } });
}

/** What GetCase says of a case to be attached. */
export interface CaseFacts {
  caseId: string;
  caseNumber: string;
  tenant: string;
  itemName: string;
  department: string;
  status: CaseStatus;
  applicantPersonId: string;
  receivedDate: string;
  dueDate: string;
  completedDate: string;
  version: number;
}

/** Attaches a case of the investor; a case already attached leaves the project as it is (returns it unchanged). */
export function attachCase(p: Project, c: CaseFacts, by: string, at: Date): Project {
  requireActive(p);
  if (p.cases.some((x) => x.caseId === c.caseId)) return p;
  if (c.tenant !== p.tenant || c.applicantPersonId !== p.investor.personId) {
    throw new ValidationError([problem('caseId', 'APPLICANT_MISMATCH', '该办件的申请人不是本项目的投资主体')]);
  }
  const attached: ProjectCase = {
    caseId: c.caseId,
    caseNumber: c.caseNumber,
    itemName: c.itemName,
    department: c.department,
    status: c.status,
    receivedDate: c.receivedDate,
    dueDate: c.dueDate,
    completedDate: c.completedDate,
    reviewId: '',
    attachedBy: by,
    attachedAt: at,
    caseVersion: c.version,
  };
  const cases = [...p.cases, attached].sort(
    (a, b) => a.receivedDate.localeCompare(b.receivedDate) || a.caseNumber.localeCompare(b.caseNumber),
  );
  return next(p, at, { cases });
}

export function detachCase(p: Project, caseId: string, reason: string, at: Date): Project {
  requireActive(p);
  const r = reason.trim();
  if (!r) throw new ValidationError([problem('reason', 'REQUIRED', '请说明移出该办件的原因')]);
  if (r.length > MAX_REASON)
    throw new ValidationError([problem('reason', 'TOO_LONG', `原因不能超过${MAX_REASON}个字`)]);
  if (!p.cases.some((c) => c.caseId === caseId)) {
    throw new NotFoundError('CASE_NOT_FOUND', '该办件不在本项目中');
  }
  return next(p, at, { cases: p.cases.filter((c) => c.caseId !== caseId) });
}

export function isEnded(status: CaseStatus): boolean {
  return COMPLETED.includes(status) || ENDED_OTHERWISE.includes(status);
}

export function isCompleted(status: CaseStatus): boolean {
  return COMPLETED.includes(status);
}

export function closeProject(p: Project, state: 'completed' | 'closed' | '', reason: string, at: Date): Project {
  requireActive(p);
  const r = reason.trim();
  if (state !== 'completed' && state !== 'closed') {
    throw new ValidationError([problem('state', 'REQUIRED', '请选择结束方式：已完成或已关闭')]);
  }
  if (state === 'closed' && !r) throw new ValidationError([problem('reason', 'REQUIRED', '关闭项目须说明原因')]);
  if (r.length > MAX_REASON)
    throw new ValidationError([problem('reason', 'TOO_LONG', `原因不能超过${MAX_REASON}个字`)]);
  if (state === 'completed') {
    const open = p.cases.filter((c) => !isEnded(c.status));
    if (open.length > 0) {
      throw new PreconditionError('CASES_OPEN', `还有${open.length}件办件未办结，项目不能标记为已完成`, {
        openCases: String(open.length),
      });
    }
  }
  return next(p, at, { state, closedReason: r });
}

/** A case's change as the case stream tells it. */
export interface CaseChange {
  caseId: string;
  status: CaseStatus;
  dueDate: string;
  completedDate: string;
  reviewId?: string;
  version: number;
}

/** The project with the case's new status; null when the project does not hold the case or already saw newer. */
export function mirrorCase(p: Project, change: CaseChange, at: Date): Project | null {
  const i = p.cases.findIndex((c) => c.caseId === change.caseId);
  if (i < 0 || p.cases[i]!.caseVersion >= change.version) return null;
  const c = p.cases[i]!;
  const cases = [...p.cases];
  cases[i] = {
    ...c,
    status: change.status,
    dueDate: change.dueDate || c.dueDate,
    completedDate: c.completedDate || change.completedDate,
    reviewId: change.reviewId || c.reviewId,
    caseVersion: change.version,
  };
  // Mirroring is the project's record of its cases, not an edit: it happens in any state.
  return { ...p, cases, updatedAt: at, version: p.version + 1 };
}
