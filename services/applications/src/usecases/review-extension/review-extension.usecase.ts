import type { Principal } from '@govhall/auth';
import { PreconditionError } from '@govhall/errors';
import type { Case, Extension } from '../../domain/case';
import { ensureStatus } from '../../domain/case-status';
import { transition } from '../../domain/case-events';
import { recountedClocks } from '../../domain/clocks/deadline';
import { CENTER_ACTS, HEAD_ACTS } from '../case.policies';
import type { HandlingDeps } from '../handling.deps';
import { actorAs, loadForCaseAct, textField } from '../handling.shared';

export interface ReviewExtensionCommand {
  id: string;
  expectedVersion: number;
  approve: boolean;
  comment: string;
}

/**
 * Reviews the case's extension request (decision 2): first the department head of the case's department (law §42)
 * → HEAD_APPROVED, or APPROVED at once when the tenant's `extension_center_review` is off; then a center admin of
 * the tenant → APPROVED. Either may refuse (the comment is the reason) → REJECTED. When approved, the promised and
 * statutory due dates move by the extension's working days and the applicant gets the written extension notice.
 */
export function reviewExtensionUseCase(deps: HandlingDeps) {
  return async (command: ReviewExtensionCommand, actor: Principal): Promise<Case> => {
    const comment = textField('comment', command.comment, '审核意见', command.approve ? 0 : 2, 500);
    const atCenter = (c: Case) => c.extension?.state === 'head_approved';
    const c = await loadForCaseAct(
      deps,
      command,
      actor,
      (x) => (atCenter(x) ? CENTER_ACTS : HEAD_ACTS),
      comment.violations,
    );
    ensureStatus(c, ['processing', 'suspended'], '审核延期');
    const pending = c.extension;
    if (!pending || (pending.state !== 'requested' && pending.state !== 'head_approved')) {
      throw new PreconditionError('NO_PENDING_EXTENSION', '办件没有待审核的延期申请');
    }
    const byCenter = pending.state === 'head_approved';
    const role = byCenter ? 'center_admin' : 'department_head';
    const reviewed: Extension = byCenter
      ? { ...pending, centerReviewedBy: actor.username }
      : { ...pending, headApprovedBy: actor.username };
    const at = deps.clock.now();
    const actorRef = actorAs(actor, role);

    if (!command.approve) {
      // A refusing head approved nothing: only a refusing center keeps the head's approval on record.
      const extension: Extension = {
        ...reviewed,
        headApprovedBy: pending.headApprovedBy,
        state: 'rejected',
        rejectedReason: comment.value,
      };
      const { case: next, event } = transition(c, {
        action: `${byCenter ? '中心' : '部门负责人'}不同意延期`,
        transition: 'extension_rejected',
        actor: actorRef,
        at,
        reason: comment.value,
        detail: { extension },
        changes: { extension },
      });
      return deps.cases.save(next, c.version, [event!], actor);
    }

    if (!byCenter && (await deps.settings.extensionCenterReview(c.tenant))) {
      const extension: Extension = { ...reviewed, state: 'head_approved' };
      const { case: next, event } = transition(c, {
        action: '部门负责人同意延期，报中心审核',
        transition: 'extension_head_approved',
        actor: actorRef,
        at,
        reason: comment.value,
        detail: { extension },
        changes: { extension },
      });
      return deps.cases.save(next, c.version, [event!], actor);
    }

    const extension: Extension = { ...reviewed, state: 'approved' };
    const calendar = await deps.calendars.forTenant(c.tenant);
    const days = extension.workingDays;
    const clocks = recountedClocks(calendar, c.clocks, {
      suspensions: c.suspensions,
      extensionWorkingDays: days,
      paymentWaits: c.payment?.waits,
    });
    const approved: Case = { ...c, extension, clocks };
    const notice = await deps.documents.issue(approved, 'extension_notice', actor.username, {
      reasons: [extension.reason],
      originalDeadline: c.clocks.promised?.dueDate ?? '',
      approvedBy: [extension.headApprovedBy, extension.centerReviewedBy].filter(Boolean).join('、'),
    });
    const { case: next, event } = transition(c, {
      action: `${byCenter ? '中心审核同意' : '部门负责人批准'}延期${days}个工作日`,
      transition: 'extension_approved',
      actor: actorRef,
      at,
      reason: comment.value || extension.reason,
      detail: { extension, documents: [notice] },
      changes: { extension, clocks },
    });
    return deps.cases.save(next, c.version, [event!], actor);
  };
}
