import { maskName } from '@govhall/identifiers';
import {
  isCompleted,
  isEnded,
  type CaseStatus,
  type Project,
  type ProjectAgent,
  type ProjectCase,
  type ProjectState,
} from './project';

/** The one progress view of a project, for the investor and staff. */
export interface ProjectProgress {
  projectId: string;
  name: string;
  projectCode: string;
  state: ProjectState;
  agent?: ProjectAgent;
  casesTotal: number;
  casesCompleted: number;
  casesInProgress: number;
  casesOverdue: number;
  cases: (ProjectCase & { overdue: boolean })[];
  /** The latest promised due date of the cases in progress; '' when none. */
  expectedCompletionDate: string;
  updatedAt: Date;
}

/** A case as the public query shows it: no names, no numbers. */
export interface PublicProjectCase {
  itemName: string;
  departmentName: string;
  status: CaseStatus;
  receivedDate: string;
  dueDate: string;
  completedDate: string;
}

/** 重大项目进度查询: the public, masked view. */
export interface PublicProjectProgress {
  projectCode: string;
  name: string;
  /** 永昌县*****有限公司. */
  investorName: string;
  state: ProjectState;
  /** 张*. */
  agentName: string;
  /** The 代办员's office phone: a public service number, in full. */
  agentPhone: string;
  cases: PublicProjectCase[];
  asOfDate: string;
}

/**
 * Whether the case's promised due date passed: before it was completed, or (still in progress) before `today`. A
 * case that ended without a result, or has no clock yet, is not overdue.
 */
export function isOverdue(c: Pick<ProjectCase, 'status' | 'dueDate' | 'completedDate'>, today: string): boolean {
  if (!c.dueDate) return false;
  if (isCompleted(c.status)) return !!c.completedDate && c.completedDate > c.dueDate;
  if (isEnded(c.status)) return false;
  return today > c.dueDate;
}

export function progressOf(p: Project, today: string): ProjectProgress {
  const cases = p.cases.map((c) => ({ ...c, overdue: isOverdue(c, today) }));
  const inProgress = cases.filter((c) => !isEnded(c.status));
  const dues = inProgress.map((c) => c.dueDate).filter((d) => d !== '');
  return {
    projectId: p.id,
    name: p.name,
    projectCode: p.projectCode,
    state: p.state,
    ...(p.agent ? { agent: p.agent } : {}),
    casesTotal: cases.length,
    casesCompleted: cases.filter((c) => isCompleted(c.status)).length,
    casesInProgress: inProgress.length,
    casesOverdue: cases.filter((c) => c.overdue).length,
    cases,
    expectedCompletionDate: dues.length > 0 ? dues.reduce((a, b) => (a > b ? a : b)) : '',
    updatedAt: p.updatedAt,
  };
}

/** Whether the public query may show the project at all (J2: never a classified one). */
export function isPublic(p: Project): boolean {
  return p.publicProgress && !p.classified;
}

export function publicProgressOf(
  p: Project,
  today: string,
  departmentName: (department: string) => string,
): PublicProjectProgress {
  return {
    projectCode: p.projectCode,
    name: p.name,
    investorName: maskName(p.investor.name),
    state: p.state,
    agentName: p.agent ? maskName(p.agent.displayName) : '',
    agentPhone: p.agent?.phone ?? '',
    cases: p.cases.map((c) => ({
      itemName: c.itemName,
      departmentName: departmentName(c.department),
      status: c.status,
      receivedDate: c.receivedDate,
      dueDate: c.dueDate,
      completedDate: c.completedDate,
    })),
    asOfDate: today,
  };
}
