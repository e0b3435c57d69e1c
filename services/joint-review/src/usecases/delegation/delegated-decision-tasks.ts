import type { Principal } from '@govhall/auth';
import { ConcurrencyError, ValidationError } from '@govhall/errors';
import {
  claimDelegatedTask,
  delegatedDossier,
  recordDelegatedDecision,
  type DelegatedCase,
  type DelegatedCaseState,
} from '../../domain/delegation/delegated-case';
import {
  decisionViolations,
  type DecisionOutcome,
  type Task,
  type TaskDecision,
  type TaskState,
} from '../../domain/tasks/task';
import type { AttachmentStore } from '../attachments/attachment.ports';
import { attachmentsFor } from '../attachments/use-attachments';
import type { DecisionTasks, SystemDecision } from '../decision-tasks/decision-task.ports';
import { checkTaskVersion, requireTaskHolder } from '../decision-tasks/decision-task.rules';
import { taskNotFound } from '../reviews/review.access';
import { legCalendar } from '../reviews/leg-calendar';
import type { SystemScope } from '../reviews/system.access';
import { fileNotFound } from '../shared-view/shared-view';
import type { SharedCases } from '../shared-view/shared-view.ports';
import type { DelegationDeps, DepartmentDecisions } from './delegation.ports';

/** The delegated cases that may hold a task in each task state. */
const CASE_STATES: Record<TaskState, DelegatedCaseState[]> = {
  waiting: [],
  open: ['at_department'],
  claimed: ['at_department'],
  done: ['replying', 'replied'],
  cancelled: ['cancelled'],
};

/** A department's delegated cases are few: one read of its list keys. */
const ALL = { pageSize: 10_000, pageToken: '' };

export type DelegatedDecisionDeps = Pick<DelegationDeps, 'delegatedCases' | 'duty' | 'calendars' | 'clock'> & {
  attachments: AttachmentStore;
  cases: SharedCases;
  decisions: DepartmentDecisions;
};

type WithTask = DelegatedCase & { task: Task };

async function caseOf(deps: DelegatedDecisionDeps, taskId: string, scope: SystemScope): Promise<WithTask> {
  const dc = await deps.delegatedCases.findByTaskId(taskId);
  if (!dc?.task || dc.tenant !== scope.tenant || dc.department !== scope.department) throw taskNotFound();
  return dc as WithTask;
}

/** The department's decision came back on the case stream first: it gets what the system said of it. */
const fromThisSystem = (dc: DelegatedCase, account: string) =>
  dc.decision?.source === 'case_stream' && dc.decision.decidedBy === account;

/**
 * DELEGATED_DECISION tasks for department systems (J15 with J7, ADR 0058): the entrusting department's system pulls
 * the task of a case the center's comprehensive window accepted and transferred, with the whole case as its dossier,
 * claims it (the task and the department leg become the account's) and decides. The decision is the cases service's
 * (RecordDepartmentDecision: the case is APPROVED or COMPLETED as if its approver decided); the delegated case then
 * records it with the handler, the document number and the attachments, source DEPARTMENT_SYSTEM, and the reply leg
 * starts. Should the case stream's DECIDED transition arrive first, the record it made gets those details.
 */
