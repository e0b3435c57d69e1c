import { hasAnyRole, type Principal } from '@govhall/auth';
import { ForbiddenError, ValidationError } from '@govhall/errors';
import { pageSize } from '@govhall/paging';
import type { Task, TaskKind, TaskState } from '../../domain/tasks/task';
import type { DecisionTasks } from '../decision-tasks/decision-task.ports';
import { mergedTaskPage } from '../decision-tasks/merged-tasks';
import type { JointReviewRepository, Page } from '../ports';
import { DEPARTMENT_STAFF, workerName } from '../reviews/review.access';
import { departmentScope } from '../reviews/department-scope';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const NOT_WAITING: TaskState[] = ['open', 'claimed', 'done', 'cancelled'];

export interface ListTasksRequest {
  tenant: string;
  department: string;
  states: TaskState[];
  kind?: TaskKind;
  dueBy: string;
  page: { pageSize: number; pageToken: string };
}

interface ListDeps {
  reviews: JointReviewRepository;
  /** The other flows' decision tasks (the parent's escalation decisions, the delegated cases' decisions). */
  decisions?: readonly DecisionTasks[];
}

/** The flows' tasks of a department in these states, of the kind asked for, as `keep` wants them. */
async function flowTasks(
  deps: ListDeps,
  where: { tenant: string; department: string; states: TaskState[]; kind?: TaskKind },
  keep: (t: Task) => boolean,
): Promise<{ task: Task }[]> {
  const scope = { tenant: where.tenant, department: where.department, account: '' };
  const flows = (deps.decisions ?? []).filter((f) => !where.kind || f.kind === where.kind);
  const listed = (await Promise.all(flows.map((f) => f.list(scope, where.states)))).flat();
  return listed.filter(({ task }) => keep(task)).map(({ task }) => ({ task }));
}

const tasksOf = (page: Page<{ task: Task }>): Page<Task> => ({ ...page, items: page.items.map((t) => t.task) });

function checkDay(dueBy: string): void {
  if (dueBy && !DAY.test(dueBy)) {
    throw new ValidationError([{ path: 'dueBy', reason: 'PATTERN', message: '日期格式应为YYYY-MM-DD' }]);
  }
}

/**
 * A department's inbox: its staff and its own system see its tasks; the center (center_admin) and supervisors
 * name the department they look at. Another tenant: TENANT_OUT_OF_SCOPE; another department: DEPARTMENT_OUT_OF_SCOPE.
 */
export function listTasksUseCase(deps: ListDeps) {
  return async (request: ListTasksRequest, actor: Principal): Promise<Page<Task>> => {
    checkDay(request.dueBy);
    const size = pageSize(request.page.pageSize);
    const { tenant, department } = departmentScope(request, actor, '审查任务');
    if (!department) {
      throw new ValidationError([{ path: 'department', reason: 'REQUIRED', message: '请指定部门' }]);
    }
    const states = request.states.length > 0 ? request.states : NOT_WAITING;
    const page = await mergedTaskPage(
      (upTo) =>
        deps.reviews.listTasks(
          {
            tenant,
            departments: [department],
            states,
            ...(request.kind ? { kind: request.kind } : {}),
            ...(request.dueBy ? { dueBy: request.dueBy } : {}),
          },
          { pageSize: upTo, pageToken: '' },
        ),
      () =>
        flowTasks(
          deps,
          { tenant, department, states, ...(request.kind ? { kind: request.kind } : {}) },
          (t) => !request.dueBy || (t.dueDate !== '' && t.dueDate <= request.dueBy),
        ),
      { pageToken: request.page.pageToken, size },
    );
    return tasksOf(page);
  };
}

/** The caller's tasks: assigned to them, plus the open ones of their department nobody has claimed. */
export function listMyTasksUseCase(deps: ListDeps) {
  return async (
    request: { states: TaskState[]; kind?: TaskKind; page: { pageSize: number; pageToken: string } },
    actor: Principal,
  ): Promise<Page<Task>> => {
    const size = pageSize(request.page.pageSize);
    const worker = (actor.kind === 'user' && hasAnyRole(actor, DEPARTMENT_STAFF)) || hasAnyRole(actor, ['service']);
    if (!worker || !actor.department || !actor.tenant) {
      throw new ForbiddenError('ROLE_REQUIRED', '只有部门工作人员可以查看审查任务');
    }
    const states: TaskState[] = request.states.length > 0 ? request.states : ['open', 'claimed'];
    const me = workerName(actor);
    const page = await mergedTaskPage(
      (upTo) =>
        deps.reviews.listTasks(
          {
            tenant: actor.tenant!,
            departments: [actor.department!],
            states,
            ...(request.kind ? { kind: request.kind } : {}),
            assignee: me,
            orUnclaimedOf: [actor.department!],
          },
          { pageSize: upTo, pageToken: '' },
        ),
      () =>
        flowTasks(
          deps,
          {
            tenant: actor.tenant!,
            department: actor.department!,
            states,
            ...(request.kind ? { kind: request.kind } : {}),
          },
          (t) => t.assignee === me || t.state === 'open',
        ),
      { pageToken: request.page.pageToken, size },
    );
    return tasksOf(page);
  };
}
