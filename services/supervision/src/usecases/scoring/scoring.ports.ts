import type { DisplayNameEntry } from '../../domain/evaluation/display-names';
import type { KpiFigures, KpiPeriod, KpiSubjectLevel } from '../../domain/evaluation/kpi';
import type { SubjectConduct, SubjectScore } from '../../domain/evaluation/scoring/score-subject';
import type { ScoringStandard } from '../../domain/evaluation/scoring/scoring-standard';

/** A tenant's saved scoring standards, every version kept. */
export interface ScoringStandardStore {
  /** Every saved version of the tenant, oldest first ([] when it never saved one). */
  versions(tenant: string): Promise<ScoringStandard[]>;
  /** Saves version `expectedVersion + 1`; ConcurrencyError when the latest stored version is not `expectedVersion`. */
  save(standard: ScoringStandard, expectedVersion: number): Promise<ScoringStandard>;
}

/**
 * The KPI figures of a tenant's subjects of one level over a period (the evaluation projection's ListKpis plugs in
 * here). Subjects with no activity may be absent.
 */
export interface KpiSource {
  figures(tenant: string, level: KpiSubjectLevel, period: KpiPeriod): Promise<KpiFigures[]>;
}

/** Violations recorded and sanctions decided in the period, by subject id of the level. */
export interface ConductSource {
  conduct(tenant: string, level: KpiSubjectLevel, period: KpiPeriod): Promise<Map<string, SubjectConduct>>;
}

/** A window's A-post person (S24): the staff id and the home unit (department) they come from. */
export interface WindowStaffMember {
  personId: string;
  department: string;
}

export interface WindowStaffSource {
  /** The A-post persons of the tenant's windows, each once. */
  aPostStaff(tenant: string): Promise<WindowStaffMember[]>;
}

/** What the quarterly assessment document shows: the departments' scores of one quarter. */
export interface QuarterlyAssessment {
  tenant: string;
  /** 2026-Q4. */
  period: string;
  standardVersion: number;
  scores: SubjectScore[];
  /** When it was made (the document's date). */
  madeAt: Date;
  /** The departments' names by code (a code without one prints itself). */
  departmentNames: Record<string, string>;
}

export interface AssessmentRenderer {
  render(assessment: QuarterlyAssessment): Promise<Buffer>;
}

export interface ScoringDeps {
  standards: ScoringStandardStore;
  kpis: KpiSource;
  conduct: ConductSource;
  windowStaff: WindowStaffSource;
  renderer: AssessmentRenderer;
  /** Department names from identity's events (evaluation's display names). */
  names: { ofTenant(tenant: string): Promise<DisplayNameEntry[]> };
  clock: { now(): Date };
}
