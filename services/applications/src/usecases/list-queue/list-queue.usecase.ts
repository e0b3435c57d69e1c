import { STAFF_ROLES, type Principal } from '@govhall/auth';
import type { Violation } from '@govhall/errors';
import { decodePageToken, encodePageToken, pageSize } from '@govhall/paging';
import type { QueueKind } from '../../domain/case-lists';
import type { CaseSummary } from '../../domain/case-summary';
import { throwIfInvalid } from '../case.policies';
import type { CaseCore } from '../deps';
import type { CaseQueries, QueueSelector } from '../queries.ports';
import { summaries } from '../summaries';

const TENANT = /^(\d{6}|\d{9}|\d{12})$/;
const KINDS: readonly QueueKind[] = ['immediate', 'promised', 'supplement', 'returned', 'escalated', 'joint'];

export interface ListQueueCommand {
  tenant: string;
  windowId?: string;
  department?: string;
  role?: string;
  kind?: QueueKind | '';
  pageSize?: number;
  pageToken?: string;
}

function selector(command: ListQueueCommand): { queue?: QueueSelector; violations: Violation[] } {
  const violations: Violation[] = [];
  if (!TENANT.test(command.tenant)) {
    violations.push({ path: 'tenant', reason: 'PATTERN', message: '租户应为6、9或12位行政区划代码' });
  }
  if (command.kind && !KINDS.includes(command.kind)) {
    violations.push({
      path: 'kind',
      reason: 'ENUM',
      message: '办件类型应为即办件、承诺件、补办件、退回件、上报件或联办件',
    });
  }
  if (command.role && !(STAFF_ROLES as readonly string[]).includes(command.role)) {
    violations.push({ path: 'role', reason: 'ENUM', message: '岗位角色不正确' });
  }
  if (command.windowId) return { queue: { window: command.windowId }, violations };
  if (command.department && command.role) {
    return { queue: { department: command.department, role: command.role }, violations };
  }
  if (command.department) return { queue: { department: command.department }, violations };
  violations.push({ path: 'windowId', reason: 'REQUIRED', message: '请指定窗口，或指定部门（及岗位角色）' });
  return { violations };
}

/**
 * A staff queue with time remaining (A27 filters): a window's pre-review queue, a department's queue of one role,
 * or a department's open cases. Staff of the tenant; department-scoped roles only their own department's queues;
 * supervisors and center admins also of the tenants below them.
 */
export function listQueueUseCase(
  deps: Pick<CaseCore, 'calendars' | 'clock' | 'authorizer'> & { queries: CaseQueries },
) {
  return async (
    command: ListQueueCommand,
    actor: Principal,
  ): Promise<{ cases: CaseSummary[]; nextPageToken: string; total: number }> => {
    const { queue, violations } = selector(command);
    throwIfInvalid(violations);
    deps.authorizer.ensure(
      actor,
      'read',
      { type: 'case-queue', tenant: command.tenant, department: 'department' in queue! ? queue.department : undefined },
      { roles: STAFF_ROLES },
    );
    const limit = pageSize(command.pageSize);
    const offset = decodePageToken(command.pageToken);
    const kind = command.kind || undefined;
    const { cases, total } = await deps.queries.listQueue(command.tenant, queue!, kind, offset, limit);
    return {
      cases: await summaries(deps, cases),
      nextPageToken: offset + cases.length < total ? encodePageToken(offset + cases.length) : '',
      total,
    };
  };
}
