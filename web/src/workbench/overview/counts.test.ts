import type { CaseSummary } from '../../api/types';
import { bucketOf, countQueue, isBucket, isKind, kindSummary, leftSummary, queueHref, totals } from './counts';

let n = 0;
const summary = (over: Partial<CaseSummary>): CaseSummary => ({
  id: `case-${(n += 1)}`,
  tenant: '620321',
  status: 'processing',
  itemName: '食品经营许可',
  handlingCategory: 'promised',
  department: '620321-SCJG',
  applicantName: '王**',
  clockRunning: true,
  workingDaysLeft: 10,
  version: 1,
  kinds: ['承诺件'],
  ...over,
});
const queue = { key: 'window:w1', label: 'E1号窗口 综合受理窗口（A岗）' };

describe('the overview counts a queue by time left, with the queue colours’ thresholds', () => {
  it('puts a case in the bucket of its colour: more than 3 days ample, 1–3 soon, 0 and overdue due, no clock none', () => {
    expect(bucketOf({ workingDaysLeft: 4, clockRunning: true })).toBe('ample');
    expect(bucketOf({ workingDaysLeft: 3, clockRunning: true })).toBe('soon');
    expect(bucketOf({ workingDaysLeft: 1, clockRunning: true })).toBe('soon');
    expect(bucketOf({ workingDaysLeft: 0, clockRunning: true })).toBe('due');
    expect(bucketOf({ workingDaysLeft: -2, clockRunning: true })).toBe('due');
    expect(bucketOf({ workingDaysLeft: 5, clockRunning: false })).toBe('none');
    expect(bucketOf({ clockRunning: true })).toBe('none');
  });

  it('counts each case once in the total and the buckets, and under each kind it carries', () => {
    const counted = countQueue(queue, [
      summary({ workingDaysLeft: 12 }),
      summary({ workingDaysLeft: 2, kinds: ['承诺件', '补办件'], status: 'supplement' }),
      summary({ workingDaysLeft: -1 }),
      summary({ workingDaysLeft: 0, handlingCategory: 'immediate', kinds: ['即办件'] }),
      summary({ clockRunning: false, workingDaysLeft: undefined, status: 'suspended' }),
    ]);
    expect(counted).toEqual({
      key: 'window:w1',
      label: queue.label,
      total: 5,
      byLeft: { due: 2, soon: 1, ample: 1, none: 1 },
      byKind: { immediate: 1, promised: 4, supplement: 1, returned: 0, escalated: 0, joint: 0 },
      partial: false,
    });
  });

  it('does not count a case twice when a page repeats it, nor a kind it names twice', () => {
    const c = summary({ kinds: ['承诺件', '承诺件'] });
    const counted = countQueue(queue, [c, c]);
    expect(counted.total).toBe(1);
    expect(counted.byKind.promised).toBe(1);
  });

  it('adds queues up, and says the numbers in words for screen readers', () => {
    const a = countQueue(queue, [summary({ workingDaysLeft: 2 }), summary({ workingDaysLeft: 9 })]);
    const b = countQueue({ key: 'role:reviewer', label: '审查人员的在办环节' }, [summary({ workingDaysLeft: -3 })]);
    expect(totals([a, b])).toEqual({ total: 3, byLeft: { due: 1, soon: 1, ample: 1, none: 0 } });
    expect(leftSummary(a)).toBe(
      'E1号窗口 综合受理窗口（A岗）按剩余时间：共2件，今日到期或已超期0件，即将到期1件，正常1件，不计时0件',
    );
    expect(kindSummary(b)).toBe(
      '审查人员的在办环节按办件类别：即办件0件，承诺件1件，补办件0件，退回件0件，上报件0件，联办件0件',
    );
  });

  it('gives an empty queue zeros, not nothing', () => {
    const counted = countQueue(queue, []);
    expect(counted.total).toBe(0);
    expect(Object.values(counted.byLeft)).toEqual([0, 0, 0, 0]);
  });
});

describe('the queue page’s address', () => {
  it('carries the queue and one filter, and tells the known filters from the unknown', () => {
    expect(queueHref('window:w1')).toBe('/queue?queue=window%3Aw1');
    expect(queueHref('role:reviewer', { kind: 'promised' })).toBe('/queue?queue=role%3Areviewer&kind=promised');
    expect(queueHref('role:reviewer', { left: 'soon' })).toBe('/queue?queue=role%3Areviewer&left=soon');
    expect(isKind('supplement')).toBe(true);
    expect(isKind('urgent')).toBe(false);
    expect(isKind(null)).toBe(false);
    expect(isBucket('due')).toBe(true);
    expect(isBucket('overdue')).toBe(false);
  });
});
