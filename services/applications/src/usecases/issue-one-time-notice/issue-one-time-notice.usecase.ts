import type { Principal } from '@govhall/auth';
import { chinaToday } from '@govhall/calendar';
import { PreconditionError, type Violation } from '@govhall/errors';
import type { Case, Problem } from '../../domain/case';
import { ensureStatus, STATUS_NAMES } from '../../domain/case-status';
import { transition } from '../../domain/case-events';
import { NOTICE_WORKING_DAYS, noticeDueDate } from '../../domain/clocks/deadline';
import { WINDOW_ACTS, loadForAct, throwIfInvalid } from '../case.policies';
import type { CaseCore } from '../deps';
import { actorOf, cleanText, ensureAtWindow, windowTextViolations } from '../window.acts';
import type { Caller, WindowPorts } from '../window.ports';

export interface IssueOneTimeNoticeCommand {
  id: string;
  expectedVersion: number;
  problems: { ruleId: string; field: string; materialId: string; message: string }[];
}

const NOTICEABLE = ['pre_review', 'pre_review_passed', 'awaiting_paper'] as const;

function problemViolations(cmd: IssueOneTimeNoticeCommand, materialIds: ReadonlySet<string>): Violation[] {
  if (cmd.problems.length === 0) {
    return [{ path: 'problems', reason: 'REQUIRED', message: '一次性告知应列明需要补正的全部内容，至少一项' }];
  }
  return cmd.problems.flatMap((p, i): Violation[] => {
    const v = windowTextViolations(`problems[${i}].message`, p.message, '补正内容');
    if (!p.field.trim() && !p.materialId) {
      v.push({ path: `problems[${i}]`, reason: 'REQUIRED', message: '请指明需要补正的表单字段或材料' });
    }
    if (p.materialId && !materialIds.has(p.materialId)) {
      v.push({ path: `problems[${i}].materialId`, reason: 'UNKNOWN', message: '该事项没有这项材料' });
    }
    return v;
  });
}

/** A one-time notice already issued in this submission round (since the last submission or registration). */
function noticeOfThisRound(c: Case): boolean {
  const since = c.submittedAt?.getTime() ?? 0;
  return c.documents.some((d) => d.kind === 'one_time_notice' && new Date(d.issuedAt).getTime() >= since);
}

/**
 * 一次性告知 (decision 1): every problem in one notice → SUPPLEMENT, with the written notice. Never a second partial
 * notice in the same round: refused (FAILED_PRECONDITION ONE_TIME_NOTICE_ALREADY_ISSUED) until the applicant
 * resubmits. The notice is due on the spot at the counter (tenant setting counter_notice_working_days, default 0)
 * and within 5 working days of receipt online (law §32); a late one is still issued — the applicant must have
 * it — and recorded as late in the history and the event's reason, for supervision to judge.
 */
export function issueOneTimeNoticeUseCase(deps: CaseCore & WindowPorts) {
  return async (cmd: IssueOneTimeNoticeCommand, actor: Principal, caller: Caller): Promise<Case> => {
    const c = await loadForAct(deps, cmd, actor, WINDOW_ACTS);
    if (c.status === 'supplement' || (NOTICEABLE.includes(c.status as never) && noticeOfThisRound(c))) {
      throw new PreconditionError(
        'ONE_TIME_NOTICE_ALREADY_ISSUED',
        `本轮申请已出具一次性告知书（办件当前状态为“${STATUS_NAMES[c.status]}”）：一次性告知须一次列明全部补正内容，不得再次告知；请待申请人补正并重新提交后再审查`,
        { currentStatus: c.status },
      );
    }
    ensureStatus(c, NOTICEABLE, '出具一次性告知书');
    const edition = await deps.editions.get(c.itemId);
    throwIfInvalid(problemViolations(cmd, new Set(edition?.materials.map((m) => m.id) ?? [])));
    const window = await ensureAtWindow(deps, c, actor, caller);

    const at = deps.clock.now();
    const today = chinaToday(at);
    const calendar = await deps.calendars.forTenant(c.tenant);
    const due =
      c.channel === 'counter'
        ? noticeDueDate(calendar, c.clocks.receivedDate, await deps.settings.counterNoticeWorkingDays(c.tenant))
        : c.clocks.noticeDueDate || noticeDueDate(calendar, c.clocks.receivedDate, NOTICE_WORKING_DAYS);
    const late = today > due;
    const rule =
      c.channel === 'counter'
        ? '窗口申请应当场一次性告知（本中心设置）'
        : '网上申请应自收到申请之日起5个工作日内告知（行政许可法第三十二条）';
    const problems: Problem[] = cmd.problems.map((p) => ({
      ruleId: p.ruleId.trim() || 'manual',
      field: p.field.trim(),
      materialId: p.materialId,
      message: cleanText(p.message),
    }));
    const reason = late
      ? `一次性告知逾期：${rule}，应于${due}前告知，实际于${today}告知`
      : `一次性告知补正内容共${problems.length}项`;
    const preview: Case = { ...c, status: 'supplement', problems };
    const notice = await deps.documents.issue(preview, 'one_time_notice', actor.username, {
      reasons: problems.map((p) => p.message),
    });
    const { case: next, event } = transition(c, {
      action: late ? '出具一次性告知书（逾期）' : '出具一次性告知书',
      transition: 'one_time_notice_issued',
      to: 'supplement',
      actor: actorOf(actor),
      at,
      reason,
      changes: { problems, windowId: window.window.id },
      detail: { problems, documents: [notice] },
    });
    return deps.cases.save(next, c.version, event ? [event] : [], actor);
  };
}
