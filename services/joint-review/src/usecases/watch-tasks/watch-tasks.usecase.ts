import type { Principal } from '@govhall/auth';
import { PreconditionError, ValidationError } from '@govhall/errors';
import type { TaskKind } from '../../domain/tasks/task';
import { CHANGE_RETENTION_MS, type TaskChange } from '../../domain/tasks/task-change';
import type { Clock, TaskChangeLog } from '../ports';
import { requireSystemScope } from '../reviews/system.access';

export interface WatchTasksRequest {
  tenant: string;
  department: string;
  /** The last sequence seen; 0: only changes from now on. */
  afterSequence: number;
  /** Empty: every kind. */
  kinds: TaskKind[];
}

/** A change of the department's stream, or a heartbeat carrying the last sequence the stream went past. */
export type WatchItem = { heartbeat: false; change: TaskChange } | { heartbeat: true; sequence: number };

export interface WatchDeps {
  changes: TaskChangeLog;
  clock: Clock;
  /** How often the stream looks for new changes. */
  pollMs: number;
  /** How long the stream stays silent at most before it sends a heartbeat (30 s). */
  heartbeatMs: number;
  /** Waits `ms`, or less when `signal` aborts (tests pass a fake that moves their clock). */
  wait?: (ms: number, signal: AbortSignal) => Promise<void>;
}

const BATCH = 100;

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}

/** Where a stream starts: the department's latest sequence, or a cursor the department's stream still holds. */
async function startingPoint(deps: WatchDeps, tenant: string, department: string, after: number): Promise<number> {
  if (!Number.isSafeInteger(after) || after < 0) {
    throw new ValidationError([{ path: 'afterSequence', reason: 'OUT_OF_RANGE', message: '序号不能为负数' }]);
  }
  if (after === 0) return deps.changes.latest(tenant, department);
  const seen = await deps.changes.find(tenant, department, after);
  if (!seen || deps.clock.now().getTime() - seen.at.getTime() > CHANGE_RETENTION_MS) {
    throw new PreconditionError('CURSOR_EXPIRED', '该序号已过期或不存在，请先拉取任务，再从其返回的序号开始监听', {
      afterSequence: String(after),
    });
  }
  return after;
}

/**
 * A department system's change stream (WatchTasks): every change of its department after `afterSequence`, then the
 * live ones as they are recorded, and a heartbeat whenever nothing was sent for `heartbeatMs`. Changes are kept 7
 * days: an older or unknown cursor is CURSOR_EXPIRED. Ends when `signal` aborts.
 */
export function watchTasksUseCase(deps: WatchDeps) {
  const wait = deps.wait ?? sleep;
  return async function* watch(
    request: WatchTasksRequest,
    actor: Principal,
    signal: AbortSignal,
  ): AsyncGenerator<WatchItem> {
    const { tenant, department } = requireSystemScope(actor, request);
    let cursor = await startingPoint(deps, tenant, department, request.afterSequence);
    let sentAt = deps.clock.now().getTime();
    while (!signal.aborted) {
      const batch = await deps.changes.after(tenant, department, cursor, BATCH);
      for (const change of batch) {
        cursor = change.sequence;
        if (request.kinds.length > 0 && !request.kinds.includes(change.task.kind)) continue;
        yield { heartbeat: false, change };
        sentAt = deps.clock.now().getTime();
      }
      if (batch.length === BATCH) continue;
      if (deps.clock.now().getTime() - sentAt >= deps.heartbeatMs) {
        yield { heartbeat: true, sequence: cursor };
        sentAt = deps.clock.now().getTime();
      }
      await wait(deps.pollMs, signal);
    }
  };
}
