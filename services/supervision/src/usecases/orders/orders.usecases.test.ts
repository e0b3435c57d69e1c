import type { Principal, Role } from '@govhall/auth';
import { ConcurrencyError, ForbiddenError, NotFoundError, PreconditionError, ValidationError } from '@govhall/errors';
import { inMemoryClockDeps } from '../clocks.test-double';
import { refreshClocksUseCase } from '../refresh-clocks/refresh-clocks.usecase';
import { MemoryOrderStore } from './memory-order-store.test-double';
import { createOrderUseCases } from './order.use-cases';

const who = (roles: Role[], username: string, over: Partial<Principal> = {}): Principal => ({
  kind: 'user',
  subject: `s-${username}`,
  username,
  tenant: '620321',
  roles,
  clientId: 'c',
  ...over,
});
const SUPERVISOR = who(['supervisor'], 'sup1');
const ADDRESSEE = who(['window_clerk'], 'clerk1', { department: '620321-SCJG' });
const HEAD = who(['department_head'], 'head1', { department: '620321-SCJG' });
const CITY = who(['supervisor'], 'citysup', { tenant: '620300' });
const SIBLING = who(['supervisor'], 'jcqsup', { tenant: '620302' });

const form = (over: object = {}) => ({
  tenant: '',
  targetKind: 'case' as const,
  targetId: 'case-17',
  subject: '食品经营许可办件超期，请说明原因',
  requirement: '请于期限内说明超期原因并提出整改措施。',
  deadlineWorkingDays: 3,
  responsibleDepartment: '620321-SCJG',
  responsiblePerson: 'clerk1',
  requestId: 'order-0001',
  ...over,
});

function world() {
  // Thursday 2026-03-12: the deadline of 3 working days falls on Tuesday 2026-03-17.
  const clocks = inMemoryClockDeps('2026-03-12T02:00:00Z');
  const orders = new MemoryOrderStore();
  const uc = createOrderUseCases({ ...clocks.deps, orders });
  return { ...clocks, orders, uc, refresh: refreshClocksUseCase(clocks.deps) };
}

