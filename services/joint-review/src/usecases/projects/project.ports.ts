import type { CaseFacts, Investor, Project, ProjectState } from '../../domain/projects/project';
import type { Page, PageQuery } from '../ports';

export interface ProjectRepository {
  /**
   * Inserts a new project. A repeat of its tenant's request id answers the stored project with `created` false; a
   * project code the tenant already uses is ConflictError PROJECT_CODE_TAKEN.
   */
  insert(project: Project): Promise<{ project: Project; created: boolean }>;
  findById(id: string): Promise<Project | null>;
  /** The project holding the case (a case belongs to one project at most). */
  findByCase(caseId: string): Promise<Project | null>;
  /** Stores `next` if the project still has `expectedVersion` (ConcurrencyError otherwise). */
  save(next: Project, expectedVersion: number): Promise<Project>;
  /** Newest first. */
  list(filter: ProjectFilter, page: PageQuery): Promise<Page<Project>>;
  /** Projects with this 项目代码, in any tenant. */
  findByCode(projectCode: string): Promise<Project[]>;
  /** The projects of these investors (legal person ids), newest first. */
  findByInvestors(personIds: string[]): Promise<Project[]>;
}

export interface ProjectFilter {
  tenant: string;
  state?: ProjectState;
  /** Only projects of this 代办员. */
  agent?: string;
  /** Name or project code contains this. */
  query?: string;
}

/** Who is who, from identity, with the service's account of the tenant. */
export interface ProjectDirectory {
  /** The registered legal person (GetLegalPerson); null when identity has none with this id. */
  legalPerson(tenant: string, personId: string): Promise<Investor | null>;
  /** Active staff of the tenant by username, with the name and office phone the investor sees; null otherwise. */
  activeStaff(
    tenant: string,
    username: string,
  ): Promise<{ username: string; displayName: string; phone: string } | null>;
  /** The tenant's department names by code. */
  departmentNames(tenant: string): Promise<Map<string, string>>;
}

/**
 * The legal persons a caller holds and may act for today (identity's GetMyProfile asked with the caller's own token:
 * identity answers for that person, an agent's grants included only while current).
 */
export interface InvestorIdentity {
  organisationsOf(authorization: string): Promise<{ held: string[]; actingFor: string[] }>;
}

/** The cases service, with the service's own account of the tenant. */
export interface ProjectCaseSource {
  /** GetCase; null when the tenant has no such case. */
  caseFacts(tenant: string, caseId: string): Promise<CaseFacts | null>;
}
