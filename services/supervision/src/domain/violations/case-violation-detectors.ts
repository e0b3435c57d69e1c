import { chinaDate } from '@govhall/identifiers';
import type { CaseEventFacts } from './case-event-facts';
import { evidence, type Evidence, type NewViolation, type ViolationKind } from './violation';

/*
 * Automatic detection from one case event, without I/O and without state: every detector reads only the event's
 * facts, so a replay of the topic finds the same violations, and each violation's id is derived from the case and
 * the kind (and the step), so the same violation seen twice (decided late, then 办结 late) is recorded once.
 */

const SLUGS: Record<ViolationKind, string> = {
  DECISION_PAST_LIMIT: 'decision-past-limit',
  STEP_PAST_BUDGET: 'step-past-budget',
  NOTICE_LATE: 'notice-late',
  REFUSAL_WITHOUT_REASONS: 'refusal-without-reasons',
  APPROVAL_WITHOUT_LICENCE_CHECK: 'approval-without-licence-check',
  OUTSIDE_SYSTEM: 'outside-system',
  HOSTED_ITEM_WITHOUT_CASES: 'hosted-item-without-cases',
  PAYMENT_MARKED_BY_STAFF: 'payment-marked-by-staff',
  RECTIFICATION_LATE: 'rectification-late',
  INSPECTION_FINDING: 'inspection-finding',
};

/** `<case id>.<kind>` (or `.<kind>.<step index>`): the same case, kind and step always give the same id. */
export function caseViolationId(caseId: string, kind: ViolationKind, step?: number): string {
  return step === undefined ? `${caseId}.${SLUGS[kind]}` : `${caseId}.${SLUGS[kind]}.${step}`;
}

const DECISIONS = new Set(['DECIDED', 'DECIDED_ON_THE_SPOT', 'RESULT_ISSUED']);
const TRANSITION_NAMES: Record<string, string> = {
  DECIDED: '作出决定',
  DECIDED_ON_THE_SPOT: '当场办结',
  RESULT_ISSUED: '办结（出证）',
  NOT_ACCEPTED: '不予受理',
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
    violation(f, 'DECISION_PAST_LIMIT', `办件${f.caseNumber}承诺${f.promisedDueDate}前办结，实际于${day}${TRANSITION_NAMES[f.transition]}，超过承诺时限`, [
      evidence('承诺办结日期', f.promisedDueDate, f.eventId),
      evidence(`实际${TRANSITION_NAMES[f.transition]}日期`, day, f.eventId),
    ]),
  ];
}

/** 环节超时: a workflow step finished on a day after its due date. */
export function stepPastBudget(f: CaseEventFacts): NewViolation[] {
  const step = f.step;
  if (f.transition !== 'STEP_COMPLETED' || !step || !step.dueDate) return [];
  const day = chinaDate(step.finishedAt ?? f.occurredAt);
  if (day <= step.dueDate) return [];
  return [
    violation(
      f,
      'STEP_PAST_BUDGET',
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
  if (f.transition !== 'ONE_TIME_NOTICE_ISSUED') return [];
  const day = chinaDate(f.occurredAt);
  if (f.channel === 'ONLINE' && f.noticeDueDate && day > f.noticeDueDate) {
    return [
      violation(f, 'NOTICE_LATE', `网上申报的办件${f.caseNumber}应于${f.noticeDueDate}前一次性告知，实际于${day}告知`, [
        evidence('收件日期', f.receivedDate, f.eventId),
        evidence('一次性告知截止日期', f.noticeDueDate, f.eventId),
        evidence('实际告知日期', day, f.eventId),
      ]),
    ];
  }
  if (f.channel === 'COUNTER' && f.receivedDate && day > f.receivedDate) {
    return [
      violation(f, 'NOTICE_LATE', `窗口收件的办件${f.caseNumber}未在收件当次一次性告知，收件${f.receivedDate}，告知${day}`, [
        evidence('收件日期', f.receivedDate, f.eventId),
        evidence('实际告知日期', day, f.eventId),
      ]),
    ];
  }
  return [];
}

const blank = (s: string) => s.trim() === '';

/** 不予受理 / 不予许可 without reasons. */
export function refusalWithoutReasons(f: CaseEventFacts): NewViolation[] {
  if (f.transition === 'NOT_ACCEPTED' && blank(f.reason)) {
    return [
      violation(f, 'REFUSAL_WITHOUT_REASONS', `办件${f.caseNumber}不予受理，未说明理由`, [
        evidence('处理结果', '不予受理', f.eventId),
        evidence('理由', '（未填写）', f.eventId),
      ]),
    ];
  }
  const d = f.decision;
  if ((f.transition === 'DECIDED' || f.transition === 'DECIDED_ON_THE_SPOT') && d?.outcome === 'DENIED' && d.reasons.every(blank)) {
    return [
      violation(
        f,
        'REFUSAL_WITHOUT_REASONS',
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
  if (!(f.transition === 'DECIDED' || f.transition === 'DECIDED_ON_THE_SPOT') || d?.outcome !== 'APPROVED') return [];
  const unchecked = f.licences.filter((l) => !l.checkedAt);
  if (unchecked.length === 0) return [];
  return [
    violation(
      f,
      'APPROVAL_WITHOUT_LICENCE_CHECK',
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
  if (f.transition !== 'DECIDED' || f.acceptedDate || f.decidedOnTheSpot) return [];
  return [
    violation(f, 'OUTSIDE_SYSTEM', `办件${f.caseNumber}没有受理记录即作出决定，疑似体外循环`, [
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
