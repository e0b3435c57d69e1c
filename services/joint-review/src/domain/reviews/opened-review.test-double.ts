import { chinaToday, createWorkingCalendar } from '@govhall/calendar';
import type { LegCalendar } from '../legs/leg';
import { defaultFlow } from './joint-flow';
import { openJointReview, type CaseFacts, type JointReview } from './joint-review';

/* A joint case of 620300 and its opened review, for unit tests (no I/O). */

const working = createWorkingCalendar();

/** The statutory working-day calendar, as legs count. */
export const testLegCalendar: LegCalendar = {
  addWorkingDays: (start, n) => working.addWorkingDays(start, n),
  dayOf: (instant) => chinaToday(instant),
  workingDaysBetween: (from, to) => working.workingDaysBetween(from, to),
};

/** A case of 食品经营许可 handed to joint review, promised by 2026-06-25. */
export const testCaseFacts: CaseFacts = {
  tenant: '620300',
  caseId: 'case-1',
  caseNumber: '62030020260604000001',
  itemName: '食品经营许可',
  itemBasicCode: '000111222333',
  itemId: 'item-1',
  itemSeriesId: 'series-1',
  casePromisedDueDate: '2026-06-25',
  caseStatutoryDueDate: '2026-07-02',
};

/**
 * The case's review ('jr-1') opened at `at`, led by 620300-SCJ (window w-scj), with each co-department in its stage
 * (budget 5 working days) and its window lead from `windowLeads`.
 */
export function openedTestReview(
  participants: { department: string; stage: number }[],
  windowLeads: ReadonlyMap<string, string>,
  at: Date,
): JointReview {
  const flow = defaultFlow({
    tenant: testCaseFacts.tenant,
    itemSeriesId: testCaseFacts.itemSeriesId,
    itemName: testCaseFacts.itemName,
    leadDepartment: '620300-SCJ',
    leadWindowId: 'w-scj',
    coDepartments: participants.map((p) => p.department),
    defaultBudgetWorkingDays: 5,
  });
  const stageOf = new Map(participants.map((p) => [p.department, p.stage]));
  let n = 0;
  return openJointReview(
    {
      id: 'jr-1',
      case: testCaseFacts,
      flow: { ...flow, participants: flow.participants.map((p) => ({ ...p, stage: stageOf.get(p.department)! })) },
      leadRule: 'designated_per_item',
      lead: { department: '620300-SCJ', windowId: 'w-scj' },
      windowLeads,
      newTaskId: () => `task-${++n}`,
      at,
      by: 'system',
    },
    testLegCalendar,
  ).review;
}
