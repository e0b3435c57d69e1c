import type { Principal } from '@govhall/auth';
import type { Escalation, EscalationState } from '../../domain/escalations/escalation';
import { escalationDossier } from '../../domain/escalations/escalation-dossier';
import { claimDecisionTask, decideEscalation } from '../../domain/escalations/receiver';
import type { Task, TaskState } from '../../domain/tasks/task';
import type { AttachmentStore } from '../attachments/attachment.ports';
import { attachmentsFor } from '../attachments/use-attachments';
import type { DecisionTasks, SystemDecision } from '../decision-tasks/decision-task.ports';
import { checkTaskVersion, requireTaskHolder } from '../decision-tasks/decision-task.rules';
import { taskNotFound } from '../reviews/review.access';
import type { SystemScope } from '../reviews/system.access';
import type { EscalationDeps } from './escalation.ports';

/** The receiver records that may hold a task in each task state. */
const RECORD_STATES: Record<TaskState, EscalationState[]> = {
  waiting: ['transferring'],
  open: ['in_handling', 'returned'],
  claimed: ['in_handling', 'returned'],
  done: ['decided', 'concluded'],
  cancelled: ['withdrawn'],
};

type Deps = Pick<EscalationDeps, 'escalations' | 'sequencer' | 'clock'> & { attachments: AttachmentStore };

/** The parent's record holding the task, in the system's tenant and department (TASK_NOT_FOUND otherwise). */
async function recordOf(deps: Deps, taskId: string, scope: SystemScope): Promise<Escalation & { task: Task }> {
  const e = taskId ? await deps.escalations.findByTaskId(taskId) : null;
  if (!e?.task || e.side !== 'receiver' || e.tenant !== scope.tenant || e.department !== scope.department) {
    throw taskNotFound();
  }
  return e as Escalation & { task: Task };
}

/**
 * ESCALATION_DECISION tasks for department systems (J15 with J3): the parent department's system pulls the task of an
 * escalated case, claims it (the task and the handling leg become the account's) and decides; the decision is the
 * same act as the workbench's DecideEscalation (→ DECIDED, the decision flows down), recorded with the person the
 * system names and source DEPARTMENT_SYSTEM.
 */
export function escalationDecisionTasks(deps: Deps): DecisionTasks {
  return {
    kind: 'escalation_decision',

    async list(scope, states) {
      const wanted = new Set(states);
      const recordStates = [...new Set(states.flatMap((s) => RECORD_STATES[s]))];
      const records = await deps.escalations.receiversOf(scope.tenant, scope.department, recordStates);
      return records
        .filter((e): e is Escalation & { task: Task } => !!e.task && wanted.has(e.task.state))
        .map((e) => ({ task: e.task, dossier: async () => escalationDossier(e) }));
    },

    async find(taskId) {
      const e = taskId ? await deps.escalations.findByTaskId(taskId) : null;
      return e?.task ?? null;
    },

    async claim(request, scope, actor: Principal) {
      const e = await recordOf(deps, request.taskId, scope);
      checkTaskVersion(e.task, request.expectedVersion);
      const change = claimDecisionTask(e, scope.account, deps.clock.now(), request.handlerName);
      if (change.events.length === 0) return e.task;
      const saved = await deps.escalations.save(change.escalation, e.version, change.events, actor);
      return saved.task!;
    },

    async decide(request: SystemDecision, scope, actor: Principal) {
      const first = await recordOf(deps, request.taskId, scope);
      requireTaskHolder(first.task, scope.account);
      checkTaskVersion(first.task, request.expectedVersion);
      // The decision carries the tenant's next update sequence: written under its lock, on the record as it is now.
      const saved = await deps.sequencer.next(first.tenant, async (sequence) => {
        const e = await recordOf(deps, request.taskId, scope);
        requireTaskHolder(e.task, scope.account);
        checkTaskVersion(e.task, request.expectedVersion);
        const attachments = await attachmentsFor(deps.attachments, request.attachmentIds, actor, e.tenant, e.id);
        const change = decideEscalation(e, {
          outcome: request.outcome,
          reasons: request.reasons,
          remedies: request.remedies,
          documentNumber: request.documentNumber,
          attachments,
          handlerName: request.handlerName.trim(),
          source: 'department_system',
          sequence,
          by: scope.account,
          at: deps.clock.now(),
        });
        return deps.escalations.save(change.escalation, e.version, change.events, actor);
      });
      await deps.attachments.markUsed(request.attachmentIds, saved.id);
      return saved.task!;
    },
  };
}
