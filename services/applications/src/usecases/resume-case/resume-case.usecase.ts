import type { Principal } from '@govhall/auth';
import { PreconditionError } from '@govhall/errors';
import type { Case, Suspension } from '../../domain/case';
import { ensureStatus } from '../../domain/case-status';
import { transition } from '../../domain/case-events';
import {
  approvedExtensionDays,
  heldWorkingDays,
  recountedClocks,
  stepDueAfterPause,
} from '../../domain/clocks/deadline';
import { activeStep } from '../../domain/handling';
import type { HandlingDeps } from '../handling.deps';
import { activeStepPolicy, actorAs, loadForCaseAct, todayOf } from '../handling.shared';

export interface ResumeCaseCommand {
  id: string;
  expectedVersion: number;
}

/**
 * Ends the running suspension → PROCESSING. The working days it held the clock (from its start date to today, by
 * the tenant's calendar) are recorded, and the promised and statutory due dates and the active step's due date move
 * by exactly that many working days.
 */
export function resumeCaseUseCase(deps: HandlingDeps) {
  return async (command: ResumeCaseCommand, actor: Principal): Promise<Case> => {
    const c = await loadForCaseAct(deps, command, actor, activeStepPolicy);
    ensureStatus(c, ['suspended'], '恢复计时');
    const running = c.suspensions.findIndex((s) => s.endedDate === '');
    if (running < 0) throw new PreconditionError('NO_RUNNING_SUSPENSION', '办件没有正在进行的特别程序');
    const calendar = await deps.calendars.forTenant(c.tenant);
    const today = todayOf(deps);
    const held = c.suspensions[running]!;
    const days = heldWorkingDays(calendar, held.startedDate, today);
    const ended: Suspension = { ...held, endedDate: today, suspendedWorkingDays: days };
    const suspensions = c.suspensions.map((s, i) => (i === running ? ended : s));
    const clocks = recountedClocks(calendar, c.clocks, {
      suspensions,
      extensionWorkingDays: approvedExtensionDays(c),
      paymentWaits: c.payment?.waits,
    });
    const pause = { from: held.startedDate, to: today };
    const steps = c.steps.map((s) =>
      s.state === 'active' ? { ...s, dueDate: stepDueAfterPause(calendar, s.dueDate, pause) } : s,
    );
    const { case: next, event } = transition(c, {
      action: `特别程序结束（恢复计时，中止${days}个工作日）`,
      transition: 'resumed',
      to: 'processing',
      actor: actorAs(actor, activeStep(c)?.role ?? ''),
      at: deps.clock.now(),
      detail: { suspension: ended },
      changes: { suspensions, clocks, steps },
    });
    return deps.cases.save(next, c.version, [event!], actor);
  };
}
