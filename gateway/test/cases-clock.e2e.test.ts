import { caseActs, eventually, startCasesWorld, violationsOf, type Applicant, type CasesWorld } from './cases-stack';

// Time in the cases service made to pass without sleeping: its test-only CLOCK_FILE moves the service's "now" (the
// gateway, identity, the catalogue and Keycloak keep real time). Expectations are computed with @govhall/calendar
// and the tenant's overrides as the catalogue answers them.

let w: CasesWorld;
const acts = caseActs(() => w);
let sun: Applicant;

const dayBefore = (day: string) => new Date(Date.parse(day) - 86_400_000).toISOString().slice(0, 10);
/** Noon in China of a day. */
const chinaNoon = (day: string) => `${day}T04:00:00.000Z`;

beforeAll(async () => {
  w = await startCasesWorld();
  sun = await w.newApplicant('孙计时');
}, 240_000);

afterAll(async () => {
  await w?.stop();
});

describe('clocks of a case', () => {
  it('a suspension across the National Day holiday moves every deadline by exactly the working days it held', async () => {
    const calendar = await w.calendar([2025, 2026, 2027]);
    // Accepted on Thursday 24 September 2026; suspended on Tuesday the 29th; resumed on Monday 12 October.
    const [acceptedOn, suspendedOn, resumedOn] = ['2026-09-24', '2026-09-29', '2026-10-12'];
    expect(calendar.describe('2026-10-01')).toMatchObject({ working: false, kind: 'holiday', name: '国庆节' });

    w.setClock(chinaNoon(acceptedOn));
    const c = await acts.accepted(sun);
    expect(c.clocks).toMatchObject({
      receivedDate: acceptedOn,
      acceptedDate: acceptedOn,
      promised: { dueDate: calendar.addWorkingDays(acceptedOn, 5) },
      statutory: { dueDate: calendar.addWorkingDays(acceptedOn, 10) },
    });
    const reviewer = await w.token('reviewer');
    w.setClock(chinaNoon(suspendedOn));
    const suspended = await acts.act(c.id, 'suspend', reviewer, {
      procedure: '检验',
      reason: '食品样品送检',
      plannedWorkingDays: 5,
    });
    expect(suspended).toMatchObject({
      status: 'suspended',
      suspensions: [{ procedure: '检验', startedDate: suspendedOn, plannedWorkingDays: 5 }],
    });
    const notice = suspended.documents.find((d: any) => d.kind === 'suspension_notice');
    expect(notice).toBeDefined();

    w.setClock(chinaNoon(resumedOn));
    const resumed = await acts.act(c.id, 'resume', reviewer);
    // Held: the working days of [suspended, resumed), the holiday and the weekends not counted (ADR 0022).
    const held = calendar.workingDaysBetween(dayBefore(suspendedOn), dayBefore(resumedOn));
    const naturalDays = (Date.parse(resumedOn) - Date.parse(suspendedOn)) / 86_400_000;
    expect(held).toBeLessThan(naturalDays - 4); // seven holidays and the weekends fall inside
    expect(resumed).toMatchObject({
      status: 'processing',
      suspensions: [{ startedDate: suspendedOn, endedDate: resumedOn, suspendedWorkingDays: held }],
      clocks: {
        promised: {
          suspendedWorkingDays: held,
          dueDate: calendar.addWorkingDays(c.clocks.promised.dueDate, held),
        },
        statutory: {
          suspendedWorkingDays: held,
          dueDate: calendar.addWorkingDays(c.clocks.statutory.dueDate, held),
        },
      },
    });
  });

  it('an online case left without a one-time notice past its fifth working day is deemed accepted from its day of receipt', async () => {
    w.setClock();
    const c = await acts.submitted(sun);
    const received = c.clocks.receivedDate as string;
    const calendar = await w.calendar([2026, 2027]);
    expect(c.clocks.noticeDueDate).toBe(calendar.addWorkingDaysProvisional(received, 5).date);
    // The fifth working day passes: the service's timer accepts it by itself.
    const dayAfter = new Date(Date.parse(c.clocks.noticeDueDate) + 86_400_000).toISOString().slice(0, 10);
    w.setClock(chinaNoon(dayAfter));
    const accepted = await eventually(async () => {
      const now = await acts.get(c.id, await sun.token());
      return now.status === 'processing' ? now : undefined;
    }, 'the deemed acceptance');
    expect(accepted).toMatchObject({
      deemedAccepted: true,
      clocks: { acceptedDate: received, promised: { dueDate: calendar.addWorkingDaysProvisional(received, 5).date } },
    });
    expect(accepted.history.at(-1)).toMatchObject({ toStatus: 'processing' });
    expect(accepted.documents.map((d: any) => d.kind)).toContain('acceptance_notice');
    w.setClock();
  });

  it('a submission after the hall closes counts as received the next day; extended hours (A34) keep the day', async () => {
    const admin = await w.token('admin');
    const read = async () => {
      const r = await w.api('GET', '/cases/settings/620321', { token: admin });
      expect(r.status).toBe(200);
      return r.body;
    };
    const put = async (hallClosesAt: string | undefined, expectedVersion: number) =>
      w.api('PUT', '/cases/settings/620321', {
        token: admin,
        body: {
          commonRules: [],
          counterNoticeWorkingDays: 0,
          extensionCenterReview: true,
          hallClosesAt,
          expectedVersion,
        },
      });
    const before = await read();
    expect(before.hallClosesAt).toBe('17:00');
    // A closing time the hall cannot have: refused at its field, nothing stored.
    expect(violationsOf(await put('11:00', before.version))).toEqual(['hallClosesAt PATTERN']);
    expect(violationsOf(await put('5pm', before.version))).toEqual(['hallClosesAt PATTERN']);
    expect((await read()).version).toBe(before.version);

    // Thursday 2026-03-05, 17:30 in Beijing: after 17:00, received on Friday the 6th.
    w.setClock('2026-03-05T09:30:00.000Z');
    const late = await acts.submitted(sun);
    expect(late.clocks.receivedDate).toBe('2026-03-06');
    expect(late.caseNumber).toMatch(/^62032120260306\d{5}$/);

    const extended = await put('20:00', before.version);
    expect(extended.status).toBe(200);
    expect(extended.body.hallClosesAt).toBe('20:00');
    const same = await acts.submitted(sun);
    expect(same.clocks.receivedDate).toBe('2026-03-05');
    // Without the field the default comes back.
    const reset = await put(undefined, extended.body.version);
    expect(reset.body.hallClosesAt).toBe('17:00');
    w.setClock();
  });
});
