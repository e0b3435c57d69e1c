import { createWorkingCalendar, workingDaysLeft } from '@govhall/calendar';
import type { Case } from './case';
import { clockRunning, myList, queueKey, queueKeysOf, queueKinds, queuesOf } from './case-lists';
import { IN_PROGRESS, WITHDRAWABLE } from './case-status';
import { toSummary } from './case-summary';
import { draftCase } from './case.test-double';

const processing = (overrides: Partial<Case> = {}) =>
  draftCase({
    status: 'processing',
    caseNumber: '6203212026093000001',
    windowId: 'w-1',
    clocks: {
      receivedDate: '2026-09-29',
      acceptedDate: '2026-09-29',
      noticeDueDate: '2026-10-13',
      promised: {
        dueDate: '2026-10-13',
        startDate: '2026-09-29',
        limitWorkingDays: 5,
        extensionWorkingDays: 0,
        suspendedWorkingDays: 0,
        provisional: false,
        skipped: [],
        explanation: '',
      },
    },
    steps: [
      {
        index: 0,
        name: '受理',
        role: 'window_clerk',
        budgetWorkingDays: 1,
        department: '620321-SCJG',
        state: 'done',
        dueDate: '',
        handledBy: 'ycx-clerk',
        opinion: '',
      },
      {
        index: 1,
        name: '审查',
        role: 'reviewer',
        budgetWorkingDays: 3,
        department: '620321-SCJG',
        state: 'active',
        dueDate: '2026-10-12',
        handledBy: '',
        opinion: '',
      },
    ],
    ...overrides,
  });

describe('the lists a case is in', () => {
  it('puts each status in one of the applicant’s lists (A26)', () => {
    expect(myList(draftCase())).toBe('drafts');
    expect(myList(draftCase({ status: 'returned' }))).toBe('submitted');
    expect(myList(draftCase({ status: 'pre_review' }))).toBe('submitted');
    expect(myList(draftCase({ status: 'not_accepted' }))).toBe('submitted');
    expect(myList(processing())).toBe('in_progress');
    expect(myList(draftCase({ status: 'suspended' }))).toBe('in_progress');
    expect(myList(draftCase({ status: 'delivered' }))).toBe('completed');
    expect(myList(draftCase({ status: 'withdrawn' }))).toBe('completed');
  });

  it('queues a case at its window before acceptance and with the active step’s role after', () => {
    expect(queuesOf(processing({ status: 'pre_review' }))).toEqual([{ window: 'w-1' }, { department: '620321-SCJG' }]);
    expect(queuesOf(processing())).toEqual([
      { department: '620321-SCJG', role: 'reviewer' },
      { department: '620321-SCJG' },
    ]);
    expect(queuesOf(processing({ status: 'delivered' }))).toEqual([]);
    expect(queuesOf(draftCase())).toEqual([]);
  });

  it('stores a case under each queue of its tenant, alone and with each of its kinds (what ListQueue asks for)', () => {
    expect(queueKeysOf(processing())).toEqual([
      '620321|role:620321-SCJG:reviewer',
      '620321|role:620321-SCJG:reviewer|promised',
      '620321|department:620321-SCJG',
      '620321|department:620321-SCJG|promised',
    ]);
    expect(queueKeysOf(processing())).toContain(
      queueKey('620321', { department: '620321-SCJG', role: 'reviewer' }, 'promised'),
    );
    // Another tenant's queue of the same window or department is another key.
    expect(queueKeysOf(processing())).not.toContain(queueKey('620302', { department: '620321-SCJG' }));
  });

  it('names the seed’s kinds: the category, and 补办件 / 退回件 while it is one (A27)', () => {
    expect(queueKinds(processing())).toEqual(['promised']);
    expect(queueKinds(draftCase({ status: 'supplement', handlingCategory: 'joint' }))).toEqual(['joint', 'supplement']);
    expect(queueKinds(draftCase({ status: 'returned' }))).toEqual(['promised', 'returned']);
  });
});

describe('time remaining', () => {
  const calendar = createWorkingCalendar();

  it('counts working days to the due date across the National Day holiday, 0 on the day, negative after', () => {
    // 2026-09-30 → 2026-10-13: Oct 1–7 off, Oct 10 (Saturday) a make-up working day per the 2026 notice.
    const left = workingDaysLeft(calendar, '2026-09-30', '2026-10-13');
    expect(left).toBe(calendar.workingDaysBetween('2026-09-30', '2026-10-13'));
    expect(left).toBeLessThan(7);
    expect(workingDaysLeft(calendar, '2026-10-13', '2026-10-13')).toBe(0);
    expect(workingDaysLeft(calendar, '2026-10-15', '2026-10-13')).toBe(-2);
  });

  it('shows the row masked, with days left only while a clock runs', () => {
    const row = toSummary(processing(), calendar, '2026-10-12');
    expect(row).toMatchObject({ applicantName: '张*', dueDate: '2026-10-13', workingDaysLeft: 1, kinds: ['承诺件'] });
    expect(toSummary(processing({ status: 'suspended' }), calendar, '2026-10-12').workingDaysLeft).toBeUndefined();
  });
});

describe('a case waiting for payment (收缴分离)', () => {
  it('is in progress for the applicant, its clock paused, in the department’s open cases but no role’s queue', () => {
    const waiting = processing({ status: 'awaiting_payment' });
    expect(myList(waiting)).toBe('in_progress');
    expect(clockRunning(waiting)).toBe(false);
    expect(clockRunning(processing({ status: 'approved' }))).toBe(true);
    expect(queuesOf(waiting)).toEqual([{ department: '620321-SCJG' }]);
    expect(queuesOf(processing({ status: 'approved' }))).toContainEqual({
      department: '620321-SCJG',
      role: expect.any(String),
    });
    expect(WITHDRAWABLE).not.toContain('awaiting_payment');
    expect(IN_PROGRESS).toContain('awaiting_payment');
  });
});
