import type { Principal } from '@govhall/auth';
import type { WorkingCalendar } from '@govhall/calendar';
import type { JointFlow } from '../domain/reviews/joint-flow';
import type { JointReview, JointReviewEvent } from '../domain/reviews/joint-review';
import type { ReviewSettings } from '../domain/reviews/review-settings';
import type { Task, TaskKind, TaskState } from '../domain/tasks/task';
import type { TaskChange } from '../domain/tasks/task-change';
import type { CaseProgress, ExternalEvent } from '../domain/external-cases/external-event';

export interface JointReviewRepository {
  /**
   * Inserts the review and its events in one document write. One review per case: when the case already has one,
   * nothing is written and the stored review is returned with `created` false. `actor` is who acts (the events'
   * envelope actor); absent for the service's own acts.
   */
  insert(
    review: JointReview,
    events: JointReviewEvent[],
    actor?: Principal,
  ): Promise<{ review: JointReview; created: boolean }>;
  findById(id: string): Promise<JointReview | null>;
  findByCase(tenant: string, caseId: string): Promise<JointReview | null>;
  /** The review of the tenant's case with this number. */
  findByCaseNumber(tenant: string, caseNumber: string): Promise<JointReview | null>;
  /** The review holding the task (tasks live inside their review). */
  findByTask(taskId: string): Promise<JointReview | null>;
  /**
   * Stores `next` if the review still has `expectedVersion`, with its events, in one document write
   * (ConcurrencyError otherwise). Returns the stored review. `actor` is who acts (the events' envelope actor);
   * absent for the service's own acts.
   */
  save(next: JointReview, expectedVersion: number, events: JointReviewEvent[], actor?: Principal): Promise<JointReview>;
  /** Concluded reviews whose conclusion the cases service has not accepted yet, oldest first. */
  listUnreported(limit: number): Promise<JointReview[]>;
  listTasks(filter: TaskFilter, page: PageQuery): Promise<Page<Task>>;
  listReviews(filter: ReviewFilter, page: PageQuery): Promise<Page<JointReview>>;
}

export interface TaskFilter {
  tenant: string;
  /** Tasks of these departments (empty: any). */
  departments: string[];
  states: TaskState[];
  /** Only this kind (absent: any). */
  kind?: TaskKind;
  /** Only these kinds (absent or empty: any). */
  kinds?: TaskKind[];
  /** Only tasks due on or before this day, YYYY-MM-DD (absent: any). */
  dueBy?: string;
  /** Assigned to this username, or (with `orUnclaimedOf`) OPEN — not claimed by anyone — in those departments. */
  assignee?: string;
  orUnclaimedOf?: string[];
}

export interface ReviewFilter {
  tenant: string;
  /** Reviews this department leads or takes part in (empty: any). */
  department?: string;
  states: JointReview['state'][];
}

export interface PageQuery {
  pageSize: number;
  /** Opaque token of the previous page's end (empty: first page). */
  pageToken: string;
}

export interface Page<T> {
  items: T[];
  nextPageToken: string;
  totalSize: number;
}

/** Per-tenant settings (J9 lead rule, default budgets); defaults when the tenant never set them. */
export interface SettingsSource {
  forTenant(tenant: string): Promise<ReviewSettings>;
}

/** The item's configured joint flow (J13), by tenant and item series; null when none is configured. */
export interface FlowSource {
  find(tenant: string, itemSeriesId: string): Promise<JointFlow | null>;
}

/** What the catalogue says of an item edition that the review needs. */
export interface ItemFacts {
  itemId: string;
  seriesId: string;
  /** The item's tenant and 基本编码 (delegation checks and shows them). */
  tenant?: string;
  basicCode?: string;
  name: string;
  /** The implementing department, the designated lead by default. */
  department: string;
  coDepartments: string[];
  promisedWorkingDays: number;
  /** Whether the edition is a joint item (联办件); absent when unknown (test fakes). */
  joint?: boolean;
}

export interface Items {
  get(itemId: string): Promise<ItemFacts | null>;
}

/** A member of staff as identity knows them. */
export interface StaffFacts {
  username: string;
  department: string;
  roles: string[];
  /** False while provisioning or once disabled. */
  active: boolean;
}

/**
 * Who is who (identity): the person serving a window today, each department's window lead (J5), a department's
 * staff and the tenant's departments.
 */
export interface Duty {
  /** Username serving the window today (its A post, or the B post when A is absent); '' when nobody. */
  windowResponsible(tenant: string, windowId: string): Promise<string>;
  /** J5: the department's window lead — the person serving the department's window today; '' when none. */
  windowLead(tenant: string, department: string): Promise<string>;
  /** The member of staff of the department with this username; null when the department has none. */
  departmentStaff(tenant: string, department: string, username: string): Promise<StaffFacts | null>;
  /** Whether the tenant has this department. */
  hasDepartment(tenant: string, department: string): Promise<boolean>;
}

/** The tenant's working-day calendar (statutory days plus the tenant's overrides, from the catalogue). */
export interface Calendars {
  forTenant(tenant: string): Promise<WorkingCalendar>;
}

/** The cases service, with the service's own account of the case's tenant. */
export interface CasesPort {
  /** ApplicationsService.ConcludeJointReview; resolves once accepted (or already applied). */
  concludeJointReview(review: JointReview): Promise<void>;
}

/**
 * What department systems' idempotent writes answered (DepartmentSystemService.SubmitOpinion's request_id): a retry
 * with the same key of the same account gets the first result.
 */
export interface SystemRequests {
  find(account: string, requestId: string): Promise<{ taskId: string; task: Task } | null>;
  /** Keeps the first result of the key (a second record of one key changes nothing). */
  record(account: string, requestId: string, result: { taskId: string; task: Task }, at: Date): Promise<void>;
}

/** Each (tenant, department)'s task changes in order (WatchTasks), as the service's events recorded them. */
export interface TaskChangeLog {
  /** The department's changes after `sequence`, oldest first, at most `limit`. */
  after(tenant: string, department: string, sequence: number, limit: number): Promise<TaskChange[]>;
  /** The department's change with this sequence; null when there is none (never written, or pruned). */
  find(tenant: string, department: string, sequence: number): Promise<TaskChange | null>;
  /** The department's latest sequence; 0 before its first change. */
  latest(tenant: string, department: string): Promise<number>;
}

/** Events of cases run in department systems (J16), stored once each and published for supervision. */
export interface ExternalCaseEvents {
  /** Of these event ids of the (tenant, department), those already stored. */
  existing(tenant: string, department: string, eventIds: string[]): Promise<Set<string>>;
  /** What the stored events say of each case (by externalCaseId); a case with none is absent. */
  progress(caseIds: string[]): Promise<Map<string, CaseProgress>>;
  /**
   * Stores the event with its ExternalCaseEventReported in one write (published by the outbox relay); false when
   * the (tenant, department) already has its event id.
   */
  insert(event: ExternalEvent, reportedBy: string, at: Date): Promise<boolean>;
}

export interface Clock {
  now(): Date;
}

export interface IdGenerator {
  newId(): string;
}

/** Who acts, as the use cases see it. */
export type Actor = Principal;
