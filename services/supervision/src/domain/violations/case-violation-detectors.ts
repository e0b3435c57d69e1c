import { chinaDate } from '@govhall/identifiers';
import type { CaseEventFacts } from './case-event-facts';
import { evidence, type Evidence, type NewViolation, type ViolationKind } from './violation';

/*
 * Automatic detection from one case event, without I/O and without state: every detector reads only the event's
 * facts, so a replay of the topic finds the same violations, and each violation's id is derived from the case and
 * the kind (and the step), so the same violation seen twice (decided late, then 办结 late) is recorded once.
 */

const SLUGS: Record<ViolationKind, string> = {
  decision_past_limit: 'decision-past-limit',
  step_past_budget: 'step-past-budget',
  notice_late: 'notice-late',
  refusal_without_reasons: 'refusal-without-reasons',
  approval_without_licence_check: 'approval-without-licence-check',
  outside_system: 'outside-system',
  hosted_item_without_cases: 'hosted-item-without-cases',
  payment_marked_by_staff: 'payment-marked-by-staff',
  rectification_late: 'rectification-late',
  inspection_finding: 'inspection-finding',
  fee_outside_center: 'fee-outside-center',
  slip_unconfirmed: 'slip-unconfirmed',
  complaint_late: 'complaint-late',
  complaint_justified: 'complaint-justified',
};

/** `<case id>.<kind>` (or `.<kind>.<step index>`): the same case, kind and step always give the same id. */
export function caseViolationId(caseId: string, kind: ViolationKind, step?: number): string {
  return step === undefined ? `${caseId}.${SLUGS[kind]}` : `${caseId}.${SLUGS[kind]}.${step}`;
}

const DECISIONS = new Set(['decided', 'decided_on_the_spot', 'result_issued']);
const TRANSITION_NAMES: Record<string, string> = {
  decided: '作出决定',
  decided_on_the_spot: '当场办结',
  result_issued: '办结（出证）',
  not_accepted: '不予受理',
};

function violation(
  f: CaseEventFacts,
  kind: ViolationKind,
  summary: string,
  facts: Evidence[],
  options: { step?: number; person?: string } = {},
): NewViolation {
  return {
    id: caseViolationId(f.caseId, kind, options.step),
    tenant: f.tenant,
    kind,
    summary,
    evidence: [evidence('办件编号', f.caseNumber, f.eventId), ...facts],
    occurredDate: chinaDate(f.occurredAt),
    matterId: f.caseId,
    caseNumber: f.caseNumber,
    itemName: f.itemName,
    department: f.department,
    windowId: f.windowId,
    person: options.person ?? (f.actor || f.responsible),
  };
}

/** 超期办结: a decision or 办结 on a day after the promised due date. */
export function decisionPastLimit(f: CaseEventFacts): NewViolation[] {
  if (!DECISIONS.has(f.transition) || !f.promisedDueDate) return [];
  const day = chinaDate(f.occurredAt);
  if (day <= f.promisedDueDate) return [];
  return [
    violation(
      f,
      'decision_past_limit',
      `办件${f.caseNumber}承诺${f.promisedDueDate}前办结，实际于${day}${TRANSITION_NAMES[f.transition]}，超过承诺时限`,
      [
        evidence('承诺办结日期', f.promisedDueDate, f.eventId),
        evidence(`实际${TRANSITION_NAMES[f.transition]}日期`, day, f.eventId),
      ],
    ),
  ];
}

/** 环节超时: a workflow step finished on a day after its due date. */
export function stepPastBudget(f: CaseEventFacts): NewViolation[] {
  const step = f.step;
  if (f.transition !== 'step_completed' || !step || !step.dueDate) return [];
  const day = chinaDate(step.finishedAt ?? f.occurredAt);
  if (day <= step.dueDate) return [];
  return [
    violation(
      f,
      'step_past_budget',
      `办件${f.caseNumber}的“${step.name}”环节应于${step.dueDate}前完成，实际于${day}完成，超出环节时限`,
      [
        evidence('环节', `${step.index + 1}. ${step.name}`, f.eventId),
        evidence('环节时限（工作日）', String(step.budgetWorkingDays), f.eventId),
        evidence('环节应完成日期', step.dueDate, f.eventId),
        evidence('环节实际完成日期', day, f.eventId),
      ],
      { step: step.index, person: step.handledBy || f.actor },
    ),
  ];
}