describe('督办 orders', () => {
  it('an issued order gets a clock of working days from the day after issue, and a retry answers the same order', async () => {
    const w = world();
    const { order, clock } = await w.uc.issueOrder(form(), SUPERVISOR);
    expect(order).toMatchObject({ tenant: '620321', state: 'issued', issuedDate: '2026-03-12', version: 1 });
    expect(clock).toMatchObject({ kind: 'supervision_order', state: 'running', signal: 'none', caseNumber: 'case-17' });
    expect(clock.promised).toMatchObject({ dueDate: '2026-03-17', remainingWorkingDays: 3 });
    expect(clock.promised.explanation[0]).toContain('督办办理期限');
    const again = await w.uc.issueOrder(form(), SUPERVISOR);
    expect(again.order.id).toBe(order.id);
    expect(w.orders.events).toEqual([{ event: 'issued', id: order.id, version: 1 }]);
    expect(w.orders.pending.size).toBe(0);
  });

  it('raises 预警 near the deadline and 黄牌 past it, never 红牌, as days pass on the timer', async () => {
    const w = world();
    const { order } = await w.uc.issueOrder(form(), SUPERVISOR);
    w.setDay('2026-03-16'); // Monday: 1 working day left
    await w.refresh();
    expect([...w.signals.values()].map((s) => [s.level, s.reason])).toEqual([
      ['warning', '督办办理期限剩余1个工作日（共3个工作日）'],
    ]);
    w.setDay('2026-03-20'); // 3 working days past the due date
    await w.refresh();
    const active = [...w.signals.values()].filter((s) => !s.clearedAt);
    expect(active.map((s) => [s.level, s.rule, s.reason])).toEqual([
      ['yellow', 'promised.exceeded', '已超过督办办理期限3个工作日'],
    ]);
    expect([...w.signals.values()].some((s) => s.level === 'red')).toBe(false);
    expect(active[0]!.notified).toContain('responsible:clerk1');
    expect((await w.uc.getOrder(order.id, SUPERVISOR)).clock.signal).toBe('yellow');
  });

  it('a reply stops the clock and clears its signals; a return runs it again from the day of issue; closing ends it', async () => {
    const w = world();
    const { order } = await w.uc.issueOrder(form(), SUPERVISOR);
    w.setDay('2026-03-19');
    await w.refresh();
    const replied = await w.uc.replyToOrder({ id: order.id, text: '已说明原因并整改。', version: 1 }, ADDRESSEE);
    expect(replied.order.state).toBe('replied');
    expect(replied.clock).toMatchObject({ state: 'stopped', endedDate: '2026-03-19', signal: 'none' });
    expect([...w.signals.values()].map((s) => s.clearedReason)).toEqual(['督办事项已答复']);
    w.setDay('2026-03-23');
    const returned = await w.uc.returnOrder({ id: order.id, reason: '整改措施不具体', version: 2 }, SUPERVISOR);
    expect(returned.clock).toMatchObject({ state: 'running', signal: 'yellow' });
    expect(returned.clock.promised.remainingWorkingDays).toBe(-4);
    const again = await w.uc.replyToOrder({ id: order.id, text: '已补充整改措施。', version: 3 }, ADDRESSEE);
    const closed = await w.uc.closeOrder({ id: order.id, note: '', version: again.order.version }, SUPERVISOR);
    expect(closed.order).toMatchObject({ state: 'closed', closedBy: 'sup1', version: 5 });
    expect(closed.clock.state).toBe('stopped');
    expect(w.orders.events.map((e) => e.event)).toEqual(['issued', 'replied', 'returned', 'replied', 'closed']);
  });

  it('with no person named, a head of the responsible department replies; others may not', async () => {
    const w = world();
    const { order } = await w.uc.issueOrder(
      form({ responsiblePerson: '', targetKind: 'department', targetId: '620321-SCJG' }),
      SUPERVISOR,
    );
    await expect(w.uc.replyToOrder({ id: order.id, text: '已办理', version: 1 }, ADDRESSEE)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(w.uc.replyToOrder({ id: order.id, text: '已办理', version: 1 }, SUPERVISOR)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect((await w.uc.replyToOrder({ id: order.id, text: '已办理', version: 1 }, HEAD)).order.state).toBe('replied');
  });

  it('refuses bad input naming each field, and changes nothing', async () => {
    const w = world();
    const err = await w.uc
      .issueOrder(
        form({
          targetKind: undefined,
          subject: ' ',
          deadlineWorkingDays: 0,
          responsibleDepartment: '620302-SCJG',
          requestId: 'x',
        }),
        SUPERVISOR,
      )
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).violations.map((v) => v.path)).toEqual([
      'targetKind',
      'subject',
      'deadlineWorkingDays',
      'responsibleDepartment',
      'requestId',
    ]);
    expect((err as ValidationError).violations[2]!.message).toBe('办理期限应为1至60个工作日');
    const { order } = await w.uc.issueOrder(form(), SUPERVISOR);
    await expect(w.uc.replyToOrder({ id: order.id, text: '', version: 1 }, ADDRESSEE)).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(w.uc.closeOrder({ id: order.id, note: '', version: 1 }, SUPERVISOR)).rejects.toBeInstanceOf(
      PreconditionError,
    );
    await expect(w.uc.replyToOrder({ id: order.id, text: '已办理', version: 7 }, ADDRESSEE)).rejects.toBeInstanceOf(
      ConcurrencyError,
    );
    expect(w.orders.events.length).toBe(1);
    expect((await w.uc.getOrder(order.id, SUPERVISOR)).order.version).toBe(1);
  });

  it('only a supervisor of the tenant issues; the city reads, a sibling does not', async () => {
    const w = world();
    await expect(w.uc.issueOrder(form(), HEAD)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(w.uc.issueOrder(form({ tenant: '620321' }), CITY)).rejects.toBeInstanceOf(ForbiddenError);
    const { order } = await w.uc.issueOrder(form(), SUPERVISOR);
    expect((await w.uc.getOrder(order.id, CITY)).order.id).toBe(order.id);
    expect((await w.uc.listOrders({ tenant: '620300', includeSubordinates: true }, CITY)).orders).toHaveLength(1);
    await expect(w.uc.getOrder(order.id, SIBLING)).rejects.toBeInstanceOf(NotFoundError);
    await expect(w.uc.listOrders({ tenant: '620321', includeSubordinates: false }, SIBLING)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(w.uc.closeOrder({ id: order.id, note: '', version: 1 }, CITY)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('an order whose clock a crash left behind is synced at start', async () => {
    const w = world();
    const { order } = await w.uc.issueOrder(form(), SUPERVISOR);
    w.orders.pending.add(order.id);
    w.matters.delete(order.id);
    expect(await w.uc.syncPendingOrderMatters()).toBe(1);
    expect(w.matters.get(order.id)?.clock.kind).toBe('supervision_order');
    expect(w.orders.pending.size).toBe(0);
  });
});
