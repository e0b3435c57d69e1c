import { workingDaysLeft, type WorkingCalendar } from '@govhall/calendar';
import { maskName } from '@govhall/identifiers';
import type { Case, CaseStatus, HandlingCategory } from './case';
import { clockRunning, currentDueDate, queueKinds, QUEUE_KIND_NAMES } from './case-lists';

/** A row of a list: enough to show the case without its materials and history. */
export interface CaseSummary {
  id: string;
  caseNumber: string;
  tenant: string;
  status: CaseStatus;
  itemName: string;
  handlingCategory: HandlingCategory;
  department: string;
  windowId: string;
  applicantName: string;
  submittedDate: string;
  dueDate: string;
  /** Working days left until dueDate (negative: overdue); undefined while no clock runs. */
  workingDaysLeft?: number;
  clockRunning: boolean;
  responsible: string;
  version: number;
  /** The seed's names (即办件 …). */
  kinds: string[];
}

/** The case's current due date and the working days left until it on `today`, as lists and the case page show. */
export interface TimeLeft {
  dueDate: string;
  /** Negative once overdue; undefined while no clock runs. */
  workingDaysLeft?: number;
  clockRunning: boolean;
}

export function timeLeftOf(c: Case, calendar: WorkingCalendar, today: string): TimeLeft {
  const dueDate = currentDueDate(c);
  const running = clockRunning(c);
  return {
    dueDate,
    workingDaysLeft: running && dueDate ? workingDaysLeft(calendar, today, dueDate) : undefined,
    clockRunning: running,
  };
}

export function toSummary(c: Case, calendar: WorkingCalendar, today: string): CaseSummary {
  const left = timeLeftOf(c, calendar, today);
  return {
    id: c.id,
    caseNumber: c.caseNumber,
    tenant: c.tenant,
    status: c.status,
    itemName: c.itemName,
    handlingCategory: c.handlingCategory,
    department: c.department,
    windowId: c.windowId,
    applicantName: maskName(c.applicant.name),
    submittedDate: c.clocks.receivedDate,
    ...left,
    responsible: c.responsible,
    version: c.version,
    kinds: queueKinds(c).map((k) => QUEUE_KIND_NAMES[k]),
  };
}
