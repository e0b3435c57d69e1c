import { useRouteFixture } from '../../../../../lib/fake-grpc-server.test-double';
import { CHINESE, CENTER_ADMIN, CLERK, SUPERVISOR } from '../supervision.fixtures.test-double';
import { MISSING_ORDER, ORDER_ID, startOrdersFixture } from './orders.fixtures.test-double';

const fx = useRouteFixture(() => startOrdersFixture());
const APPLICANT = { authorization: 'Bearer applicant' };

const issueBody = {
  targetKind: 'case',
  targetId: 'case-17',
  subject: '食品经营许可办件超期，请说明原因',
  requirement: '请于期限内说明超期原因并提出整改措施。',
  deadlineWorkingDays: 3,
  responsibleDepartment: '620321-SCJG',
  responsiblePerson: 'clerk-a',
  requestId: 'order-0001',
};

describe('supervision routes: 督办 orders and the historical import', () => {
  it('issues an order (201) with the fields passed on, and answers the order with its clock', async () => {
    const res = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/supervision/orders',
      headers: SUPERVISOR,
      payload: issueBody,
    });
    expect(res.statusCode).toBe(201);
    expect(fx.lastCall().request).toMatchObject({
      tenant: '',
      targetKind: 1,
      targetId: 'case-17',
      deadlineWorkingDays: 3,
      responsiblePerson: 'clerk-a',
      requestId: 'order-0001',
    });
    expect(res.json()).toMatchObject({
      order: { id: ORDER_ID, targetKind: 'case', state: 'issued', issuedAt: '2026-12-03T02:00:00.000Z', version: 1 },
      clock: { matterId: ORDER_ID, kind: 'supervision_order' },
    });
  });

  it('lists, reads, replies, returns and closes', async () => {
    const list = await fx.app.inject({
      url: '/api/v1/supervision/orders?state=issued&includeSubordinates=true',
      headers: SUPERVISOR,
    });
    expect(list.statusCode).toBe(200);
    expect(fx.lastCall().request).toMatchObject({ state: 1, includeSubordinates: true });
    expect(list.json()).toMatchObject({ orders: [{ id: ORDER_ID }], total: 1 });
    expect((await fx.app.inject({ url: `/api/v1/supervision/orders/${ORDER_ID}`, headers: CLERK })).statusCode).toBe(
      200,
    );
    const replied = await fx.app.inject({
      method: 'POST',
      url: `/api/v1/supervision/orders/${ORDER_ID}/reply`,
      headers: CLERK,
      payload: { text: '已说明原因。', version: 1 },
    });
    expect(replied.json()).toMatchObject({
      order: { state: 'replied', replies: [{ text: '已说明原因。', by: 'clerk-a' }] },
      clock: { state: 'stopped' },
    });
    const returned = await fx.app.inject({
      method: 'POST',
      url: `/api/v1/supervision/orders/${ORDER_ID}/return`,
      headers: SUPERVISOR,
      payload: { reason: '整改措施不具体', version: 2 },
    });
    expect(returned.json()).toMatchObject({
      order: { state: 'returned', returns: [{ reason: '整改措施不具体' }], version: 3 },
    });
    const closed = await fx.app.inject({
      method: 'POST',
      url: `/api/v1/supervision/orders/${ORDER_ID}/close`,
      headers: SUPERVISOR,
      payload: { version: 4 },
    });
    expect(fx.lastCall().request).toMatchObject({ id: ORDER_ID, note: '', version: 4 });
    expect(closed.json()).toMatchObject({ order: { state: 'closed', closedBy: 'sup-li', version: 5 } });
  });

  it('refuses bad input at the edge in Chinese naming the field, and passes the service refusals on', async () => {
    for (const [method, url, payload, field] of [
      ['POST', '/api/v1/supervision/orders', { ...issueBody, deadlineWorkingDays: 0 }, 'deadlineWorkingDays'],
      ['POST', '/api/v1/supervision/orders', { ...issueBody, targetKind: 'person' }, 'targetKind'],
      ['POST', '/api/v1/supervision/orders', { ...issueBody, requestId: 'x' }, 'requestId'],
      ['POST', `/api/v1/supervision/orders/${ORDER_ID}/reply`, { text: '', version: 1 }, 'text'],
      ['GET', '/api/v1/supervision/orders/not-an-order', undefined, 'id'],
    ] as const) {
      const res = await fx.app.inject({ method, url, headers: SUPERVISOR, ...(payload ? { payload } : {}) });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const body = res.json();
      expect(JSON.stringify(body)).toContain(field);
      expect(body.title ?? body.detail).toMatch(CHINESE);
    }
    expect(fx.fake.calls).toHaveLength(0);
    const missing = await fx.app.inject({ url: `/api/v1/supervision/orders/${MISSING_ORDER}`, headers: SUPERVISOR });
    expect(missing.statusCode).toBe(404);
    const late = await fx.app.inject({
      method: 'POST',
      url: `/api/v1/supervision/orders/${ORDER_ID}/reply`,
      headers: CLERK,
      payload: { text: '已办理', version: 2 },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toBe('督办事项当前为「已答复」，只有待办理或已退回的督办事项可以答复');
  });

  it('holds the roles at the edge', async () => {
    expect(
      (await fx.app.inject({ method: 'POST', url: '/api/v1/supervision/orders', headers: CLERK, payload: issueBody }))
        .statusCode,
    ).toBe(403);
    expect(
      (await fx.app.inject({ url: `/api/v1/supervision/orders/${ORDER_ID}`, headers: APPLICANT })).statusCode,
    ).toBe(403);
    expect((await fx.app.inject({ url: '/api/v1/supervision/orders' })).statusCode).toBe(401);
    expect(fx.fake.calls).toHaveLength(0);
  });

  it('imports historical cases and reports refused lines', async () => {
    const res = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/supervision/historical-cases/import',
      headers: CENTER_ADMIN,
      payload: { content: '{"caseNumber":"620321-2019-000123"}\n{"caseNumber":"x"}', firstLine: 1000 },
    });
    expect(res.statusCode).toBe(200);
    expect(fx.lastCall().request).toMatchObject({ tenant: '', firstLine: 1000 });
    expect(res.json()).toEqual({
      imported: 1,
      alreadyImported: 0,
      rejected: [{ line: 1002, field: 'receivedDate', message: '第1002行：收件日期应为有效日期（YYYY-MM-DD）' }],
    });
    const empty = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/supervision/historical-cases/import',
      headers: SUPERVISOR,
      payload: { content: ' ' },
    });
    expect(empty.statusCode).toBe(400);
    expect(JSON.stringify(empty.json())).toContain('content');
    expect(
      (
        await fx.app.inject({
          method: 'POST',
          url: '/api/v1/supervision/historical-cases/import',
          headers: CLERK,
          payload: { content: '{}' },
        })
      ).statusCode,
    ).toBe(403);
  });
});
