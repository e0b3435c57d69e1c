import { computeDeadline, type Pause, type WorkingCalendar } from '@govhall/calendar';
import type { SignalLevel } from '../signals/signal-level';
import { addDays, chineseDate, earlierOf, laterOf } from './day-math';
import type { Matter, MatterPause } from './matter';
import { kindWords } from './matter-kind';
import type { ClockPauseView, ClockState, LimitClock, MatterClock, StepClock } from './matter-clock';

/** Law §32: an online case's one-time notice within 5 working days of receipt. */
export const NOTICE_WORKING_DAYS = 5;

/**
 * The matter's clocks on `today` in its tenant's working days (`calendar` carries the tenant's overrides).
 *
 * - Promised limit (承诺办结时限, decision 3): from the day after acceptance until 办结, paused while the case waits
 *   for the applicant or a §45 procedure, moved by an approved extension.
 * - Statutory limit (法定办理时限, §42): the same start and pauses, until the decision.
 * - Steps: each from the day after it started, against its budget, with the same pauses.
 * Elapsed days are the working days after the start up to the day counted (today, or the day the clock stopped)
 * outside pauses; remaining = limit + extension − elapsed (negative once exceeded). Never throws for a year whose
 * calendar is not published: those days are counted Monday to Friday and the clock is `provisional`.
 */
export function computeMatterClock(
  matter: Matter,
  calendar: WorkingCalendar,
  today: string,
  signal: SignalLevel = 'none',
): MatterClock {
  const pauses = toPauses(matter.pauses);
  const promisedAsOf = matter.endedDate || today;
  const statutoryAsOf = matter.decidedDate || matter.endedDate || today;
  const words = kindWords(matter.kind, matter.legKind);
  const promised = limitClock(calendar, words.promised, {
    start: matter.acceptedDate,
    limit: matter.promisedLimitWorkingDays,
    extension: matter.extensionWorkingDays,
    pauses,
    asOf: promisedAsOf,
    stoppedOn: matter.endedDate,
    stopWord: words.promisedStop,
  });
  const statutory = limitClock(calendar, words.statutory, {
    start: matter.acceptedDate,
    limit: matter.statutoryLimitWorkingDays,
    extension: matter.extensionWorkingDays,
    pauses,
    asOf: statutoryAsOf,
    stoppedOn: matter.decidedDate || matter.endedDate,
    stopWord: words.statutoryStop,
  });
  return {
    matterId: matter.matterId,
    kind: matter.kind,
    ...(matter.legKind ? { legKind: matter.legKind } : {}),
    tenant: matter.tenant,
    caseNumber: matter.caseNumber,
    itemName: matter.itemName,
    itemBasicCode: matter.itemBasicCode,
    department: matter.department,
    windowId: matter.windowId,
    responsible: matter.responsible,
    responsibleRole: matter.responsibleRole,
    applicantName: matter.applicantName,
    status: matter.status,
    state: clockState(matter),
    receivedDate: matter.receivedDate,
    acceptedDate: matter.acceptedDate,
    promised,
    statutory,
    steps: matter.steps.map((s) => stepClock(calendar, s, pauses, s.finishedDate || matter.endedDate || today)),
    pauses: matter.pauses.map((p) => pauseView(calendar, p, matter.endedDate || today)),
    signal: matter.imported ? 'none' : signal,
    imported: matter.imported,
    noticeDueDate: noticeDueDate(calendar, matter),
    channel: matter.channel,
    lastEventId: matter.lastEventId,
    lastEventAt: matter.lastEventAt,
    asOfDate: today,
    endedDate: matter.endedDate,
    onTime: promised.startDate === '' || promised.remainingWorkingDays >= 0,
  };
}

function clockState(m: Matter): ClockState {
  if (m.endedDate) return 'stopped';
  if (!m.acceptedDate) return 'not_started';
  return m.pauses.some((p) => !p.endedDate) ? 'paused' : 'running';
}

function toPauses(pauses: readonly MatterPause[]): Pause[] {
  return pauses.map((p) => ({
    from: p.startedDate,
    ...(p.endedDate ? { to: p.endedDate } : {}),
    reason: pauseReason(p),
  }));
}

function pauseReason(p: MatterPause): string {
  if (p.kind === 'suspension') return `特别程序：${p.procedure || p.reason || '中止'}`;
  return p.reason || (p.kind === 'sender' ? '等待下级中心补充材料' : '等待申请人');
}

/** Working days in (from, to] (0 when to ≤ from), unpublished years Monday to Friday. */
function between(calendar: WorkingCalendar, from: string, to: string): { days: number; provisional: boolean } {
  if (to <= from) return { days: 0, provisional: false };
  const r = calendar.workingDaysBetweenProvisional(from, to);
  return { days: r.days, provisional: r.provisional };
}

