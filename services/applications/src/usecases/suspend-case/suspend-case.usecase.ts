import type { Principal } from '@govhall/auth';
import type { Violation } from '@govhall/errors';
import type { Case, Suspension } from '../../domain/case';
import { ensureStatus } from '../../domain/case-status';
import { transition } from '../../domain/case-events';
import { activeStep } from '../../domain/handling';
import type { HandlingDeps } from '../handling.deps';
import { activeStepPolicy, actorAs, loadForCaseAct, textField, todayOf } from '../handling.shared';

/** 行政许可法 §45: the procedures whose time does not count (A9: not 现场踏勘 or 集体讨论). */
export const SPECIAL_PROCEDURES: readonly string[] = [
  '听证',
  '招标',
  '拍卖',
  '检验',
  '检测',
  '检疫',
  '鉴定',
  '专家评审',
];
/** A planned length beyond half a year of working days is a typo, not a plan. */
const MAX_PLANNED_DAYS = 120;

export interface SuspendCaseCommand {
  id: string;
  expectedVersion: number;
  procedure: string;
  reason: string;
  plannedWorkingDays: number;
}

/**
 * 特别程序 (law §45): the active step's handler suspends the case for one of the listed procedures with its planned
 * length in working days → SUSPENDED; the clocks stop, and the applicant gets a written suspension notice.
 */
export function suspendCaseUseCase(deps: HandlingDeps) {
  return async (command: SuspendCaseCommand, actor: Principal): Promise<Case> => {
    const reason = textField('reason', command.reason, '中止理由', 2, 500);
    const violations: Violation[] = [...reason.violations];
    const procedure = command.procedure.trim();
    if (!SPECIAL_PROCEDURES.includes(procedure)) {
      violations.push({
        path: 'procedure',
        reason: 'NOT_SPECIAL_PROCEDURE',
        message: `特别程序应为${SPECIAL_PROCEDURES.join('、')}之一（行政许可法第四十五条）`,
      });
    }
    const days = command.plannedWorkingDays;
    if (!Number.isInteger(days) || days < 1 || days > MAX_PLANNED_DAYS) {
      violations.push({
        path: 'plannedWorkingDays',
        reason: 'OUT_OF_RANGE',
        message: `预计所需工作日应为1至${MAX_PLANNED_DAYS}的整数`,
      });
    }
    const c = await loadForCaseAct(deps, command, actor, activeStepPolicy, violations);
    ensureStatus(c, ['processing'], '中止计时（特别程序）');
    const suspension: Suspension = {
      procedure,
      reason: reason.value,
      plannedWorkingDays: days,
      startedDate: todayOf(deps),
      endedDate: '',
      suspendedWorkingDays: 0,
      startedBy: actor.username,
    };
    const pending: Case = { ...c, suspensions: [...c.suspensions, suspension] };
    const notice = await deps.documents.issue(pending, 'suspension_notice', actor.username, {
      reasons: [`因${procedure}中止计时，预计${days}个工作日：${reason.value}`],
    });
    const { case: next, event } = transition(c, {
      action: `特别程序：${procedure}（中止计时）`,
      transition: 'suspended',
      to: 'suspended',
      actor: actorAs(actor, activeStep(c)!.role),
      at: deps.clock.now(),
      reason: reason.value,
      detail: { suspension, documents: [notice] },
      changes: { suspensions: pending.suspensions },
    });
    return deps.cases.save(next, c.version, [event!], actor);
  };
}
