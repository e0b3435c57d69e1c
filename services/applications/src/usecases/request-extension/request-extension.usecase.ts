import type { Principal } from '@govhall/auth';
import { PreconditionError, type Violation } from '@govhall/errors';
import type { Case, Extension } from '../../domain/case';
import { ensureStatus } from '../../domain/case-status';
import { transition } from '../../domain/case-events';
import { activeStep } from '../../domain/handling';
import { throwIfInvalid } from '../case.policies';
import type { HandlingDeps } from '../handling.deps';
import { activeStepPolicy, actorAs, loadForCaseAct, textField } from '../handling.shared';

/** Law §42: +10 working days; +15 for joint handling (decision 2). */
export function maxExtensionDays(c: Pick<Case, 'handlingCategory'>): number {
  return c.handlingCategory === 'joint' ? 15 : 10;
}

export interface RequestExtensionCommand {
  id: string;
  expectedVersion: number;
  workingDays: number;
  reason: string;
}

/**
 * 延期 (decision 2): the active step's handler asks for more working days with a reason, once per case (a refused
 * request is that once). The deciding department's head reviews it next (ReviewExtension).
 */
export function requestExtensionUseCase(deps: HandlingDeps) {
  return async (command: RequestExtensionCommand, actor: Principal): Promise<Case> => {
    const reason = textField('reason', command.reason, '延期理由', 2, 500);
    const violations: Violation[] = [...reason.violations];
    const days = command.workingDays;
    const c = await loadForCaseAct(deps, command, actor, activeStepPolicy, violations);
    const max = maxExtensionDays(c);
    if (!Number.isInteger(days) || days < 1 || days > max) {
      throwIfInvalid([
        {
          path: 'workingDays',
          reason: 'OUT_OF_RANGE',
          message: `延长期限应为1至${max}个工作日（行政许可法第四十二条）`,
        },
      ]);
    }
    ensureStatus(c, ['processing'], '申请延期');
    if (c.extension) {
      throw new PreconditionError('EXTENSION_ONCE', '每个办件只能申请一次延期，本办件已申请过', {
        extensionState: c.extension.state,
      });
    }
    const extension: Extension = {
      workingDays: days,
      reason: reason.value,
      state: 'requested',
      requestedBy: actor.username,
      headApprovedBy: '',
      centerReviewedBy: '',
      rejectedReason: '',
    };
    const { case: next, event } = transition(c, {
      action: `申请延期${days}个工作日`,
      transition: 'extension_requested',
      actor: actorAs(actor, activeStep(c)!.role),
      at: deps.clock.now(),
      reason: reason.value,
      detail: { extension },
      changes: { extension },
    });
    return deps.cases.save(next, c.version, [event!], actor);
  };
}
