import { status } from '@grpc/grpc-js';
import { supervisionV1 } from '@govhall/proto';
import { grpcFailure, waitFor } from '@govhall/testing';
import { ORDER_TOPIC, SIGNAL_TOPIC, startOrderWorld, type OrderWorld } from './order-world';

// 督办 orders (S9, ADR 0044) against the real stack: identity (this run's staff) and supervision, each its own
// process, real Keycloak tokens, FerretDB and Kafka. Time passes through supervision's CLOCK_FILE, never by waiting.
const pb = supervisionV1;
let w: OrderWorld;

beforeAll(async () => {
  w = await startOrderWorld();
  w.setDay('2026-03-12'); // a Thursday: 3 working days end on Tuesday 2026-03-17
}, 240_000);

afterAll(async () => {
  await w?.stop();
});

type OrderAnswer = { order?: supervisionV1.SupervisionOrder; clock?: supervisionV1.MatterClock };

const issue = (
  over: Partial<supervisionV1.IssueOrderRequest> = {},
  who: 'supervisor' | 'city' | 'clerk' = 'supervisor',
) =>
  w.call<supervisionV1.IssueOrderRequest, OrderAnswer>(
    'orders',
    'issueOrder',
    pb.IssueOrderRequest.fromPartial({
      tenant: '620321',
      targetKind: pb.OrderTargetKind.ORDER_TARGET_KIND_CASE,
      targetId: 'case-int-17',
      subject: '食品经营许可办件超期，请说明原因',
      requirement: '请于期限内说明超期原因并提出整改措施。',
      deadlineWorkingDays: 3,
      responsibleDepartment: '620321-SCJG',
      responsiblePerson: w.usernames.clerk,
      requestId: `order-${Date.now()}`,
      ...over,
    }),
    who,
  );

const signalsOf = async (matterId: string) =>
  (
    await w.call<supervisionV1.ListSignalsRequest, supervisionV1.ListSignalsResponse>(
      'clocks',
      'listSignals',
      pb.ListSignalsRequest.fromPartial({ tenant: '620321', matterId }),
      'supervisor',
    )
  ).signals;

