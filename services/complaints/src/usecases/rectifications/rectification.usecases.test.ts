import { ValidationError } from '@govhall/errors';
import { rate, type Rating } from '../../domain/ratings/rating';
import { ratedCase } from '../../domain/ratings/served-case';
import { principal } from '../principal.test-double';
import { completedCaseFixture, InMemoryRatings } from '../ratings/in-memory-ratings.test-double';
import { assignRectificationUseCase } from './assign-rectification/assign-rectification.usecase';
import { concludeRectificationUseCase } from './conclude-rectification/conclude-rectification.usecase';
import { decideAppealUseCase } from './decide-appeal/decide-appeal.usecase';
import { getRectificationUseCase } from './get-rectification/get-rectification.usecase';
import { FixedStaff, InMemoryRectifications, statutoryCalendars } from './in-memory-rectifications.test-double';
import { listRectificationsUseCase } from './list-rectifications/list-rectifications.usecase';
import { rectificationOpener } from './open-rectification/open-rectification';
import { recordCallBackUseCase } from './record-call-back/record-call-back.usecase';
import { sweepRectificationsUseCase } from './sweep-rectifications/sweep-rectifications.usecase';

const SCJG = '620321-SCJG';
const head = principal({ username: 'ycx-scjg-head', roles: ['department_head'], department: SCJG });
const handler = principal({ username: 'ycx-scjg-clerk2', roles: ['window_clerk'], department: SCJG });
const otherClerk = principal({ username: 'ycx-scjg-clerk', roles: ['window_clerk'], department: SCJG });
const otherHead = principal({ username: 'ycx-rsj-head', roles: ['department_head'], department: '620321-RSJ' });
const supervisor = principal({ username: 'ycx-supervisor', roles: ['supervisor'] });
const cityAdmin = principal({ username: 'jc-city-admin', roles: ['center_admin'], tenant: '620300' });

function world(now = '2026-12-02T02:00:00Z') {
  const clock = {
    at: new Date(now),
    now() {
      return this.at;
    },
  };
  const ratings = new InMemoryRatings();
  const rectifications = new InMemoryRectifications();
  const staff = new FixedStaff({ [SCJG]: [{ username: 'ycx-scjg-clerk2', name: '李受理' }] });
  const open = rectificationOpener({ rectifications, ratings, calendars: statutoryCalendars, clock, workingDays: 15 });
  let n = 0;
  /** A stored bad rating (its rectification not opened: the caller opens it, or the sweep). */
  const badRating = async (over: { realName?: boolean; level?: number } = {}): Promise<Rating> => {
    const { rating, events } = rate(
      ratedCase({ ...completedCaseFixture, caseId: `c-${++n}` }),
      { level: over.level ?? 1, reason: '窗口人员态度生硬' },
      { channel: 'online', realName: over.realName ?? true, raterName: '张*', recordedBy: '' },
      `r-${n}`,
      clock.now(),
    );
    await ratings.insert(rating, events, undefined);
    return rating;
  };
  return {
    clock,
    ratings,
    rectifications,
    open,
    badRating,
    get: getRectificationUseCase({ rectifications }),
    list: listRectificationsUseCase({ rectifications, clock }),
    assign: assignRectificationUseCase({ rectifications, staff, clock }),
    callBack: recordCallBackUseCase({ rectifications, clock }),
    conclude: concludeRectificationUseCase({ rectifications, clock }),
    decide: decideAppealUseCase({ rectifications, ratings, clock }),
    sweep: sweepRectificationsUseCase({ ratings, rectifications, open, clock }),
  };
}

