import { chinaToday } from '@govhall/calendar';
import { openPause, type Matter, type MatterPause } from '../clocks/matter';
import type { ExternalCaseEvent, ExternalEventKind } from './external-case-event';

/** The case status an event leaves an external case in (the cases service's spellings); absent: unchanged. */
const STATUS: Partial<Record<ExternalEventKind, string>> = {
  received: 'received',
  one_time_notice: 'supplement',
  supplemented: 'received',
  accepted: 'processing',
  not_accepted: 'not_accepted',
  suspended: 'suspended',
  resumed: 'processing',
  result_issued: 'completed',
  delivered: 'delivered',
  withdrawn: 'withdrawn',
};

/** Kinds that end the case (办结, or ended otherwise): every clock stops that day. */
const ENDING: readonly ExternalEventKind[] = ['not_accepted', 'result_issued', 'delivered', 'withdrawn'];

/**
 * A case run in a department system (J16) as a supervised matter of its own (ADR 0052): kind `case`, so it is
 * clocked, signalled and counted like a hall case of its department, `matterId` = "<tenant>:<department>:<case
 * number>". Each event moves it on; undefined when it changes nothing (the same event again, or any event but the
 * delivery after the case ended).
 *
 * - Receipt sets the day of receipt, the limits, the channel and the applicant; a one-time notice waits for the
 *   applicant until the supplement (or acceptance).
 * - Acceptance starts the clocks (the limits it states replace those of receipt).
 * - A suspension (§45) pauses them until it resumes; an extension adds its working days.
 * - Steps: each started step gets a clock against its budget, finished when its STEP_FINISHED comes.
 * - The decision stops the statutory clock; a denial ends the case, as do the result (办结), the delivery, a refusal
 *   to accept and a withdrawal: every clock stops, open pauses and steps end that day.
 * The department system's handlers are not GovHall staff: nobody is named, the department's heads are told.
 */
export function externalCaseMatterAfter(stored: Matter | undefined, e: ExternalCaseEvent): Matter | undefined {
  if (stored && stored.lastEventId === e.eventId) return undefined;
  if (stored?.endedDate && e.kind !== 'delivered') return undefined;
  const day = chinaToday(e.occurredAt);
  const m: Matter = {
    ...(stored ?? emptyExternalCase(e)),
    itemName: e.itemName || stored?.itemName || '',
    itemBasicCode: e.itemBasicCode || stored?.itemBasicCode || '',
    lastEventId: e.eventId,
    lastEventAt: e.occurredAt,
    version: (stored?.version ?? 0) + 1,
  };
  m.pauses = (stored?.pauses ?? []).map((p) => ({ ...p }));
  m.steps = (stored?.steps ?? []).map((s) => ({ ...s }));
  m.status = STATUS[e.kind] ?? m.status;
  if (stored?.endedDate) return m; // the delivery of a case already 办结: its status alone
  if (e.promisedLimitWorkingDays > 0) m.promisedLimitWorkingDays = e.promisedLimitWorkingDays;
  if (e.statutoryLimitWorkingDays > 0) m.statutoryLimitWorkingDays = e.statutoryLimitWorkingDays;
  applyKind(m, e, day);
  if (ENDING.includes(e.kind) || (e.kind === 'decided' && e.outcome === 'denied')) end(m, day);
  return m;
}

function applyKind(m: Matter, e: ExternalCaseEvent, day: string): void {
  switch (e.kind) {
    case 'received':
      m.receivedDate ||= day;
      if (e.applicantName) m.applicantName = e.applicantName;
      if (e.channel) m.channel = e.channel;
      break;
    case 'one_time_notice':
      if (!openPause(m, 'applicant')) m.pauses.push(pause('applicant', '', '等待申请人补正材料（一次性告知）', day));
      break;
    case 'supplemented':
      endPause(m, 'applicant', day);
      break;
    case 'accepted':
      m.receivedDate ||= day;
      endPause(m, 'applicant', day);
      m.acceptedDate ||= day;
      break;
    case 'suspended':
      if (!openPause(m, 'suspension')) m.pauses.push(pause('suspension', e.procedure, '', day));
      break;
    case 'resumed':
      endPause(m, 'suspension', day);
      break;
    case 'extended':
      m.extensionWorkingDays += e.extensionWorkingDays;
      break;
    case 'step_started':
      if (e.step && !m.steps.some((s) => s.index === e.step!.index && !s.finishedDate)) startStep(m, e, day);
      break;
    case 'step_finished': {
      const step = m.steps.find((s) => s.index === e.step?.index && !s.finishedDate);
      if (step) Object.assign(step, { finishedDate: day, handledBy: e.handler });
      break;
    }
    case 'decided':
      m.decidedDate ||= day;
      if (e.outcome === 'approved') m.status = 'approved';
      if (e.outcome === 'denied') m.status = 'completed'; // 不予许可: handled, and the case ends
      break;
    default:
      break;
  }
}

function startStep(m: Matter, e: ExternalCaseEvent, day: string): void {
  const s = e.step!;
  m.steps = m.steps.filter((x) => x.index !== s.index);
  m.steps.push({
    index: s.index,
    name: s.name,
    role: '',
    department: m.department,
    budgetWorkingDays: s.budgetWorkingDays,
    startedDate: day,
    finishedDate: '',
    handledBy: e.handler,
  });
  m.steps.sort((a, b) => a.index - b.index);
}

function end(m: Matter, day: string): void {
  m.endedDate = day;
  if (!m.decidedDate && m.acceptedDate) m.decidedDate = day;
  for (const p of m.pauses) if (!p.endedDate) p.endedDate = day < p.startedDate ? p.startedDate : day;
  for (const s of m.steps) if (!s.finishedDate) s.finishedDate = day;
}

function endPause(m: Matter, kind: MatterPause['kind'], day: string): void {
  const p = openPause(m, kind);
  if (p) p.endedDate = day < p.startedDate ? p.startedDate : day;
}

function pause(kind: MatterPause['kind'], procedure: string, reason: string, startedDate: string): MatterPause {
  return { kind, procedure, reason, startedDate, endedDate: '' };
}

function emptyExternalCase(e: ExternalCaseEvent): Matter {
  return {
    matterId: e.caseId,
    kind: 'case',
    tenant: e.tenant,
    caseNumber: e.caseNumber,
    itemName: '',
    itemBasicCode: '',
    department: e.department,
    windowId: '',
    responsible: '',
    responsibleRole: 'department_head',
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