export function delegatedDecisionTasks(deps: DelegatedDecisionDeps): DecisionTasks {
  const record = async (
    taskId: string,
    scope: SystemScope,
    decision: TaskDecision,
    actor: Principal,
  ): Promise<DelegatedCase> => {
    // Each conflict is another writer done with the case; a few rereads settle it (the last one's conflict is thrown).
    for (let attempt = 1; ; attempt += 1) {
      const dc = await caseOf(deps, taskId, scope);
      try {
        if (dc.state === 'at_department') {
          const change = recordDelegatedDecision(
            dc,
            decision,
            await deps.duty.windowResponsible(dc.tenant, dc.windowId),
            legCalendar(await deps.calendars.forTenant(dc.tenant)),
          );
          if (change) return await deps.delegatedCases.save(change.delegatedCase, dc.version, change.events, actor);
        }
        if (!fromThisSystem(dc, scope.account)) return dc;
        const detailed: TaskDecision = { ...decision, decidedAt: dc.decision!.decidedAt };
        return await deps.delegatedCases.save(
          { ...dc, decision: detailed, task: { ...dc.task, decision: detailed } },
          dc.version,
          [],
          actor,
        );
      } catch (e) {
        if (!(e instanceof ConcurrencyError) || attempt >= 5) throw e;
      }
    }
  };

  return {
    kind: 'delegated_decision',

    async list(scope, states) {
      const wanted = new Set(states);
      const caseStates = [...new Set(states.flatMap((s) => CASE_STATES[s]))];
      if (caseStates.length === 0) return [];
      const page = await deps.delegatedCases.list(
        { tenant: scope.tenant, department: scope.department, states: caseStates },
        ALL,
      );
      return page.items
        .filter((dc): dc is WithTask => !!dc.task && wanted.has(dc.task.state))
        .map((dc) => ({
          task: dc.task,
          dossier: async () => delegatedDossier(dc, await deps.cases.sharedCase(dc.tenant, dc.caseId)),
        }));
    },

    async find(taskId) {
      return (await deps.delegatedCases.findByTaskId(taskId))?.task ?? null;
    },

    async claim(request, scope, actor) {
      const dc = await caseOf(deps, request.taskId, scope);
      checkTaskVersion(dc.task, request.expectedVersion);
      const change = claimDelegatedTask(dc, scope.account, deps.clock.now(), request.handlerName);
      if (change.events.length === 0) return dc.task;
      return (await deps.delegatedCases.save(change.delegatedCase, dc.version, change.events, actor)).task!;
    },

    async decide(request: SystemDecision, scope, actor) {
      const dc = await caseOf(deps, request.taskId, scope);
      // A retry after the decision was recorded (on the case stream, or by this call) answers the task.
      if (dc.task.state === 'done' && dc.decision?.decidedBy === scope.account) return dc.task;
      requireTaskHolder(dc.task, scope.account);
      checkTaskVersion(dc.task, request.expectedVersion);
      const violations = decisionViolations(request);
      if (violations.length > 0) throw new ValidationError(violations);
      const attachments = await attachmentsFor(deps.attachments, request.attachmentIds, actor, dc.tenant, dc.id);
      const outcome = request.outcome as DecisionOutcome;
      const handlerName = request.handlerName.trim();
      await deps.decisions.record(dc.tenant, dc.caseId, {
        taskId: dc.task.id,
        outcome,
        reasons: request.reasons,
        remedies: request.remedies,
        decidedBy: scope.account,
        handlerName,
      });
      const saved = await record(
        request.taskId,
        scope,
        {
          outcome,
          reasons: request.reasons,
          remedies: request.remedies,
          documentNumber: request.documentNumber,
          attachments,
          decidedBy: scope.account,
          handlerName,
          decidedAt: deps.clock.now(),
          source: 'department_system',
        },
        actor,
      );
      await deps.attachments.markUsed(request.attachmentIds, dc.id);
      return saved.task!;
    },

    async file(taskId, fileId, scope) {
      const dc = await caseOf(deps, taskId, scope);
      const attached = [...(dc.decision?.attachments ?? [])].find((a) => a.id === fileId);
      if (attached) {
        const content = await deps.attachments.content(attached.id);
        if (!content) throw fileNotFound();
        return { fileName: attached.fileName, contentType: attached.contentType, content };
      }
      const dossier = delegatedDossier(dc, await deps.cases.sharedCase(dc.tenant, dc.caseId));
      const file = dossier.materials.flatMap((m) => m.files).find((f) => f.id === fileId);
      if (!file) throw fileNotFound();
      const content = await deps.cases.fileContent(dc.tenant, dc.caseId, file.id);
      return { fileName: file.fileName, contentType: file.contentType, content };
    },
  };
}
