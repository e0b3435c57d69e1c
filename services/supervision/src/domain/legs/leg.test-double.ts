import type { JointReviewLeg, LegEventMeta } from './leg';

/**
 * A co-department's leg of review jr-1 at 620321: 3 working days from Monday 2026-11-02 (due Thursday 11-05),
 * running; `over` changes what a test needs.
 */
export function coReviewLeg(over: Partial<JointReviewLeg> = {}): JointReviewLeg {
  return {
    id: 'jr-1:co_review:1',
    kind: 'co_review',
    tenant: '620321',
    department: '620321-ZJJ',
    windowId: '',
    caseId: 'case-1',
    caseNumber: '620321-20261102-0001',
    itemName: '建设工程规划许可',
    itemBasicCode: '000173002000',
    aggregateId: 'jr-1',
    taskId: 'task-1',
    responsible: 'ycx-zjj',
    budgetWorkingDays: 3,
    startDate: '2026-11-02',
    dueDate: '2026-11-05',
    state: 'running',
    end: '',
    startedAt: new Date('2026-11-02T02:00:00Z'),
    finishedAt: undefined,
    pauses: [],
    ...over,
  };
}

/** The event meta of review version `version`, occurring at `at`. */
export function legMeta(version: number, at = '2026-11-02T02:00:00Z'): LegEventMeta {
  return { eventId: `ev-${version}`, version, occurredAt: new Date(at) };
}
