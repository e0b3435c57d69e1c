import { chinaToday } from '@govhall/calendar';
import type { CaseEvent, CaseEventStep } from './case-event';
import { ENDED_STATUSES, openPause, type Matter, type MatterPause, type MatterStep } from './matter';

const APPLICANT_WAITS: Record<string, string> = {
  one_time_notice_issued: '等待申请人补正材料（一次性告知）',
  awaiting_paper: '等待申请人递交纸质材料',
  payment_requested: '等待申请人缴纳费用',
};

/**
 * The matter after one case event, or undefined when the event is older than what was applied (redelivery,
 * replay): the same events in the same order always give the same matter.
 *
 * - Receipt (submitted, registered at the counter) sets the day of receipt; a resubmission ends the wait for the
 *   applicant that a one-time notice or awaiting paper began.
 * - Acceptance starts the clocks: on the day of the event, or on the day of receipt for a deemed acceptance (§32);
 *   the accepting clerk (the event's actor) is kept as `acceptedBy` (ADR 0051).
 * - A suspension pauses them from its start day to the day it resumes; an approved extension adds its days.
 * - Steps: the active step of the facts starts a step clock, STEP_COMPLETED finishes it.
 * - A payment notice (payment_requested) pauses them as a wait for the applicant until it is settled
 *   (payment_settled); after the decision that holds the promised clock and the certificate step only (decision 3).
 * - The decision stops the statutory clock; 办结 or an ending status stops every clock and ends open pauses.
 */
export function applyCaseEvent(matter: Matter | undefined, e: CaseEvent): Matter | undefined {
  if (matter && e.version <= matter.version) return undefined;
  const day = chinaToday(e.occurredAt);
  const f = e.facts;
  const m: Matter = {
    ...(matter ?? emptyMatter(f.caseId)),
    tenant: f.tenant,
    caseNumber: f.caseNumber,
    itemName: f.itemName,
    itemBasicCode: f.itemBasicCode,
    department: f.department,
    windowId: f.windowId,
    responsible: f.responsible,
    responsibleRole: f.responsibleRole,
    applicantName: f.applicantName,
    status: f.status,
    channel: f.channel,
    lastEventId: e.eventId,
    lastEventAt: e.occurredAt,
    version: e.version,
  };
  m.pauses = (matter?.pauses ?? []).map((p) => ({ ...p }));
  m.steps = (matter?.steps ?? []).map((s) => ({ ...s }));
  if (f.promisedLimitWorkingDays > 0 || m.acceptedDate === '') m.promisedLimitWorkingDays = f.promisedLimitWorkingDays;
  if (f.statutoryLimitWorkingDays > 0 || m.acceptedDate === '')
    m.statutoryLimitWorkingDays = f.statutoryLimitWorkingDays;

  switch (e.transition) {
    case 'submitted':
    case 'registered_at_counter':
      if (!m.receivedDate) m.receivedDate = f.receivedDate || day;
      endPause(m, 'applicant', day);
      break;
    case 'one_time_notice_issued':
    case 'awaiting_paper':
    case 'payment_requested':
      if (!openPause(m, 'applicant')) m.pauses.push(pause('applicant', '', APPLICANT_WAITS[e.transition]!, day));
      break;
    case 'accepted':
      if (!m.receivedDate) m.receivedDate = f.receivedDate || day;
      endPause(m, 'applicant', day);
      m.acceptedDate = f.deemedAccepted ? m.receivedDate : day;
      // A deemed acceptance (§32) is the law's, not a clerk's.
      m.acceptedBy = f.deemedAccepted ? '' : e.actor;
      break;
    case 'decided_on_the_spot':
      if (!m.receivedDate) m.receivedDate = f.receivedDate || day;
      if (!m.acceptedDate) {
        m.acceptedDate = day;
        m.acceptedBy = e.actor;
      }
      m.decidedDate = day;
      break;
    case 'suspended':
      if (!openPause(m, 'suspension')) {
        const s = e.suspension;
        m.pauses.push(pause('suspension', s?.procedure ?? '', s?.reason ?? '', s?.startedDate || day));
      }
      break;
    case 'resumed':
      endPause(m, 'suspension', e.suspension?.endedDate || day);
      break;
    case 'payment_settled':
      endPause(m, 'applicant', day);
      break;
    case 'extension_approved':
      m.extensionWorkingDays = e.extension?.workingDays ?? 0;
      break;
    case 'step_completed':
      if (e.step) finishStep(m, e.step, day);
      break;
    case 'decided':
      m.decidedDate = day;
      break;
    default:
      break;
  }
  if (f.activeStep && f.activeStep.startedDate) startStep(m, f.activeStep);
  if (ENDED_STATUSES.includes(f.status) && !m.endedDate) {
    m.endedDate = day;
    if (!m.decidedDate && m.acceptedDate) m.decidedDate = day;
    for (const p of m.pauses) if (!p.endedDate) p.endedDate = day;
    for (const s of m.steps) if (!s.finishedDate) s.finishedDate = day;
  }
  return m;
}

function emptyMatter(matterId: string): Matter {
  return {
    matterId,
    kind: 'case',
    tenant: '',
    caseNumber: '',
    itemName: '',
    itemBasicCode: '',
    department: '',
    windowId: '',
    responsible: '',
    responsibleRole: '',
    acceptedBy: '',
    applicantName: '',
    status: '',
    channel: '',
    receivedDate: '',
    acceptedDate: '',
    decidedDate: '',
    endedDate: '',
    promisedLimitWorkingDays: 0,
    statutoryLimitWorkingDays: 0,
    extensionWorkingDays: 0,
    pauses: [],
    steps: [],
    imported: false,
    lastEventId: '',
    lastEventAt: new Date(0),
    version: 0,
  };
}

function pause(kind: MatterPause['kind'], procedure: string, reason: string, startedDate: string): MatterPause {
  return { kind, procedure, reason, startedDate, endedDate: '' };
}

function endPause(m: Matter, kind: MatterPause['kind'], day: string): void {
  const p = openPause(m, kind);
  if (p) p.endedDate = day < p.startedDate ? p.startedDate : day;
}

function startStep(m: Matter, s: CaseEventStep): void {
  const known = m.steps.find((x) => x.index === s.index);
  if (known) {
    if (!known.finishedDate) Object.assign(known, toStep(s), { finishedDate: '' });
    return;
  }
  m.steps.push({ ...toStep(s), finishedDate: '' });
  m.steps.sort((a, b) => a.index - b.index);
}

function finishStep(m: Matter, s: CaseEventStep, day: string): void {
  const known = m.steps.find((x) => x.index === s.index);
  const finished = { ...toStep(s), finishedDate: s.finishedDate || day };
  if (known) Object.assign(known, finished, { startedDate: known.startedDate || finished.startedDate });
  else if (finished.startedDate) {
    m.steps.push(finished);
    m.steps.sort((a, b) => a.index - b.index);
  }
}

function toStep(s: CaseEventStep): MatterStep {
  return {
    index: s.index,
    name: s.name,
    role: s.role,
    department: s.department,
    budgetWorkingDays: s.budgetWorkingDays,
    startedDate: s.startedDate,
    finishedDate: s.finishedDate,
    handledBy: s.handledBy,
  };
}
