import { ConflictError, ForbiddenError, NotFoundError, PreconditionError, ValidationError } from '@govhall/errors';
import type { LiveSession } from '../../domain/consultations/live-session';
import { FixedItems, FixedStaffNames } from '../consultations/in-memory-consultations.test-double';
import { principal } from '../principal.test-double';
import { statutoryCalendars } from '../rectifications/in-memory-rectifications.test-double';
import { acceptLiveSessionUseCase } from './accept-live-session/accept-live-session.usecase';
import { closeLiveSessionUseCase } from './close-live-session/close-live-session.usecase';
import { InMemoryLiveSessions } from './in-memory-live-sessions.test-double';
import { openLiveSessionUseCase, type OpenLiveSessionCommand } from './open-live-session/open-live-session.usecase';
import { postLiveMessageUseCase } from './post-live-message/post-live-message.usecase';
import {
  getLiveSessionUseCase,
  listLiveQueueUseCase,
  listMyLiveSessionsUseCase,
} from './read-live-sessions/read-live-sessions.usecase';
import { PollingHub } from '../polling-hub';
import {
  watchLiveQueueUseCase,
  watchLiveSessionUseCase,
  type SessionChange,
} from './watch-live-sessions/watch-live-sessions.usecase';

// Monday 7 December 2026, 10:00 China time.
let now = new Date('2026-12-07T02:00:00Z');
const clock = { now: () => now };

function world() {
  const sessions = new InMemoryLiveSessions();
  let n = 0;
  let changes = 0;
  const changed = () => void changes++;
  const staffNames = new FixedStaffNames({ 'yc-clerk': '王清', 'yc-clerk2': '李静' });
  const hub = new PollingHub({
    pollMs: 60_000,
    onError: (err) => {
      throw err;
    },
  });
  return {
    sessions,
    hub,
    changes: () => changes,
    open: openLiveSessionUseCase({
      sessions,
      items: new FixedItems({
        '620321': [{ id: 'item-food', code: 'SPJY00000001', name: '食品经营许可', department: '620321-SCJG' }],
      }),
      calendars: statutoryCalendars,
      clock,
      ids: { newId: () => `h-${++n}` },
      hostedTenants: ['620321'],
      changed,
    }),
    get: getLiveSessionUseCase({ sessions }),
    mine: listMyLiveSessionsUseCase({ sessions }),
    queue: listLiveQueueUseCase({ sessions, clock }),
    accept: acceptLiveSessionUseCase({ sessions, staffNames, clock, changed }),
    post: postLiveMessageUseCase({ sessions, clock, changed }),
    close: closeLiveSessionUseCase({ sessions, clock, changed }),
    watch: watchLiveSessionUseCase({ sessions, hub }),
    watchQueue: watchLiveQueueUseCase({ sessions, hub, clock }),
  };
}

const zhang = principal({ subject: 'sub-zhang', username: '62032119900307123X', roles: ['applicant'] });
const li = principal({ subject: 'sub-li', username: '620321198506122049', roles: ['applicant'] });
const clerk = principal({ subject: 'sub-c', username: 'yc-clerk', roles: ['window_clerk'], department: '620321-SCJG' });
const clerk2 = principal({
  subject: 'sub-c2',
  username: 'yc-clerk2',
  roles: ['window_clerk'],
  department: '620321-SCJG',
});
const otherDept = principal({
  subject: 'sub-o',
  username: 'yc-tax',
  roles: ['window_clerk'],
  department: '620321-SWJ',
});
const supervisor = principal({ subject: 'sub-s', username: 'yc-sup', roles: ['supervisor'] });

const opening = (over: Partial<OpenLiveSessionCommand> = {}): OpenLiveSessionCommand => ({
  tenant: '620321',
  itemId: 'item-food',
  question: '办理食品经营许可需要现场核查吗？',
  bookedFor: undefined,
  requestId: 'live-req-0001',
  ...over,
});

async function fields(p: Promise<unknown>) {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof ValidationError)) throw new Error(`expected a ValidationError, got ${String(err)}`);
  return err.violations.map((v) => [v.path, v.reason]);
}