/**
 * 一次性告知超时. Online: the notice came after the notice due date (5 working days after receipt). Counter: the
 * notice must be given in the same visit, seen in the events as the day of receipt: a notice on a later day than
 * the received date was not given in the same visit (ADR 0037).
 */
export function noticeLate(f: CaseEventFacts): NewViolation[] {
  if (f.transition !== 'one_time_notice_issued') return [];
  const day = chinaDate(f.occurredAt);
  if (f.channel === 'online' && f.noticeDueDate && day > f.noticeDueDate) {
    return [
      violation(f, 'notice_late', `网上申报的办件${f.caseNumber}应于${f.noticeDueDate}前一次性告知，实际于${day}告知`, [
        evidence('收件日期', f.receivedDate, f.eventId),
        evidence('一次性告知截止日期', f.noticeDueDate, f.eventId),
        evidence('实际告知日期', day, f.eventId),
      ]),
    ];
  }
  if (f.channel === 'counter' && f.receivedDate && day > f.receivedDate) {
    return [
      violation(
        f,
        'notice_late',
        `窗口收件的办件${f.caseNumber}未在收件当次一次性告知，收件${f.receivedDate}，告知${day}`,
        [evidence('收件日期', f.receivedDate, f.eventId), evidence('实际告知日期', day, f.eventId)],
      ),
    ];
  }
  return [];
}

const blank = (s: string) => s.trim() === '';

/** 不予受理 / 不予许可 without reasons. */
export function refusalWithoutReasons(f: CaseEventFacts): NewViolation[] {
  if (f.transition === 'not_accepted' && blank(f.reason)) {
    return [
      violation(f, 'refusal_without_reasons', `办件${f.caseNumber}不予受理，未说明理由`, [
        evidence('处理结果', '不予受理', f.eventId),
        evidence('理由', '（未填写）', f.eventId),
      ]),
    ];
  }
  const d = f.decision;
  if (
    (f.transition === 'decided' || f.transition === 'decided_on_the_spot') &&
    d?.outcome === 'denied' &&
    d.reasons.every(blank)
  ) {
    return [
      violation(
        f,
        'refusal_without_reasons',
        `办件${f.caseNumber}作出不予许可决定，未说明理由`,
        [evidence('处理结果', '不予许可', f.eventId), evidence('理由', '（未填写）', f.eventId)],
        { person: d.decidedBy || f.actor },
      ),
    ];
  }
  return [];
}

/** 未核实证照即审批 (S3): an approval while a cited licence was never checked against the library. */
export function approvalWithoutLicenceCheck(f: CaseEventFacts): NewViolation[] {
  const d = f.decision;
  if (!(f.transition === 'decided' || f.transition === 'decided_on_the_spot') || d?.outcome !== 'approved') return [];
  const unchecked = f.licences.filter((l) => !l.checkedAt);
  if (unchecked.length === 0) return [];
  return [
    violation(
      f,
      'approval_without_licence_check',
      `办件${f.caseNumber}引用的证照未经核验即准予许可`,
      [
        evidence('处理结果', '准予许可', f.eventId),
        ...unchecked.map((l) => evidence('未核验的引用证照', `${l.licenceType} ${l.licenceNumber}`.trim(), f.eventId)),
      ],
      { person: d.decidedBy || f.actor },
    ),
  ];
}

/** 体外循环: a decision with no recorded acceptance (an on-the-spot decision accepts in the same act). */
export function outsideSystem(f: CaseEventFacts): NewViolation[] {
  if (f.transition !== 'decided' || f.acceptedDate || f.decidedOnTheSpot) return [];
  return [
    violation(f, 'outside_system', `办件${f.caseNumber}没有受理记录即作出决定，疑似体外循环`, [
      evidence('受理日期', '（无受理记录）', f.eventId),
      evidence('决定日期', chinaDate(f.occurredAt), f.eventId),
    ]),
  ];
}

export const CASE_DETECTORS = [
  decisionPastLimit,
  stepPastBudget,
  noticeLate,
  refusalWithoutReasons,
  approvalWithoutLicenceCheck,
  outsideSystem,
];

/** Every violation one case event shows. */
export function detectCaseViolations(f: CaseEventFacts): NewViolation[] {
  return CASE_DETECTORS.flatMap((detect) => detect(f));
}
