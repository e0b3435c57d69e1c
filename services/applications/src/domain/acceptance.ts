import { stepDueDates, type WorkingCalendar } from '@govhall/calendar';
import type { Case, CaseStatus, CaseStep, Clocks } from './case';
import type { CaseActor, TransitionDetail } from './case-events';
import { computeCaseDeadline, STATUTORY_JOINT_WORKING_DAYS, STATUTORY_WORKING_DAYS } from './clocks/deadline';
import type { Edition, TimeLimit } from './edition';

/** Statuses a case is accepted from (受理): at pre-review, after it passed, or when the paper originals arrived. */
export const ACCEPTABLE: readonly CaseStatus[] = ['pre_review', 'pre_review_passed', 'awaiting_paper'];

/** The item's statutory limit, or the law's (§42: 20 working days; 45 for joint or centralised handling). */
export function statutoryLimit(edition: Edition): TimeLimit {
  if (edition.statutoryLimit.days > 0) return edition.statutoryLimit;
  const joint = edition.handlingCategory === 'joint' || edition.handlingCategory === 'escalated';
  return { days: joint ? STATUTORY_JOINT_WORKING_DAYS : STATUTORY_WORKING_DAYS, unit: 'working_day' };
}

/**
 * Does the case wait for paper originals before it is accepted (A24)? Only an online case: at the counter the clerk
 * sees the originals in the same visit. It waits when the edition needs a visit (visits > 0) or a material the case
 * must provide is an original on paper (form original / original_and_copy, required or provided).
 */
export function needsPaper(c: Pick<Case, 'channel' | 'materials'>, edition: Edition): boolean {
  if (c.channel !== 'online') return false;
  if (edition.visits > 0) return true;
  const provided = new Set(c.materials.filter((m) => m.files.length > 0 || m.licence).map((m) => m.materialId));
  return edition.materials.some(
    (m) => (m.form === 'original' || m.form === 'original_and_copy') && (m.required || provided.has(m.id)),
  );
}

/**
 * The edition's workflow as the case's steps, planned one after the other from the acceptance date: the first
 * step (受理) done by the acceptance itself, the next one active when the case goes on to PROCESSING (joint and
 * escalated cases wait with every later step pending until the joint review concludes).
 */
export function plannedSteps(
  edition: Edition,
  c: Pick<Case, 'department'>,
  calendar: WorkingCalendar,
  acceptedDate: string,
  act: { at: Date; actor: CaseActor; opinion: string; activateNext: boolean },
): CaseStep[] {
  // ADR 0022: step i is due when the budgets of steps 0…i are used up from the acceptance date.
  const planned = stepDueDates(
    calendar,
    acceptedDate,
    edition.workflow.map((s) => Math.max(s.budgetWorkingDays, 0)),
  );
  return edition.workflow.map((s, index): CaseStep => {
    const dueDate = planned[index]!.dueDate;
    const base = {
      index,
      name: s.name,
      role: s.role,
      budgetWorkingDays: s.budgetWorkingDays,
      department: c.department,
      dueDate,
      handledBy: '',
      opinion: '',
    };
    if (index === 0) {
      return {
        ...base,
        state: 'done',
        startedAt: act.at,
        finishedAt: act.at,
        handledBy: act.actor.username,
        opinion: act.opinion,
      };
    }
    if (index === 1 && act.activateNext) return { ...base, state: 'active', startedAt: act.at };
    return { ...base, state: 'pending' };
  });
}

export interface AcceptancePlan {
  /** The acts in order: acceptance (→ PROCESSING), then for joint / escalated items the hand-over. */
  acts: {
    action: string;
    transition: 'accepted' | 'joint_review_requested' | 'escalation_requested';
    to: CaseStatus;
    reason: string;
    detail?: TransitionDetail;
  }[];
  changes: Partial<Case>;
  /** The status after the last act. */
  finalStatus: CaseStatus;
}

/**
 * 受理: the accepted date, the promised and statutory deadlines counted from it, the steps, and where the case goes
 * (PROCESSING; JOINT_REVIEW for joint items with their co-departments; ESCALATED to the parent tenant).
 * `acceptedDate` is the day of receipt for a deemed acceptance (law §32), else today.
 */
export function planAcceptance(
  c: Case,
  edition: Edition,
  calendar: WorkingCalendar,
  input: { acceptedDate: string; at: Date; actor: CaseActor; opinion: string; deemed: boolean; parentTenant: string },
): AcceptancePlan {
  const handedOn = c.handlingCategory === 'joint' || c.handlingCategory === 'escalated';
  const clocks: Clocks = {
    ...c.clocks,
    acceptedDate: input.acceptedDate,
    promised: computeCaseDeadline(calendar, input.acceptedDate, edition.promisedLimit, '承诺办结时限'),
    statutory: computeCaseDeadline(calendar, input.acceptedDate, statutoryLimit(edition), '法定办理时限'),
  };
  const steps = plannedSteps(edition, c, calendar, input.acceptedDate, {
    at: input.at,
    actor: input.actor,
    opinion: input.opinion,
    activateNext: !handedOn,
  });
  const acts: AcceptancePlan['acts'] = [
    {
      action: input.deemed ? '视为受理（法定期限内未一次性告知）' : '受理',
      transition: 'accepted',
      to: 'processing',
      reason: input.opinion,
    },
  ];
  if (c.handlingCategory === 'joint') {
    acts.push({
      action: '转联合审批（联办件）',
      transition: 'joint_review_requested',
      to: 'joint_review',
      reason: '联办件由主办窗口受理后转协办部门并联审查',
      detail: { coDepartments: [...edition.coDepartments] },
    });
  } else if (c.handlingCategory === 'escalated') {
    acts.push({
      action: '上报上级中心（上报件）',
      transition: 'escalation_requested',
      to: 'escalated',
      reason: '上报件由本中心受理后报上级中心办理',
      detail: { escalateTo: input.parentTenant },
    });
  }
  return {
    acts,
    changes: { clocks, steps, deemedAccepted: input.deemed },
    finalStatus: acts[acts.length - 1]!.to,
  };
}
