import { useRouteFixture } from '../../../../../lib/fake-grpc-server.test-double';
import {
  CENTER_ADMIN,
  CLERK,
  PDF,
  SUPERVISOR,
  TENANT,
  startEvaluationFixture,
} from './evaluation.fixtures.test-double';

const fx = useRouteFixture(() => startEvaluationFixture());
const KPIS = '/api/v1/supervision/kpis';

describe('evaluation routes: KPIs, public statistics, the monthly bulletin', () => {
  it('passes the KPI query on and spells the figures for REST (absent rates stay absent)', async () => {
    const res = await fx.app.inject({
      url: `${KPIS}?level=department&tenant=620300&includeSubordinates=true&periodKind=quarter&fromKey=2026-Q1&toKey=2026-Q3&subjectId=620321-SCJG`,
      headers: SUPERVISOR,
    });
    expect(res.statusCode).toBe(200);
    expect(fx.lastCall()).toMatchObject({
      method: 'listKpis',
      request: {
        level: 2,
        tenant: '620300',
        subjectId: '620321-SCJG',
        periodKind: 3,
        fromKey: '2026-Q1',
        toKey: '2026-Q3',
        includeSubordinates: true,
      },
      authorization: 'Bearer supervisor',
    });
    const body = res.json();
    expect(body.figures[0]).toMatchObject({
      subject: { level: 'tenant', id: TENANT, tenant: TENANT },
      period: { kind: 'month', key: '2026-07' },
      counts: { accepted: 4, completed: 3, onTime: 2, yellowCards: 1, violations: 2, ratings: 0 },
    });
    expect(body.figures[0].rates.onTimeRate).toBeCloseTo(2 / 3);
    expect(body.figures[0].rates).not.toHaveProperty('satisfactionRate');
    expect(body.totals[0].subject.tenant).toBe('620300');
  });

  it('a center administrator reads KPIs too; other roles and anonymous callers are refused at the edge', async () => {
    expect(
      (await fx.app.inject({ url: `${KPIS}?level=tenant&periodKind=month&fromKey=2026-07`, headers: CENTER_ADMIN }))
        .statusCode,
    ).toBe(200);
    const clerk = await fx.app.inject({ url: `${KPIS}?level=tenant&periodKind=month&fromKey=2026-07`, headers: CLERK });
    expect(clerk.statusCode).toBe(403);
    const anonymous = await fx.app.inject({ url: `${KPIS}?level=tenant&periodKind=month&fromKey=2026-07` });
    expect(anonymous.statusCode).toBe(401);
    expect(fx.fake.calls).toHaveLength(1);
  });

  it('bad shapes are refused before the service, each field named in Chinese; the service’s refusals pass on', async () => {
    const bad = await fx.app.inject({ url: `${KPIS}?level=city&periodKind=month&fromKey=2026-7`, headers: SUPERVISOR });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const errors = bad.json().errors as { path: string; message: string }[];
    expect([...new Set(errors.map((e) => e.path))].sort()).toEqual(['querystring.fromKey', 'querystring.level']);
    expect(errors.find((e) => e.path === 'querystring.fromKey')!.message).toContain('期间应为');
    expect(fx.fake.calls).toHaveLength(0);

    const order = await fx.app.inject({
      url: `${KPIS}?level=tenant&periodKind=month&fromKey=2026-07&toKey=2026-06`,
      headers: SUPERVISOR,
    });
    expect(order.statusCode).toBe(400);
    expect(order.json().errors).toEqual([
      expect.objectContaining({ path: 'querystring.toKey', message: '结束期间不能早于开始期间' }),
    ]);
    const sibling = await fx.app.inject({
      url: `${KPIS}?level=tenant&periodKind=month&fromKey=2026-07&tenant=620302`,
      headers: SUPERVISOR,
    });
    expect(sibling.statusCode).toBe(403);
    expect(sibling.json()).toMatchObject({ code: 'TENANT_OUT_OF_SCOPE' });
  });

  it('the public statistics need no login', async () => {
    const res = await fx.app.inject({ url: `/api/v1/supervision/public-statistics?tenant=${TENANT}&month=2026-07` });
    expect(res.statusCode).toBe(200);
    expect(fx.lastCall()).toMatchObject({
      method: 'getPublicStatistics',
      request: { tenant: TENANT, month: '2026-07' },
    });
    expect(res.json().departments[0]).toMatchObject({ id: '620321-SCJG', completed: 3, onTime: 2 });
    const future = await fx.app.inject({ url: `/api/v1/supervision/public-statistics?tenant=${TENANT}&month=2099-01` });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors).toEqual([
      expect.objectContaining({ path: 'querystring.month', message: '月份不能晚于本月' }),
    ]);
  });

  it('the monthly bulletin downloads as a PDF with its file name', async () => {
    const res = await fx.app.inject({
      url: '/api/v1/supervision/bulletins/monthly.pdf?month=2026-07',
      headers: SUPERVISOR,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent(`${TENANT}-2026-07-月通报.pdf`));
    expect(res.rawPayload.equals(PDF)).toBe(true);
    expect(fx.lastCall().request).toEqual({ tenant: '', month: '2026-07' });
    const clerk = await fx.app.inject({
      url: '/api/v1/supervision/bulletins/monthly.pdf?month=2026-07',
      headers: CLERK,
    });
    expect(clerk.statusCode).toBe(403);
  });

  describe('the daily check sheet', () => {
    const DAILY = '/api/v1/supervision/daily-checks';

    it('downloads as a PDF named after the tenant and the day', async () => {
      const res = await fx.app.inject({ url: `${DAILY}/2026-07-15.pdf?tenant=${TENANT}`, headers: SUPERVISOR });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toContain(encodeURIComponent(`${TENANT}-2026-07-15-日检查表.pdf`));
      expect(res.rawPayload.equals(PDF)).toBe(true);
      expect(fx.lastCall()).toMatchObject({
        method: 'renderDailyCheck',
        request: { tenant: TENANT, date: '2026-07-15' },
      });
      const admin = await fx.app.inject({ url: `${DAILY}/2026-07-15.pdf`, headers: CENTER_ADMIN });
      expect(admin.statusCode).toBe(200);
      expect(fx.lastCall().request).toEqual({ tenant: '', date: '2026-07-15' });
    });

    it('refuses a malformed date before the service, a future date and a sibling tenant in Chinese, naming the field', async () => {
      const calls = fx.fake.calls.length;
      for (const date of ['2026-7-15', '2026-13-01', 'today']) {
        const bad = await fx.app.inject({ url: `${DAILY}/${date}.pdf`, headers: SUPERVISOR });
        expect(bad.statusCode).toBe(400);
        expect(bad.headers['content-type']).toContain('application/problem+json');
        expect(bad.json().errors).toEqual([
          expect.objectContaining({ path: 'params.date', message: expect.stringContaining('日期应为 YYYY-MM-DD') }),
        ]);
      }
      const badTenant = await fx.app.inject({ url: `${DAILY}/2026-07-15.pdf?tenant=62`, headers: SUPERVISOR });
      expect(badTenant.statusCode).toBe(400);
      expect(badTenant.json().errors[0].path).toBe('querystring.tenant');
      expect(fx.fake.calls).toHaveLength(calls);

      const future = await fx.app.inject({ url: `${DAILY}/2099-01-01.pdf`, headers: SUPERVISOR });
      expect(future.statusCode).toBe(400);
      expect(future.json().errors).toEqual([
        expect.objectContaining({ path: 'params.date', message: '日期不能晚于今天' }),
      ]);
      const sibling = await fx.app.inject({ url: `${DAILY}/2026-07-15.pdf?tenant=620302`, headers: SUPERVISOR });
      expect(sibling.statusCode).toBe(403);
      expect(sibling.json()).toMatchObject({ code: 'TENANT_OUT_OF_SCOPE' });
      const clerk = await fx.app.inject({ url: `${DAILY}/2026-07-15.pdf`, headers: CLERK });
      expect(clerk.statusCode).toBe(403);
    });
  });
});