describe('督办 orders', () => {
  it('an order is clocked in working days: 预警, then 黄牌 (never 红牌), told to the addressee; reply, return, close', async () => {
    const { order, clock } = await issue();
    expect(order).toMatchObject({ state: pb.OrderState.ORDER_STATE_ISSUED, issuedDate: '2026-03-12', version: 1 });
    expect(clock).toMatchObject({ kind: pb.MatterKind.MATTER_KIND_SUPERVISION_ORDER, caseNumber: 'case-int-17' });
    expect(clock!.promised).toMatchObject({ dueDate: '2026-03-17', remainingWorkingDays: 3 });
    const id = order!.id;

    w.setDay('2026-03-16');
    const warning = await waitFor(
      async () => (await signalsOf(id)).find((s) => s.level === pb.SignalLevel.SIGNAL_LEVEL_WARNING),
      {
        what: '预警 on the order',
      },
    );
    expect(warning.reason).toBe('督办办理期限剩余1个工作日（共3个工作日）');
    // The addressee is told (S16): responsible person, the department's head, the tenant's supervisor.
    expect(warning.notified).toEqual(
      expect.arrayContaining([
        `responsible:${w.usernames.clerk}`,
        `department_head:${w.usernames.head}`,
        `supervisor:${w.usernames.supervisor}`,
      ]),
    );

    w.setDay('2026-03-20');
    const yellow = await waitFor(
      async () => (await signalsOf(id)).find((s) => s.level === pb.SignalLevel.SIGNAL_LEVEL_YELLOW),
      {
        what: '黄牌 on the order',
      },
    );
    expect(yellow.reason).toBe('已超过督办办理期限3个工作日');

    const replied = await w.call<supervisionV1.ReplyToOrderRequest, OrderAnswer>(
      'orders',
      'replyToOrder',
      { id, text: '已说明超期原因，整改措施见附件。', version: 1 },
      'clerk',
    );
    expect(replied.clock).toMatchObject({ state: pb.ClockState.CLOCK_STATE_STOPPED, endedDate: '2026-03-20' });
    const afterReply = await signalsOf(id);
    expect(afterReply.every((s) => s.clearedAt !== undefined)).toBe(true);
    expect(afterReply.find((s) => s.id === yellow.id)?.clearedReason).toBe('督办事项已答复');

    const returned = await w.call<supervisionV1.ReturnOrderRequest, OrderAnswer>(
      'orders',
      'returnOrder',
      { id, reason: '整改措施不具体', version: 2 },
      'supervisor',
    );
    expect(returned.clock).toMatchObject({
      state: pb.ClockState.CLOCK_STATE_RUNNING,
      signal: pb.SignalLevel.SIGNAL_LEVEL_YELLOW,
    });
    await w.call('orders', 'replyToOrder', { id, text: '已补充具体整改措施。', version: 3 }, 'clerk');
    const closed = await w.call<supervisionV1.CloseOrderRequest, OrderAnswer>(
      'orders',
      'closeOrder',
      { id, note: '同意办结', version: 4 },
      'supervisor',
    );
    expect(closed.order).toMatchObject({ state: pb.OrderState.ORDER_STATE_CLOSED, version: 5 });
    expect(closed.clock!.state).toBe(pb.ClockState.CLOCK_STATE_STOPPED);
    expect((await signalsOf(id)).some((s) => s.level === pb.SignalLevel.SIGNAL_LEVEL_RED)).toBe(false);

    // Each change announced once on govhall.supervision.order; a later order's OrderIssued is the marker that
    // everything before it was read.
    const marker = await issue({ targetId: 'case-int-marker' });
    await waitFor(async () => w.events.of(ORDER_TOPIC, marker.order!.id).length === 1, { what: 'the marker order' });
    await w.events.caughtUp();
    expect(w.events.of(ORDER_TOPIC, id).map((e) => [e.envelope.type, e.envelope.aggregateVersion])).toEqual([
      ['govhall.supervision.v1.OrderIssued', 1],
      ['govhall.supervision.v1.OrderReplied', 2],
      ['govhall.supervision.v1.OrderReturned', 3],
      ['govhall.supervision.v1.OrderReplied', 4],
      ['govhall.supervision.v1.OrderClosed', 5],
    ]);
    const raised = w.events.of(SIGNAL_TOPIC, id, 'govhall.supervision.v1.SignalRaised');
    expect(raised).toHaveLength(3); // 预警, 黄牌, 黄牌 again after the return
  }, 120_000);

  it('bad input is refused naming the fields in Chinese and stores nothing; scope and roles are held', async () => {
    const before = await w.call<supervisionV1.ListOrdersRequest, supervisionV1.ListOrdersResponse>(
      'orders',
      'listOrders',
      pb.ListOrdersRequest.fromPartial({ tenant: '620321' }),
      'supervisor',
    );
    const bad = await grpcFailure(
      issue({
        targetKind: pb.OrderTargetKind.ORDER_TARGET_KIND_UNSPECIFIED,
        subject: '   ',
        deadlineWorkingDays: 61,
        responsibleDepartment: '620302-SCJG',
      }),
    );
    expect(bad.code).toBe(status.INVALID_ARGUMENT);
    expect(bad.violations.map((v) => [v.path, v.message])).toEqual([
      ['targetKind', '请选择督办对象类型（办件、部门或窗口）'],
      ['subject', '请填写督办事由'],
      ['deadlineWorkingDays', '办理期限应为1至60个工作日'],
      ['responsibleDepartment', '责任部门应为本级进驻部门'],
    ]);
    expect((await grpcFailure(issue({}, 'clerk'))).code).toBe(status.PERMISSION_DENIED);
    expect((await grpcFailure(issue({}, 'city'))).code).toBe(status.PERMISSION_DENIED);
    const after = await w.call<supervisionV1.ListOrdersRequest, supervisionV1.ListOrdersResponse>(
      'orders',
      'listOrders',
      pb.ListOrdersRequest.fromPartial({ tenant: '620321' }),
      'supervisor',
    );
    expect(after.orders.map((o) => o.id)).toEqual(before.orders.map((o) => o.id));

    const { order } = await issue();
    const id = order!.id;
    const city = await w.call<supervisionV1.GetOrderRequest, OrderAnswer>('orders', 'getOrder', { id }, 'city');
    expect(city.order!.id).toBe(id);
    expect((await grpcFailure(w.call('orders', 'getOrder', { id }, 'sibling'))).code).toBe(status.NOT_FOUND);
    const early = await grpcFailure(w.call('orders', 'closeOrder', { id, note: '', version: 1 }, 'supervisor'));
    expect(early.code).toBe(status.FAILED_PRECONDITION);
    expect(early.message).toBe('督办事项当前为「待办理」，只有已答复的督办事项可以办结');
    const stale = await grpcFailure(w.call('orders', 'replyToOrder', { id, text: '已办理', version: 9 }, 'clerk'));
    expect(stale.code).toBe(status.ABORTED);
    expect(
      (await grpcFailure(w.call('orders', 'replyToOrder', { id, text: '', version: 1 }, 'clerk'))).violations[0]!.path,
    ).toBe('text');
    const unchanged = await w.call<supervisionV1.GetOrderRequest, OrderAnswer>('orders', 'getOrder', { id }, 'clerk');
    expect(unchanged.order).toMatchObject({ state: pb.OrderState.ORDER_STATE_ISSUED, version: 1 });
  }, 60_000);
});
