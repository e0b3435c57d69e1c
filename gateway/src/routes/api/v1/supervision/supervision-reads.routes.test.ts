import { useRouteFixture } from '../../../../lib/fake-grpc-server.test-double';
import {
  CENTER_ADMIN,
  CHINESE,
  CLERK,
  MATTER_ID,
  MISSING_ID,
  SUPERVISOR,
  TENANT,
  WINDOW_ID,
  startSupervisionFixture,
} from './supervision.fixtures.test-double';

const fx = useRouteFixture(() => startSupervisionFixture());

describe('supervision routes: clocks, signals, rules', () => {
  it('lists clocks with the filters passed on and the clock as REST spells it', async () => {
    const res = await fx.app.inject({
      url: `/api/v1/supervision/clocks?tenant=${TENANT}&includeSubordinates=true&minSignal=yellow&windowId=${WINDOW_ID}&openOnly=true&pageSize=10`,
      headers: SUPERVISOR,
    });
    expect(res.statusCode).toBe(200);
    expect(fx.lastCall()).toMatchObject({
      method: 'listClocks',
      request: {
        tenant: TENANT,
        includeSubordinates: true,
        minSignal: 3,
        department: '',
        windowId: WINDOW_ID,
        openOnly: true,
        page: { pageSize: 10, pageToken: '' },
      },
      authorization: 'Bearer supervisor',
    });
    const body = res.json();
    expect([body.total, body.nextPageToken]).toEqual([7, 'p2']);
    const c = body.clocks[0];
    expect(c).toMatchObject({
      matterId: MATTER_ID,
      kind: 'case',
      state: 'running',
      signal: 'warning',
      applicantName: '张*',
      promised: { limitWorkingDays: 10, remainingWorkingDays: 1, dueDate: '2026-12-07' },
      lastEventAt: '2026-12-03T02:00:00.000Z',
    });
    expect(c.promised.explanation).toContain('跳过周末4天');
    expect(c.steps[0]).toMatchObject({ name: '审查', overdue: true, remainingWorkingDays: -2 });
    // Empty strings of the proto are "none": not sent.
    expect(c.steps[0]).not.toHaveProperty('finishedDate');
    expect(c).not.toHaveProperty('endedDate');
    expect(c.pauses[0]).toMatchObject({ kind: 'suspension', procedure: '听证', endedDate: '2026-11-25' });
  });

  it("reads the hall's figures of today, the windows' signals as REST spells them", async () => {
    const res = await fx.app.inject({
      url: `/api/v1/supervision/hall-today?tenant=${TENANT}&includeSubordinates=true`,
      headers: SUPERVISOR,
    });
    expect(res.statusCode).toBe(200);
    expect(fx.lastCall()).toMatchObject({
      method: 'getHallToday',
      request: { tenant: TENANT, includeSubordinates: true },
      authorization: 'Bearer supervisor',
    });
    expect(res.json()).toEqual({
      date: '2026-12-03',
      received: 12,
      accepted: 9,
      completed: 4,
      completedOnTime: 3,
      open: 30,
      overdue: 2,
      openWarning: 3,
      openYellow: 2,
      openRed: 1,
      windows: [{ windowId: WINDOW_ID, open: 5, worstSignal: 'red' }],
    });
  });

  it('reads one clock, and answers 404 problem+json in Chinese for an unknown matter', async () => {
    const ok = await fx.app.inject({ url: `/api/v1/supervision/clocks/${MATTER_ID}`, headers: SUPERVISOR });
    expect([ok.statusCode, ok.json().clock.matterId]).toEqual([200, MATTER_ID]);
    const missing = await fx.app.inject({ url: `/api/v1/supervision/clocks/${MISSING_ID}`, headers: SUPERVISOR });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(missing.json()).toMatchObject({ code: 'MATTER_NOT_FOUND', detail: '未找到该事项的计时' });
  });

  it("passes the service's refusal of a tenant out of scope on as 403", async () => {
    const res = await fx.app.inject({ url: '/api/v1/supervision/clocks?tenant=620100', headers: SUPERVISOR });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'TENANT_OUT_OF_SCOPE', detail: expect.stringMatching(CHINESE) });
  });

  it('lists signals, active and cleared, newest first', async () => {
    const res = await fx.app.inject({
      url: `/api/v1/supervision/signals?matterId=${MATTER_ID}&activeOnly=false&minLevel=warning`,
      headers: SUPERVISOR,
    });
    expect(res.statusCode).toBe(200);
    expect(fx.lastCall().request).toMatchObject({ matterId: MATTER_ID, activeOnly: false, minLevel: 2 });
    const [red, cleared] = res.json().signals;
    expect(red).toMatchObject({ level: 'red', rule: 'statutory.exceeded', notified: expect.any(Array) });
    expect(red).not.toHaveProperty('clearedAt');
    expect(red).not.toHaveProperty('stepIndex');
    expect(cleared).toMatchObject({ level: 'warning', clearedAt: '2026-12-03T02:00:00.000Z', clearedReason: '已办结' });
  });

  it('lists the recorded events of an aggregate', async () => {
    const res = await fx.app.inject({
      url: `/api/v1/supervision/recorded-events?aggregateId=${MATTER_ID}`,
      headers: SUPERVISOR,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().events).toEqual([
      expect.objectContaining({ eventId: 'e-1', aggregateId: MATTER_ID, aggregateVersion: 2 }),
    ]);
    expect(res.json().events[0]).not.toHaveProperty('traceparent');
  });

  it('reads, dry-runs and saves the signal rules, the body passed on as the rules', async () => {
    const read = await fx.app.inject({ url: `/api/v1/supervision/thresholds?tenant=${TENANT}`, headers: SUPERVISOR });
    expect(read.json().thresholds).toMatchObject({ tenant: TENANT, version: 3, warningRemainingPercent: 25 });
    const rules = {
      tenant: TENANT,
      version: 3,
      warningRemainingWorkingDays: 2,
      warningRemainingPercent: 30,
      yellowOnPromisedExceeded: true,
      yellowOnStepExceeded: false,
      redOnStatutoryExceeded: true,
    };
    const dry = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/supervision/thresholds/dry-run',
      headers: CENTER_ADMIN,
      payload: rules,
    });
    expect(dry.json()).toEqual({
      changes: [expect.objectContaining({ matterId: MATTER_ID, from: 'none', to: 'warning' })],
      openMatters: 42,
    });
    expect(fx.lastCall().request.thresholds).toMatchObject(rules);
    const saved = await fx.app.inject({
      method: 'PUT',
      url: '/api/v1/supervision/thresholds',
      headers: CENTER_ADMIN,
      payload: rules,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().thresholds).toMatchObject({
      version: 4,
      warningRemainingWorkingDays: 2,
      updatedBy: 'admin-zhao',
    });
  });

  it("maps a stale version to 409 and the service's field to the body field the caller sent", async () => {
    const base = {
      tenant: TENANT,
      version: 3,
      warningRemainingWorkingDays: 0,
      warningRemainingPercent: 0,
      yellowOnPromisedExceeded: true,
      yellowOnStepExceeded: true,
      redOnStatutoryExceeded: true,
    };
    const stale = await fx.app.inject({
      method: 'PUT',
      url: '/api/v1/supervision/thresholds',
      headers: CENTER_ADMIN,
      payload: { ...base, version: 2 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'CONCURRENT_MODIFICATION', detail: expect.stringMatching(CHINESE) });
    const invalid = await fx.app.inject({
      method: 'PUT',
      url: '/api/v1/supervision/thresholds',
      headers: CENTER_ADMIN,
      payload: base,
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors).toEqual([
      expect.objectContaining({ path: 'warningRemainingPercent', message: '预警的剩余天数和剩余比例不能都为0' }),
    ]);
  });

  it('refuses bad input with problem+json in Chinese at the field, before any call', async () => {
    const cases: [string, string, object | undefined, string][] = [
      ['GET', '/api/v1/supervision/clocks?minSignal=purple', undefined, 'minSignal'],
      ['GET', '/api/v1/supervision/clocks?tenant=12', undefined, 'tenant'],
      ['GET', '/api/v1/supervision/hall-today?tenant=62x', undefined, 'tenant'],
      ['GET', '/api/v1/supervision/clocks?windowId=A03', undefined, 'windowId'],
      ['GET', '/api/v1/supervision/clocks?pageSize=500', undefined, 'pageSize'],
      ['GET', '/api/v1/supervision/clocks/has%20space', undefined, 'matterId'],
      ['GET', '/api/v1/supervision/signals?activeOnly=maybe', undefined, 'activeOnly'],
      ['GET', '/api/v1/supervision/recorded-events', undefined, 'aggregateId'],
      ['PUT', '/api/v1/supervision/thresholds', { tenant: TENANT, version: 1 }, 'warningRemainingWorkingDays'],
      [
        'POST',
        '/api/v1/supervision/thresholds/dry-run',
        {
          tenant: TENANT,
          version: 1,
          warningRemainingWorkingDays: 1,
          warningRemainingPercent: 101,
          yellowOnPromisedExceeded: true,
          yellowOnStepExceeded: true,
          redOnStatutoryExceeded: true,
        },
        'warningRemainingPercent',
      ],
    ];
    for (const [method, url, payload, field] of cases) {
      const res = await fx.app.inject({
        method: method as 'GET',
        url,
        headers: method === 'GET' ? SUPERVISOR : CENTER_ADMIN,
        payload,
      });
      expect([url, res.statusCode]).toEqual([url, 400]);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const body = res.json();
      expect(body.detail).toMatch(CHINESE);
      expect(body.errors.map((e: { path: string }) => e.path)).toContainEqual(expect.stringContaining(field));
      expect(body.errors.every((e: { message: string }) => CHINESE.test(e.message))).toBe(true);
    }
    expect(fx.fake.calls).toHaveLength(0);
  });

  it('answers 401 without a token and 403 to a role that does not supervise, before any call', async () => {
    expect((await fx.app.inject({ url: '/api/v1/supervision/clocks' })).statusCode).toBe(401);
    expect((await fx.app.inject({ url: '/api/v1/supervision/hall-today', headers: CLERK })).statusCode).toBe(403);
    const clerk = await fx.app.inject({ url: '/api/v1/supervision/signals', headers: CLERK });
    expect(clerk.statusCode).toBe(403);
    expect(clerk.json().detail).toMatch(CHINESE);
    // Reading rules is open to the center admin; clocks are not.
    expect((await fx.app.inject({ url: '/api/v1/supervision/clocks', headers: CENTER_ADMIN })).statusCode).toBe(403);
    const supervisorSaves = await fx.app.inject({
      method: 'PUT',
      url: '/api/v1/supervision/thresholds',
      headers: SUPERVISOR,
      payload: {},
    });
    expect(supervisorSaves.statusCode).toBe(403);
    expect(fx.fake.calls).toHaveLength(0);
  });
});