beforeEach(() => {
  now = new Date('2026-12-07T02:00:00Z');
});

describe('opening a live session (C18)', () => {
  it('opens one waiting on the item department, the question its first message; a retry answers the same', async () => {
    const w = world();
    const s = await w.open(opening(), zhang);
    expect(s).toMatchObject({
      number: 'HH6203212026120700001',
      status: 'waiting',
      department: '620321-SCJG',
      itemCode: 'SPJY00000001',
      messages: [{ seq: 1, from: 'asker', text: '办理食品经营许可需要现场核查吗？' }],
    });
    expect(await w.open(opening(), zhang)).toEqual(s);
    await expect(w.open(opening({ question: '另一个问题，另一个问题' }), zhang)).rejects.toThrow(ValidationError);
    expect(w.sessions.saved.size).toBe(1);
  });

  it('refuses bad openings at their fields, and changes nothing', async () => {
    const w = world();
    expect(await fields(w.open(opening({ tenant: '12', requestId: 'x', question: '' }), zhang))).toEqual([
      ['tenant', 'PATTERN'],
      ['requestId', 'PATTERN'],
    ]);
    expect(await fields(w.open(opening({ itemId: '', question: '' }), zhang))).toEqual([
      ['itemId', 'REQUIRED'],
      ['question', 'REQUIRED'],
    ]);
    expect(await fields(w.open(opening({ itemId: 'item-none' }), zhang))).toEqual([['itemId', 'NOT_FOUND']]);
    // Too soon, too late, not on the half hour, out of hours, a Saturday.
    for (const [at, reason] of [
      ['2026-12-07T02:15:00Z', 'TOO_SOON'],
      ['2026-12-28T02:00:00Z', 'TOO_LATE'],
      ['2026-12-07T03:10:00Z', 'NOT_ALIGNED'],
      ['2026-12-07T09:00:00Z', 'OUT_OF_HOURS'],
      ['2026-12-12T02:00:00Z', 'NOT_WORKING_DAY'],
    ] as const) {
      expect(await fields(w.open(opening({ bookedFor: new Date(at) }), zhang))).toEqual([['bookedFor', reason]]);
    }
    await expect(w.open(opening(), undefined)).rejects.toThrow('请先登录');
    expect(w.sessions.saved.size).toBe(0);
  });
});