describe('差评整改: the loop', () => {
  it('a bad rating → assigned → called back → fixed: closed, the rater told', async () => {
    const w = world();
    const rating = await w.badRating();
    const opened = (await w.open(rating))!;
    expect(opened).toMatchObject({ id: rating.id, status: 'open', deadline: '2026-12-23', version: 1, handler: '' });

    const assigned = await w.assign({ id: rating.id, expectedVersion: 1, handler: 'ycx-scjg-clerk2' }, head);
    expect(assigned).toMatchObject({ handler: 'ycx-scjg-clerk2', handlerName: '李受理', version: 2 });

    // A real-name rating cannot close before the rater was reached.
    const early = { id: rating.id, expectedVersion: 2, outcome: 'fixed' as const, text: '已批评教育', fixBy: '' };
    await expect(w.conclude(early, handler)).rejects.toMatchObject({ code: 'CALL_BACK_REQUIRED' });
    const missed = await w.callBack(
      { id: rating.id, expectedVersion: 2, reached: false, notes: '电话无人接听' },
      handler,
    );
    await expect(w.conclude({ ...early, expectedVersion: 3 }, handler)).rejects.toMatchObject({
      code: 'CALL_BACK_REQUIRED',
    });
    w.clock.at = new Date('2026-12-03T02:00:00Z');
    const reached = await w.callBack(
      { id: rating.id, expectedVersion: missed.version, reached: true, notes: '已向申请人致歉，说明整改措施' },
      handler,
    );
    expect(reached.callBacks.map((c) => [c.reached, c.by])).toEqual([
      [false, 'ycx-scjg-clerk2'],
      [true, 'ycx-scjg-clerk2'],
    ]);
    const closed = await w.conclude({ ...early, expectedVersion: reached.version }, handler);
    expect(closed).toMatchObject({
      status: 'closed',
      outcome: 'fixed',
      outcomeText: '已批评教育',
      closedAt: new Date('2026-12-03T02:00:00Z'),
      raterToldAt: new Date('2026-12-03T02:00:00Z'),
    });
    expect(w.rectifications.events.map((e) => e.type)).toEqual([
      'RectificationOpened',
      'RectificationAssigned',
      'CallBackRecorded',
      'CallBackRecorded',
      'RectificationConcluded',
    ]);
    // Closed: nothing more.
    await expect(
      w.callBack({ id: rating.id, expectedVersion: closed.version, reached: true, notes: '再次回访' }, handler),
    ).rejects.toMatchObject({ code: 'WRONG_STATUS' });
  });

  it('an appeal goes to the supervision office: not upheld back to the handler, upheld closes and stops counting', async () => {
    const w = world();
    const rating = await w.badRating({ realName: false });
    await w.open(rating);
    // An anonymous rating needs no call-back.
    const appealed = await w.conclude(
      {
        id: rating.id,
        expectedVersion: 1,
        outcome: 'appeal_malicious',
        text: '监控录像显示评价人未办理业务',
        fixBy: '',
      },
      head,
    );
    expect(appealed).toMatchObject({ status: 'appealed', outcome: 'appeal_malicious' });
    await expect(
      w.decide({ id: rating.id, expectedVersion: 2, upheld: true, notes: '证据充分' }, head),
    ).rejects.toMatchObject({ code: 'ROLE_REQUIRED' });
    const back = await w.decide({ id: rating.id, expectedVersion: 2, upheld: false, notes: '证据不足' }, supervisor);
    expect(back).toMatchObject({ status: 'open', outcome: undefined, appealDecision: { upheld: false } });
    const again = await w.conclude(
      { id: rating.id, expectedVersion: 3, outcome: 'appeal_mistaken', text: '评价人误点了评价器', fixBy: '' },
      head,
    );
    const upheld = await w.decide(
      { id: rating.id, expectedVersion: again.version, upheld: true, notes: '评价人书面确认误评' },
      supervisor,
    );
    expect(upheld).toMatchObject({ status: 'closed', appealDecision: { upheld: true, decidedBy: 'ycx-supervisor' } });
    // Anonymous: nobody to tell.
    expect(upheld.raterToldAt).toBeUndefined();
    expect((await w.ratings.find(rating.id))?.appealUpheld).toBe(true);
    expect(w.rectifications.excluded.has(rating.id)).toBe(true);
  });

  it('the sweep opens what a crash left unopened, reports the overdue once, finishes an upheld appeal', async () => {
    const w = world();
    const a = await w.badRating();
    const b = await w.badRating({ level: 2 });
    expect(await w.sweep()).toBe(2);
    expect(await w.ratings.pendingRectifications(10)).toEqual([]);
    expect((await w.rectifications.find(b.id))?.deadline).toBe('2026-12-23');
    // The last day is still in time; the day after, both are overdue, reported once.
    w.clock.at = new Date('2026-12-23T10:00:00Z');
    expect(await w.sweep()).toBe(0);
    w.clock.at = new Date('2026-12-24T01:00:00Z');
    expect(await w.sweep()).toBe(2);
    expect(await w.sweep()).toBe(0);
    expect(
      w.rectifications.events.filter((e) => e.type === 'RectificationOverdue').map((e) => e.rectification.id),
    ).toEqual([a.id, b.id]);
    // An upheld appeal whose rating was not yet taken out (the process died between the writes).
    const r = (await w.rectifications.find(a.id))!;
    await w.rectifications.save(
      {
        ...r,
        status: 'closed',
        appealDecision: { upheld: true, notes: '误评', decidedBy: 's', decidedAt: w.clock.at },
        version: r.version + 1,
      },
      r.version,
      [],
      undefined,
    );
    expect(await w.sweep()).toBe(1);
    expect((await w.ratings.find(a.id))?.appealUpheld).toBe(true);
  });
});

