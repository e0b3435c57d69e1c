import type { CaseEvent } from '../clocks/case-event';
import { caseEvent } from '../clocks/case-event.test-double';
import { applyCaseEvent } from '../clocks/apply-case-event';
import { computeMatterClock } from '../clocks/compute-matter-clock';
import { createWorkingCalendar } from '@govhall/calendar';
import { emptyCounts, ratesOf, type KpiFigures } from './kpi';
import { kpiDayRows } from './kpi-facts';
import { periodKeyOf, periodKeys, periodRange } from './kpi-period';
import { buildMonthlyBulletin, formatRate, rankDepartments } from './monthly-bulletin';

describe('KPI periods', () => {
  it('reads each kind’s key and refuses impossible ones', () => {
    expect(periodRange({ kind: 'month', key: '2026-02' })).toEqual({ firstDay: '2026-02-01', lastDay: '2026-02-28' });
    expect(periodRange({ kind: 'quarter', key: '2026-Q4' })).toEqual({ firstDay: '2026-10-01', lastDay: '2026-12-31' });
    expect(periodRange({ kind: 'year', key: '2024' })).toEqual({ firstDay: '2024-01-01', lastDay: '2024-12-31' });
    expect(periodRange({ kind: 'day', key: '2026-02-29' })).toBeUndefined();
    expect(periodRange({ kind: 'month', key: '2026-00' })).toBeUndefined();
    expect(periodRange({ kind: 'quarter', key: '2026-Q0' })).toBeUndefined();
  });

  it('lists the keys of a range and places a day in its period', () => {
    expect(periodKeys('quarter', '2025-Q4', '2026-Q2')).toEqual(['2025-Q4', '2026-Q1', '2026-Q2']);
    expect(periodKeys('month', '2026-11', '2027-01')).toEqual(['2026-11', '2026-12', '2027-01']);
    expect(periodKeys('day', '2026-02-27', '2026-03-01')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01']);
    expect(periodKeyOf('quarter', '2026-07-01')).toBe('2026-Q3');
  });
});

describe('a day’s counts from its facts', () => {
  const calendar = createWorkingCalendar({ overrides: [] });
  const ended = (extra: Partial<CaseEvent['facts']>, endedOn: string, imported = false) => {
    const accepted = applyCaseEvent(undefined, caseEvent(1, 'accepted', '2026-11-02', { facts: extra }))!;
    const matter = {
      ...applyCaseEvent(accepted, caseEvent(2, 'completed', endedOn, { facts: { ...extra, status: 'completed' } }))!,
      imported,
    };
    return { matter, clock: computeMatterClock(matter, calendar, endedOn) };
  };

  it('a joint review’s leg adds no acceptance or completion: it is part of a case counted already (ADR 0052)', () => {
    const a = ended({ caseId: 'a' }, '2026-11-04');
    const leg = { ...a, matter: { ...a.matter, matterId: 'jr-1:co_review:1', kind: 'joint_review_leg' as const } };
    const rows = kpiDayRows({
      tenant: '620321',
      day: '2026-11-04',
      accepted: [{ matter: leg.matter }],
      ended: [a, leg],
      signals: [{ tenant: '620321', department: '620321-ZJJ', windowId: '', person: '', level: 'yellow' }],
      violations: [],
    });
    const tenant = rows.find((r) => r.subject.level === 'tenant')!;
    expect(tenant.counts).toMatchObject({ accepted: 0, completed: 1, yellowCards: 1 });
    expect(rows.find((r) => r.subject.id === '620321-ZJJ')!.counts).toMatchObject({ completed: 0, yellowCards: 1 });
  });

  it('an imported matter counts in the statistics like the others (S31)', () => {
    const a = ended({ caseId: 'a' }, '2026-11-04');
    const b = ended({ caseId: 'b', channel: 'online' }, '2026-11-04', true);
    const rows = kpiDayRows({
      tenant: '620321',
      day: '2026-11-04',
      accepted: [],
      ended: [a, b],
      signals: [],
      violations: [],
    });
    const tenant = rows.find((r) => r.subject.level === 'tenant')!;
    expect(tenant.counts).toMatchObject({ completed: 2, onTime: 2, early: 2, online: 1, accepted: 0 });
    expect(rows.map((r) => r.subject.level).sort()).toEqual(['department', 'person', 'tenant', 'window']);
  });

  it('a case’s acceptance and completion count for the clerk who accepted it, not whoever acted last (ADR 0051)', () => {
    // Accepted by ycx-clerk, the result issued by another clerk: the completed case names no responsible person.
    const done = (caseId: string, endedOn: string) => {
      const accepted = applyCaseEvent(undefined, caseEvent(1, 'accepted', '2026-11-02', { facts: { caseId } }))!;
      const matter = applyCaseEvent(
        accepted,
        caseEvent(2, 'result_issued', endedOn, {
          actor: 'ycx-clerk-b',
          facts: { caseId, status: 'completed', responsible: '', responsibleRole: '' },
        }),
      )!;
      return { matter, clock: computeMatterClock(matter, calendar, endedOn) };
    };
    const onTime = done('a', '2026-11-04');
    const late = done('b', '2026-11-20');
    const day = (d: string, facts: Partial<Parameters<typeof kpiDayRows>[0]>) =>
      kpiDayRows({ tenant: '620321', day: d, accepted: [], ended: [], signals: [], violations: [], ...facts });
    const person = (rows: ReturnType<typeof kpiDayRows>) =>
      rows.filter((r) => r.subject.level === 'person').map((r) => [r.subject.id, r.counts]);

    // The day of acceptance recounted after the cases ended still counts them for the clerk.
    expect(person(day('2026-11-02', { accepted: [{ matter: onTime.matter }, { matter: late.matter }] }))).toEqual([
      ['ycx-clerk', expect.objectContaining({ accepted: 2, completed: 0 })],
    ]);
    expect(person(day('2026-11-04', { ended: [onTime] }))).toEqual([
      ['ycx-clerk', expect.objectContaining({ completed: 1, onTime: 1, early: 1, accepted: 0 })],
    ]);
    expect(person(day('2026-11-20', { ended: [late] }))).toEqual([
      ['ycx-clerk', expect.objectContaining({ completed: 1, onTime: 0, early: 0 })],
    ]);

    // Signals and violations keep their own person; a deemed acceptance counts for no person.
    const signal = { tenant: '620321', department: '620321-SCJG', windowId: 'w-1', person: 'ycx-reviewer' };
    const deemed = applyCaseEvent(
      undefined,
      caseEvent(1, 'accepted', '2026-11-02', { actor: '', facts: { caseId: 'd', deemedAccepted: true } }),
    )!;
    const rows = day('2026-11-02', {
      accepted: [{ matter: deemed }],
      signals: [{ ...signal, level: 'yellow' }],
      violations: [{ ...signal, person: 'ycx-approver' }],
    });
    expect(person(rows)).toEqual([
      ['ycx-reviewer', expect.objectContaining({ yellowCards: 1, violations: 0, accepted: 0 })],
      ['ycx-approver', expect.objectContaining({ violations: 1, yellowCards: 0, accepted: 0 })],
    ]);
    expect(rows.find((r) => r.subject.level === 'tenant')!.counts).toMatchObject({ accepted: 1, yellowCards: 1 });
  });

  it('a case ended without being accepted is not completed', () => {
    const refused = applyCaseEvent(
      undefined,
      caseEvent(1, 'not_accepted', '2026-11-04', { facts: { status: 'not_accepted' } }),
    )!;
    const rows = kpiDayRows({
      tenant: '620321',
      day: '2026-11-04',
      accepted: [],
      ended: [{ matter: refused, clock: computeMatterClock(refused, calendar, '2026-11-04') }],
      signals: [],
      violations: [],
    });
    expect(rows).toEqual([]);
  });
});

describe('the monthly bulletin', () => {
  const dept = (id: string, completed: number, onTime: number, redCards = 0): KpiFigures => {
    const counts = { ...emptyCounts(), completed, onTime, redCards };
    return {
      subject: { level: 'department', id, tenant: '620321' },
      period: { kind: 'month', key: '2026-11' },
      counts,
      rates: ratesOf(counts),
    };
  };

  it('ranks by on-time rate, then fewer red cards; ties share a rank; no data last', () => {
    const ranked = rankDepartments([
      dept('D', 0, 0),
      dept('A', 4, 2),
      dept('B', 2, 2, 1),
      dept('C', 2, 2, 1),
      dept('E', 1, 1),
    ]);
    expect(ranked.map((r) => [r.rank, r.figures.subject.id])).toEqual([
      [1, 'E'],
      [2, 'B'],
      [2, 'C'],
      [4, 'A'],
      [5, 'D'],
    ]);
  });

  it('masks persons and prints rates as percent or 无数据', () => {
    const b = buildMonthlyBulletin({
      tenant: '620321',
      month: '2026-11',
      departments: [],
      cards: [
        {
          day: '2026-11-06',
          level: 'yellow',
          caseNumber: 'N1',
          itemName: 'i',
          department: 'd',
          person: 'ycx-clerk',
          reason: 'r',
        },
      ],
      moreCards: 0,
      violations: [
        {
          day: '2026-11-09',
          kind: 'decision_past_limit',
          caseNumber: 'N1',
          department: 'd',
          person: '张三',
          summary: 's',
        },
      ],
      moreViolations: 0,
    });
    expect(b.cards[0]!.person).toBe('y***');
    expect(b.violations[0]!.person).toBe('张*');
    expect(b.total.counts).toEqual(emptyCounts());
    expect(formatRate(2 / 3)).toBe('66.7%');
    expect(formatRate(undefined)).toBe('无数据');
  });
});