describe('talking live', () => {
  it('the department takes it up, they talk, either ends it; nobody else may speak or read', async () => {
    const w = world();
    const s = await w.open(opening(), zhang);
    await w.post({ id: s.id, text: '我是个体户。' }, zhang);
    await expect(w.post({ id: s.id, text: '你好' }, clerk)).rejects.toThrow(ForbiddenError);
    await expect(w.accept(s.id, otherDept)).rejects.toThrow(NotFoundError);
    const taken = await w.accept(s.id, clerk);
    expect(taken).toMatchObject({ status: 'active', staff: { username: 'yc-clerk', name: '王清' } });
    expect(await w.accept(s.id, clerk)).toEqual(taken);
    await expect(w.accept(s.id, clerk2)).rejects.toThrow(ConflictError);
    await w.post({ id: s.id, text: '需要现场核查，请准备经营场所照片。' }, clerk);
    await expect(w.post({ id: s.id, text: '我也说一句' }, clerk2)).rejects.toThrow(ForbiddenError);
    await expect(w.post({ id: s.id, text: '插话' }, li)).rejects.toThrow(NotFoundError);
    await expect(w.get(s.id, li)).rejects.toThrow(NotFoundError);
    expect((await w.get(s.id, supervisor)).messages.map((m) => [m.seq, m.from, m.authorName])).toEqual([
      [1, 'asker', ''],
      [2, 'asker', ''],
      [3, 'staff', '王清'],
    ]);
    expect(await fields(w.post({ id: s.id, text: ' ' }, zhang))).toEqual([['text', 'REQUIRED']]);
    const closed = await w.close(s.id, zhang);
    expect(closed).toMatchObject({ status: 'closed', closedBy: 'asker' });
    expect(await w.close(s.id, clerk)).toEqual(closed);
    await expect(w.post({ id: s.id, text: '还在吗' }, zhang)).rejects.toThrow(PreconditionError);
  });

  it('a message racing another is kept: the write is tried again on the new state', async () => {
    const w = world();
    const s = await w.open(opening(), zhang);
    await w.accept(s.id, clerk);
    w.sessions.racing.push((stored) => ({
      ...stored,
      messages: [...stored.messages, { seq: 2, from: 'staff', authorName: '王清', text: '您好', at: now }],
      version: stored.version + 1,
    }));
    const after = await w.post({ id: s.id, text: '您好，请问材料？' }, zhang);
    expect(after.messages.map((m) => [m.seq, m.text])).toEqual([
      [1, '办理食品经营许可需要现场核查吗？'],
      [2, '您好'],
      [3, '您好，请问材料？'],
    ]);
  });

  it('a booked session reaches the queue ten minutes before its time', async () => {
    const w = world();
    const booked = await w.open(
      opening({ bookedFor: new Date('2026-12-08T06:30:00Z'), requestId: 'live-req-b' }),
      zhang,
    );
    const atOnce = await w.open(opening({ requestId: 'live-req-n' }), li);
    await expect(w.accept(booked.id, clerk)).rejects.toThrow('预约时间未到');
    expect((await w.queue('', clerk)).map((s) => s.id)).toEqual([atOnce.id, booked.id]);
    now = new Date('2026-12-08T06:20:00Z');
    expect((await w.accept(booked.id, clerk)).status).toBe('active');
    expect((await w.queue('', clerk)).map((s) => s.id)).toEqual([atOnce.id, booked.id]);
    await expect(w.queue('', otherDept)).resolves.toEqual([]);
    await expect(w.queue('', zhang)).rejects.toThrow(ForbiddenError);
    expect((await w.mine({}, zhang)).sessions.map((s) => s.id)).toEqual([booked.id]);
  });
});

describe('watching', () => {
  it('sends the session at once, then each change with what is new, and ends after it closed', async () => {
    const w = world();
    const s = await w.open(opening(), zhang);
    const seen: SessionChange[] = [];
    let ended = false;
    const unwatch = await w.watch({ id: s.id, afterSeq: 0 }, clerk, {
      send: (c) => seen.push(c),
      end: () => (ended = true),
    });
    const settle = () => new Promise((r) => setImmediate(r));
    await settle();
    await w.accept(s.id, clerk);
    w.hub.nudge();
    await settle();
    await w.post({ id: s.id, text: '请讲' }, clerk);
    w.hub.nudge();
    await settle();
    // No change: nothing sent.
    w.hub.nudge();
    await settle();
    await w.close(s.id, clerk);
    w.hub.nudge();
    await settle();
    const newSeqs = (c: SessionChange) => c.session.messages.filter((m) => m.seq > c.afterSeq).map((m) => m.seq);
    expect(seen.map((c) => [c.session.status, newSeqs(c)])).toEqual([
      ['waiting', [1]],
      ['active', []],
      ['active', [2]],
      ['closed', []],
    ]);
    expect(ended).toBe(true);
    unwatch();
    expect(w.hub.watching).toBe(0);
    await expect(w.watch({ id: s.id, afterSeq: 0 }, li, { send: () => {}, end: () => {} })).rejects.toThrow(
      NotFoundError,
    );
  });

  it('the queue is sent when a session in it changes', async () => {
    const w = world();
    const lists: LiveSession[][] = [];
    const unwatch = await w.watchQueue('', clerk, { send: (l) => lists.push(l), end: () => {} });
    const settle = () => new Promise((r) => setImmediate(r));
    await settle();
    const s = await w.open(opening(), zhang);
    w.hub.nudge();
    await settle();
    w.hub.nudge();
    await settle();
    await w.close(s.id, zhang);
    w.hub.nudge();
    await settle();
    expect(lists.map((l) => l.map((x) => x.status))).toEqual([[], ['waiting'], []]);
    unwatch();
  });
});
