/**
 * The joint-review use cases over in-memory fakes of the repository, identity, the catalogue and the cases service
 * (unit tests), with principals of a tenant with four departments.
 */
import { InMemoryAttachments } from './attachments/in-memory-attachments.test-double';
import type { DecisionTasks } from './decision-tasks/decision-task.ports';
import type { Principal, Role } from '@govhall/auth';
import { createWorkingCalendar } from '@govhall/calendar';
import { UnavailableError } from '@govhall/errors';
import type { JointReview } from '../domain/reviews/joint-review';
import type { Task } from '../domain/tasks/task';
import { defaultReviewSettings, type ReviewSettings } from '../domain/reviews/review-settings';
import { addParticipantUseCase } from './add-participant/add-participant.usecase';
import { assignTaskUseCase } from './assign-task/assign-task.usecase';
import { cancelJointReviewUseCase } from './cancel-joint-review/cancel-joint-review.usecase';
import { claimTaskUseCase } from './claim-task/claim-task.usecase';
import { concludeJointReviewUseCase } from './conclude-joint-review/conclude-joint-review.usecase';
import { getJointReviewUseCase } from './get-joint-review/get-joint-review.usecase';
import { InMemoryJointReviews } from './in-memory-joint-reviews.test-double';
import { listMyTasksUseCase, listTasksUseCase } from './list-tasks/list-tasks.usecase';
import { openJointReviewUseCase, type JointCaseHandedOver } from './open-joint-review/open-joint-review.usecase';
import type { JointFlow } from '../domain/reviews/joint-flow';
import { reopenTaskUseCase } from './reopen-task/reopen-task.usecase';
import { reportConclusionsUseCase } from './report-conclusions/report-conclusions.usecase';
import { submitOpinionUseCase } from './submit-opinion/submit-opinion.usecase';
import { departmentSystemUseCases } from '../department-systems';
import type { TaskChange, TaskChangeKind } from '../domain/tasks/task-change';
import {
  advance,
  externalCaseId,
  type CaseProgress,
  type ExternalEvent,
} from '../domain/external-cases/external-event';
import type { ExternalCaseEvents, StaffFacts, SystemRequests, TaskChangeLog } from './ports';
import type { ReviewDeps } from './reviews/review.deps';
import { getSharedFileUseCase } from './get-shared-file/get-shared-file.usecase';
import { getSharedViewUseCase } from './get-shared-view/get-shared-view.usecase';
import { getTaskFileUseCase } from './get-task-file/get-task-file.usecase';
import { InMemoryMinutes, InMemorySharedCases } from './shared-view/shared-cases.test-double';
import type { SharedViewDeps } from './shared-view/shared-view.ports';

export const TENANT = '620300';
export const SCJ = '620300-SCJ';
export const XFJ = '620300-XFJ';
export const HBJ = '620300-HBJ';
export const GTJ = '620300-GTJ';
const DEPARTMENTS = [SCJ, XFJ, HBJ, GTJ];

/** Identity's staff of the departments (ListStaff). */
const DIRECTORY: StaffFacts[] = [
  { username: 'xfj.lead', department: XFJ, roles: ['window_clerk'], active: true },
  { username: 'xfj.reviewer', department: XFJ, roles: ['reviewer'], active: true },
  { username: 'xfj.head', department: XFJ, roles: ['department_head'], active: true },
  { username: 'xfj.gone', department: XFJ, roles: ['reviewer'], active: false },
  { username: 'xfj.auditor', department: XFJ, roles: ['supervisor'], active: true },
  { username: 'hbj.lead', department: HBJ, roles: ['window_clerk'], active: true },
];

export function staff(username: string, department: string, roles: Role[], tenant = TENANT): Principal {
  return { kind: 'user', subject: username, username, tenant, roles, department, clientId: 'govhall-workbench' };
}
export function system(clientId: string, department: string, tenant = TENANT): Principal {
  return {
    kind: 'service',
    subject: clientId,
    username: `service-account-${clientId}`,
    tenant,
    roles: ['service'],
    department,
    clientId,
  };
}

