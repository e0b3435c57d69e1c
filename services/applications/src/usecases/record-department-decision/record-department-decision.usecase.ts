import type { Principal } from '@govhall/auth';
import { PreconditionError, concealForbidden, type Violation } from '@govhall/errors';
import type { Case, CaseStep, Outcome } from '../../domain/case';
import { ensureStatus } from '../../domain/case-status';
import { stepKind } from '../../domain/handling';
import { caseNotFound, caseResource, idViolations, throwIfInvalid } from '../case.policies';
import { JOINT_REVIEW_SERVICE } from '../conclude-joint-review/conclude-joint-review.usecase';
import { decisionViolations } from '../decide-case/decide-case.usecase';
import { recordDecision } from '../decide-case/record-decision';
import type { HandlingDeps } from '../handling.deps';
import { textField } from '../handling.shared';

export interface RecordDepartmentDecisionCommand {
  id: string;
  taskId: string;
  outcome: Outcome | '';
  reasons: string[];
  remedies: string[];
  /** The department system's account (its username). */
  decidedBy: string;
  /** The person the system names as the handler (经办人). */
  handlerName: string;
}

const TASK_ID = /^[A-Za-z0-9_.:-]{1,100}$/;
const USERNAME = /^[A-Za-z0-9_.:@-]{1,100}$/;

function commandViolations(command: RecordDepartmentDecisionCommand) {
  const checked = decisionViolations(command);
  const handler = textField('handlerName', command.handlerName, '经办人', 1, 50, false);
  const violations: Violation[] = [...idViolations(command.id), ...checked.violations, ...handler.violations];
  if (!TASK_ID.test(command.taskId)) {
    violations.push({ path: 'taskId', reason: 'PATTERN', message: '任务编号应为1至100位字母、数字或 _ . : -' });
  }
  if (!USERNAME.test(command.decidedBy)) {
    violations.push({ path: 'decidedBy', reason: 'PATTERN', message: '请提供作出决定的部门系统账号' });
  }
  return { ...checked, handlerName: handler.value, violations };
}

/** Only the center's platform account (role `service`, no department): a department system goes through joint review. */
function isCenterService(actor: Principal): boolean {
  return actor.kind === 'service' && !actor.department;
}

/**
 * The joint-review service reports the decision a department took in its own approval system on a PROCESSING case
 * delegated to it (代受理, DepartmentSystemService.SubmitDecision, ADR 0058). The steps before the decision step are
 * done by the department's system (its account, the handler and the task in the opinion); the decision step decides
 * as DecideCase: approved → APPROVED, denied → COMPLETED. The call has no version: the service acts on the case as it
 * stands; a case no longer PROCESSING (decided meanwhile in the workbench, withdrawn…) is WRONG_STATE.
 */
export function recordDepartmentDecisionUseCase(deps: HandlingDeps) {
  return async (command: RecordDepartmentDecisionCommand, actor: Principal): Promise<Case> => {
    const checked = commandViolations(command);
    throwIfInvalid(checked.violations);
    const c = await deps.cases.findById(command.id);
    if (!c || !isCenterService(actor)) throw caseNotFound();
    concealForbidden(
      () => deps.authorizer.ensure(actor, 'write', caseResource(c), JOINT_REVIEW_SERVICE),
      caseNotFound(),
    );
    ensureStatus(c, ['processing'], '登记部门审批系统的决定');
    const decisionAt = c.steps.findIndex((s) => stepKind(s) === 'decision');
    if (decisionAt < 0) {
      throw new PreconditionError('NO_DECISION_STEP', '该办件的办理流程没有决定环节，不能登记部门的决定');
    }
    const at = deps.clock.now();
    const opinion = `部门审批系统办理（任务 ${command.taskId}，经办人：${checked.handlerName}）`;
    const steps: CaseStep[] = c.steps.map((s, i) => {
      if (i < decisionAt && (s.state === 'active' || s.state === 'pending')) {
        return { ...s, state: 'done', finishedAt: at, handledBy: command.decidedBy, opinion };
      }
      if (i === decisionAt && s.state !== 'active') return { ...s, state: 'active', startedAt: at };
      return s;
    });
    return recordDecision(
      deps,
      {
        case: { ...c, steps },
        step: steps[decisionAt]!,
        outcome: command.outcome as Outcome,
        reasons: checked.reasons,
        remedies: checked.remedies,
        decidedBy: command.decidedBy,
        actor: { username: command.decidedBy, role: 'department_system' },
        reason: `${opinion}${checked.reasons.length ? `：${checked.reasons.join('；')}` : ''}`,
      },
      actor,
    );
  };
}