/** Working days a pause held within (start, asOf]: the days of [from, to) after start, up to asOf. */
function heldWithin(calendar: WorkingCalendar, p: Pause, start: string, asOf: string): number {
  const lo = laterOf(p.from, addDays(start, 1));
  const hi = earlierOf(p.to ?? addDays(asOf, 1), addDays(asOf, 1));
  return hi <= lo ? 0 : between(calendar, addDays(lo, -1), addDays(hi, -1)).days;
}

interface LimitInput {
  start: string;
  limit: number;
  extension: number;
  pauses: Pause[];
  asOf: string;
  stoppedOn: string;
  stopWord: string;
}

function limitClock(calendar: WorkingCalendar, name: string, input: LimitInput): LimitClock {
  const { start, limit, extension, pauses, asOf } = input;
  if (!start) {
    return {
      limitWorkingDays: limit,
      extensionWorkingDays: extension,
      startDate: '',
      dueDate: '',
      elapsedWorkingDays: 0,
      remainingWorkingDays: limit + extension,
      pausedWorkingDays: 0,
      provisional: false,
      explanation: [`${name}：自受理之日次日起算，尚未受理，未开始计时。`],
    };
  }
  const deadline = computeDeadline(calendar, {
    startDate: start,
    limitWorkingDays: limit,
    extensionWorkingDays: extension,
    pauses,
  });
  const span = between(calendar, start, asOf);
  const paused = pauses.reduce((sum, p) => sum + heldWithin(calendar, p, start, asOf), 0);
  const elapsed = span.days - paused;
  const remaining = limit + extension - elapsed;
  const explanation = [`${name}：${deadline.explanation}`];
  if (extension > 0) explanation.push(`经批准延长${extension}个工作日。`);
  for (const p of pauses) {
    const held = heldWithin(calendar, p, start, asOf);
    const until = p.to ? `至${chineseDate(p.to)}恢复计时` : '至今仍暂停';
    explanation.push(`暂停计时（${p.reason}）：自${chineseDate(p.from)}起${until}，不计入${held}个工作日。`);
  }
  explanation.push(statusLine(input, elapsed, remaining));
  return {
    limitWorkingDays: limit,
    extensionWorkingDays: extension,
    startDate: start,
    dueDate: deadline.dueDate,
    elapsedWorkingDays: elapsed,
    remainingWorkingDays: remaining,
    pausedWorkingDays: paused,
    provisional: deadline.provisional || span.provisional,
    explanation,
  };
}

function statusLine(input: LimitInput, elapsed: number, remaining: number): string {
  const verdict = remaining >= 0 ? `剩余${remaining}个工作日` : `已超期${-remaining}个工作日`;
  if (input.stoppedOn) {
    const outcome = remaining >= 0 ? '未超期' : `超期${-remaining}个工作日`;
    return `于${chineseDate(input.stoppedOn)}${input.stopWord}，停止计时，用时${elapsed}个工作日，${outcome}。`;
  }
  return `截至${chineseDate(input.asOf)}已用${elapsed}个工作日，${verdict}。`;
}

function stepClock(calendar: WorkingCalendar, s: Matter['steps'][number], pauses: Pause[], asOf: string): StepClock {
  const due = computeDeadline(calendar, { startDate: s.startedDate, limitWorkingDays: s.budgetWorkingDays, pauses });
  const span = between(calendar, s.startedDate, asOf);
  const paused = pauses.reduce((sum, p) => sum + heldWithin(calendar, p, s.startedDate, asOf), 0);
  const elapsed = span.days - paused;
  const remaining = s.budgetWorkingDays - elapsed;
  return {
    index: s.index,
    name: s.name,
    role: s.role,
    department: s.department,
    budgetWorkingDays: s.budgetWorkingDays,
    startedDate: s.startedDate,
    dueDate: due.dueDate,
    finishedDate: s.finishedDate,
    elapsedWorkingDays: elapsed,
    remainingWorkingDays: remaining,
    overdue: remaining < 0,
    handledBy: s.handledBy,
  };
}

function pauseView(calendar: WorkingCalendar, p: MatterPause, asOf: string): ClockPauseView {
  const end = p.endedDate || addDays(asOf, 1);
  return {
    kind: p.kind,
    procedure: p.procedure,
    reason: p.reason,
    startedDate: p.startedDate,
    endedDate: p.endedDate,
    workingDays: end <= p.startedDate ? 0 : between(calendar, addDays(p.startedDate, -1), addDays(end, -1)).days,
  };
}

function noticeDueDate(calendar: WorkingCalendar, m: Matter): string {
  if (!m.receivedDate) return '';
  if (m.channel !== 'online') return m.receivedDate;
  return computeDeadline(calendar, { startDate: m.receivedDate, limitWorkingDays: NOTICE_WORKING_DAYS }).dueDate;
}