export const leadClerk = staff('scj.clerk', SCJ, ['window_clerk']);
export const xfjLead = staff('xfj.lead', XFJ, ['window_clerk']);
export const xfjReviewer = staff('xfj.reviewer', XFJ, ['reviewer']);
export const hbjLead = staff('hbj.lead', HBJ, ['window_clerk']);
export const hbjSystem = system('dept-hbj', HBJ);
export const otherTenantSystem = system('dept-hbj-county', '620321-HBJ', '620321');

let now = new Date('2026-06-04T02:00:00Z');

export const WATCH_POLL_MS = 500;
export const WATCH_HEARTBEAT_MS = 30_000;

/** Moves the world's clock. */
export function setNow(at: Date): void {
  now = at;
}

/** The world's clock now. */
export const worldNow = (): Date => now;

export function world(
  options: {
    settings?: Partial<ReviewSettings>;
    flow?: JointFlow;
    casesDown?: boolean;
    /** Other flows' decision tasks the department systems take. */
    decisions?: DecisionTasks[];
  } = {},
) {
  const reviews = new InMemoryJointReviews();
  const attachments = new InMemoryAttachments();
  const reported: string[] = [];
  let casesDown = options.casesDown ?? false;
  let n = 0;
  const deps: ReviewDeps = {
    reviews,
    attachments,
    duty: {
      windowResponsible: async (_tenant, windowId) => (windowId === 'w-scj' ? 'scj.clerk' : ''),
      windowLead: async (_tenant, department) =>
        ({ [XFJ]: 'xfj.lead', [HBJ]: 'hbj.lead', [GTJ]: 'gtj.lead' })[department] ?? '',
      departmentStaff: async (tenant, department, username) =>
        DIRECTORY.find((s) => tenant === TENANT && s.department === department && s.username === username) ?? null,
      hasDepartment: async (tenant, department) => tenant === TENANT && DEPARTMENTS.includes(department),
    },
    calendars: { forTenant: async () => createWorkingCalendar() },
    items: {
      get: async (itemId) =>
        itemId === 'item-1'
          ? {
              itemId,
              seriesId: 'series-1',
              name: '食品经营许可',
              department: SCJ,
              coDepartments: [XFJ, HBJ],
              promisedWorkingDays: 15,
            }
          : null,
    },
    flows: { find: async () => options.flow ?? null },
    settings: { forTenant: async (tenant) => ({ ...defaultReviewSettings(tenant), ...options.settings }) },
    cases: {
      concludeJointReview: async (review) => {
        if (casesDown) throw new UnavailableError('CASES_UNAVAILABLE', '办件服务暂时不可用');
        reported.push(`${review.caseId}:${review.conclusion!.outcome}`);
      },
    },
    clock: { now: () => now },
    ids: { newId: () => `id-${++n}` },
  };
  const report = reportConclusionsUseCase(deps);
  const requests = new InMemorySystemRequests();
  const changes = new InMemoryTaskChanges(() => now);
  const externalEvents = new InMemoryExternalCaseEvents();
  // A stream's wait moves the world's clock instead of sleeping.
  const wait = async (ms: number) => {
    now = new Date(now.getTime() + ms);
  };
  const sharedCases = new InMemorySharedCases();
  const minutes = new InMemoryMinutes();
  /** Uploaded attachments' bytes by id. */
  const attachmentBytes = new Map<string, Buffer>();
  const shared: SharedViewDeps = {
    reviews,
    cases: sharedCases,
    // Bytes set by a test directly, else an attachment given to the store.
    attachments: { content: async (id) => attachmentBytes.get(id) ?? (await attachments.content(id)) },
    minutes,
  };
  return {
    attachments,
    sharedCases,
    minutes,
    attachmentBytes,
    sharedView: getSharedViewUseCase(shared),
    sharedFile: getSharedFileUseCase(shared),
    taskFile: getTaskFileUseCase(shared),
    requests,
    changes,
    externalEvents,
    system: departmentSystemUseCases(deps, {
      requests,
      changes,
      externalEvents,
      watch: { pollMs: WATCH_POLL_MS, heartbeatMs: WATCH_HEARTBEAT_MS, wait },
      decisions: options.decisions ?? [],
      cases: sharedCases,
    }),
    reviews,
    reported,
    setCasesDown: (down: boolean) => (casesDown = down),
    open: openJointReviewUseCase(deps),
    get: getJointReviewUseCase(deps),
    claim: claimTaskUseCase(deps),
    submit: submitOpinionUseCase(deps),
    conclude: concludeJointReviewUseCase({ ...deps, report }),
    assign: assignTaskUseCase(deps),
    reopen: reopenTaskUseCase(deps),
    addParticipant: addParticipantUseCase(deps),
    report,
    cancel: cancelJointReviewUseCase(deps),
    listTasks: listTasksUseCase(deps),
    listMyTasks: listMyTasksUseCase(deps),
  };
}

