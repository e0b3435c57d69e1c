import type { Principal } from '@govhall/auth';
import { chinaToday } from '@govhall/calendar';
import { ForbiddenError, PreconditionError, type Violation } from '@govhall/errors';
import { checkText, textViolations } from '@govhall/identifiers';
import { planAcceptance } from '../domain/acceptance';
import type { Case } from '../domain/case';
import { transition, type CaseActor, type CaseEvent } from '../domain/case-events';
import type { CaseCore } from './deps';
import type { Caller, WindowDirectory, WindowPorts, WindowResponsibility } from './window.ports';

/** A clerk's written text on a case (opinion, reason, note): the shared text rule, 2–500 characters. */
export function windowTextViolations(path: string, text: string, label: string, required = true): Violation[] {
  return textViolations(path, text, { label, min: required ? 2 : 0, max: 500, multiline: true });
}

export function cleanText(text: string): string {
  const checked = checkText(text, { label: '', max: 500, multiline: true });
  return checked.ok ? checked.value : text.trim();
}

/** Statuses in which the applicant is still at the counter's pre-review (corrections, scans of paper materials). */
export const AT_COUNTER = ['pre_review', 'pre_review_passed', 'awaiting_paper'] as const;

export function actorOf(principal: Principal): CaseActor {
  return { username: principal.username, role: 'window_clerk' };
}

const BASIS_NAMES: Record<string, string> = {
  a_post: 'A岗',
  b_post: 'B岗（A岗不在岗）',
  department_head: '部门负责人（A、B岗均不在岗）',
  center_admin: '中心管理员',
};

/**
 * Window acts are done by the person who serves the case's window today (ADR 0024): the A post, or the B post
 * when A is absent, as identity answers. Another clerk of the department is refused (PERMISSION_DENIED
 * NOT_WINDOW_RESPONSIBLE, naming who serves the window today). A case without a window (not yet routed) is served
 * by the responsible person of any window serving its department; the act then records that window.
 */
export async function ensureAtWindow(
  deps: { windows: WindowDirectory; clock: CaseCore['clock'] },
  c: Pick<Case, 'tenant' | 'department' | 'windowId'>,
  actor: Principal,
  caller: Caller,
): Promise<WindowResponsibility> {
  const today = chinaToday(deps.clock.now());
  if (c.windowId) {
    const r = await deps.windows.responsible(c.windowId, today, caller);
    if (!r) throw new PreconditionError('WINDOW_UNKNOWN', '办件所在窗口已不存在，请联系中心管理员重新分配窗口');
    if (r.username !== actor.username) {
      const who = r.username ? `${r.displayName || r.username}（${BASIS_NAMES[r.basis] ?? r.basis}）` : '无人';
      throw new ForbiddenError(
        'NOT_WINDOW_RESPONSIBLE',
        `该办件在${r.window.number || r.window.name}窗口办理，今日由${who}负责，您不能办理`,
      );
    }
    return r;
  }
  const serving = (await deps.windows.windowsOf(c.tenant)).filter(
    (w) => w.department === c.department || w.servesDepartments.includes(c.department),
  );
  for (const w of serving) {
    const r = await deps.windows.responsible(w.id, today, caller);
    if (r && r.username === actor.username) return r;
  }
  throw new ForbiddenError(
    'NOT_WINDOW_RESPONSIBLE',
    '您今日不负责受理该部门事项的窗口（由窗口A岗办理，A岗不在岗时由B岗办理），不能办理该办件',
  );
}

/**
 * 受理 (also from SendToAcceptance and the deemed-acceptance timer): deadlines and steps from the pinned edition,
 * the acceptance notice, TRANSITION_ACCEPTED (then the hand-over to joint review or the parent center), in one
 * stored change. `principal` is undefined for the service's own act.
 */
export async function acceptInto(
  core: Pick<CaseCore, 'cases' | 'editions' | 'calendars' | 'documents' | 'clock'>,
  ports: Pick<WindowPorts, 'windows'>,
  c: Case,
  input: {
    actor: CaseActor;
    principal: Principal | undefined;
    opinion: string;
    deemed: boolean;
  },
): Promise<Case> {
  const at = core.clock.now();
  const edition = await core.editions.get(c.itemId);
  if (!edition) throw new PreconditionError('EDITION_UNAVAILABLE', '办件所依据的事项版本暂时无法读取，请稍后重试');
  const calendar = await core.calendars.forTenant(c.tenant);
  const parentTenant = c.handlingCategory === 'escalated' ? await ports.windows.parentTenant(c.tenant) : '';
  if (c.handlingCategory === 'escalated' && !parentTenant) {
    throw new PreconditionError(
      'NO_PARENT_CENTER',
      '本中心没有上级中心，上报件无法上报，请联系中心管理员核对事项的办件类型',
    );
  }
  // Never before the day of receipt: a case received after the hall's closing time counts from the next day, also
  // when the clerk accepts it that same evening (ADR 0026).
  const today = chinaToday(at);
  const acceptedDate = input.deemed || today < c.clocks.receivedDate ? c.clocks.receivedDate : today;
  const plan = planAcceptance(c, edition, calendar, {
    acceptedDate,
    at,
    actor: input.actor,
    opinion: input.opinion,
    deemed: input.deemed,
    parentTenant,
  });
  const preview: Case = { ...c, ...plan.changes, status: plan.finalStatus };
  const notice = await core.documents.issue(preview, 'acceptance_notice', input.actor.username);
  const events: CaseEvent[] = [];
  let next = c;
  plan.acts.forEach((act, i) => {
    const step = transition(next, {
      action: act.action,
      transition: act.transition,
      to: act.to,
      actor: input.actor,
      at,
      reason: act.reason,
      changes: i === 0 ? plan.changes : undefined,
      detail: i === 0 ? { ...act.detail, documents: [notice] } : act.detail,
    });
    next = step.case;
    if (step.event) events.push(step.event);
  });
  return core.cases.save(next, c.version, events, input.principal);
}