describe('差评整改: who may do what, and bad input', () => {
  it('reads: the tenant’s supervision office, the department head, the handler; others are told it is not found', async () => {
    const w = world();
    const rating = await w.badRating();
    await w.open(rating);
    await w.assign({ id: rating.id, expectedVersion: 1, handler: 'ycx-scjg-clerk2' }, head);
    for (const reader of [head, handler, supervisor, cityAdmin]) {
      expect((await w.get(rating.id, reader)).id).toBe(rating.id);
    }
    for (const stranger of [otherClerk, otherHead, principal({ roles: ['applicant'], tenant: '' })]) {
      await expect(w.get(rating.id, stranger)).rejects.toMatchObject({ code: 'RECTIFICATION_NOT_FOUND' });
    }
    // The department head's list is their department's; asking for another is refused, not narrowed.
    expect(
      (await w.list({ tenant: '', statuses: [], department: '', handler: '', overdueOnly: false }, head)).total,
    ).toBe(1);
    expect(
      (await w.list({ tenant: '', statuses: [], department: '', handler: '', overdueOnly: false }, otherHead)).total,
    ).toBe(0);
    await expect(
      w.list({ tenant: '', statuses: [], department: SCJG, handler: '', overdueOnly: false }, otherHead),
    ).rejects.toMatchObject({ code: 'DEPARTMENT_OUT_OF_SCOPE' });
    await expect(
      w.list({ tenant: '620302', statuses: [], department: '', handler: '', overdueOnly: false }, supervisor),
    ).rejects.toMatchObject({ code: 'TENANT_OUT_OF_SCOPE' });
    // A clerk reads what is assigned to them.
    expect(
      (await w.list({ tenant: '', statuses: [], department: '', handler: '', overdueOnly: false }, handler)).total,
    ).toBe(1);
    expect(
      (await w.list({ tenant: '', statuses: [], department: '', handler: '', overdueOnly: false }, otherClerk)).total,
    ).toBe(0);
  });

  it('refuses a handler outside the department, a stale version, bad notes and outcomes, and changes nothing', async () => {
    const w = world();
    const rating = await w.badRating();
    await w.open(rating);
    const before = await w.rectifications.find(rating.id);
    await expect(w.assign({ id: rating.id, expectedVersion: 1, handler: 'ycx-rsj-clerk' }, head)).rejects.toMatchObject(
      {
        violations: [{ path: 'handler', reason: 'NOT_IN_DEPARTMENT' }],
      },
    );
    await expect(
      w.assign({ id: rating.id, expectedVersion: 1, handler: 'ycx-scjg-clerk2' }, otherClerk),
    ).rejects.toMatchObject({
      code: 'RECTIFICATION_NOT_FOUND',
    });
    await expect(
      w.assign({ id: rating.id, expectedVersion: 7, handler: 'ycx-scjg-clerk2' }, head),
    ).rejects.toMatchObject({
      code: 'CONCURRENT_MODIFICATION',
    });
    await expect(
      w.assign({ id: rating.id, expectedVersion: 0, handler: 'ycx-scjg-clerk2' }, head),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      w.callBack({ id: rating.id, expectedVersion: 1, reached: true, notes: ' ' }, head),
    ).rejects.toMatchObject({
      violations: [{ path: 'notes', reason: 'REQUIRED' }],
    });
    await expect(
      w.conclude({ id: rating.id, expectedVersion: 1, outcome: undefined, text: '', fixBy: '2026-13-01' }, head),
    ).rejects.toMatchObject({
      violations: [
        { path: 'outcome', reason: 'REQUIRED' },
        { path: 'text', reason: 'REQUIRED' },
        { path: 'fixBy', reason: 'NOT_ALLOWED' },
      ],
    });
    await expect(
      w.conclude(
        { id: rating.id, expectedVersion: 1, outcome: 'fix_by_date', text: '更换叫号设备', fixBy: '2026-12-01' },
        head,
      ),
    ).rejects.toMatchObject({ violations: [{ path: 'fixBy', reason: 'DATE_IN_PAST' }] });
    // A handler who is not the assigned one (nor the head) may not work it.
    await expect(
      w.callBack({ id: rating.id, expectedVersion: 1, reached: true, notes: '已回访' }, { ...supervisor }),
    ).rejects.toMatchObject({ code: 'NOT_HANDLER' });
    expect(await w.rectifications.find(rating.id)).toEqual(before);
    expect(w.rectifications.events.map((e) => e.type)).toEqual(['RectificationOpened']);
  });
});