export const handed: JointCaseHandedOver = {
  caseId: 'case-1',
  caseNumber: '62030020260604000001',
  tenant: TENANT,
  itemId: 'item-1',
  itemName: '食品经营许可',
  itemBasicCode: '000111222333',
  department: SCJ,
  windowId: 'w-scj',
  coDepartments: [XFJ, HBJ],
  casePromisedDueDate: '2026-06-25',
  caseStatutoryDueDate: '2026-07-02',
  at: new Date('2026-06-04T01:00:00Z'),
};

export const taskOf = (r: JointReview, department: string) => r.tasks.find((t) => t.department === department)!;
export const agree = { kind: 'agree' as const, text: '同意', reasons: [], conditions: [], attachmentIds: [] };

/** SystemRequests in memory: the first result of each key. */
export class InMemorySystemRequests implements SystemRequests {
  readonly byKey = new Map<string, { taskId: string; task: Task }>();

  async find(account: string, requestId: string): Promise<{ taskId: string; task: Task } | null> {
    return this.byKey.get(`${account}:${requestId}`) ?? null;
  }

  async record(account: string, requestId: string, result: { taskId: string; task: Task }): Promise<void> {
    const key = `${account}:${requestId}`;
    if (!this.byKey.has(key)) this.byKey.set(key, result);
  }
}

/** TaskChangeLog in memory; `add` records a change as the outbox relay would (sequences per department). */
export class InMemoryTaskChanges implements TaskChangeLog {
  readonly byKey = new Map<string, TaskChange[]>();

  constructor(private readonly clock: () => Date) {}

  add(change: TaskChangeKind, task: Task, at = this.clock()): TaskChange {
    const key = `${task.tenant}|${task.department}`;
    const list = this.byKey.get(key) ?? [];
    const recorded = { sequence: (list.at(-1)?.sequence ?? 0) + 1, change, task, at };
    this.byKey.set(key, [...list, recorded]);
    return recorded;
  }

  async after(tenant: string, department: string, sequence: number, limit: number): Promise<TaskChange[]> {
    return (this.byKey.get(`${tenant}|${department}`) ?? []).filter((c) => c.sequence > sequence).slice(0, limit);
  }

  async find(tenant: string, department: string, sequence: number): Promise<TaskChange | null> {
    return (this.byKey.get(`${tenant}|${department}`) ?? []).find((c) => c.sequence === sequence) ?? null;
  }

  async latest(tenant: string, department: string): Promise<number> {
    return this.byKey.get(`${tenant}|${department}`)?.at(-1)?.sequence ?? 0;
  }
}

/** ExternalCaseEvents in memory: the stored events by "<tenant>:<department>:<event id>". */
export class InMemoryExternalCaseEvents implements ExternalCaseEvents {
  readonly stored = new Map<string, { event: ExternalEvent; reportedBy: string }>();

  async existing(tenant: string, department: string, eventIds: string[]): Promise<Set<string>> {
    return new Set(eventIds.filter((id) => this.stored.has(`${tenant}:${department}:${id}`)));
  }

  async progress(caseIds: string[]): Promise<Map<string, CaseProgress>> {
    const progress = new Map<string, CaseProgress>();
    for (const { event } of this.stored.values()) {
      const id = externalCaseId(event);
      if (caseIds.includes(id)) progress.set(id, advance(event, progress.get(id) ?? { received: false, ended: false }));
    }
    return progress;
  }

  async insert(event: ExternalEvent, reportedBy: string): Promise<boolean> {
    const key = `${event.tenant}:${event.department}:${event.eventId}`;
    if (this.stored.has(key)) return false;
    this.stored.set(key, { event, reportedBy });
    return true;
  }
}
