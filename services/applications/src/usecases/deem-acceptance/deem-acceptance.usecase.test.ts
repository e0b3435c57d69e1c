import { caseAtWindow, windowSetup } from '../window.test-double';
import { DEEMED_REASON, LOOKBACK_DAYS, deemAcceptanceUseCase } from './deem-acceptance.usecase';

const online = (id: string, noticeDueDate: string) =>
  caseAtWindow({ id, channel: 'online', clocks: { receivedDate: '2026-03-02', acceptedDate: '', noticeDueDate } });

describe('deemAcceptance (law §32)', () => {
  it('accepts an online case left without a notice past its day, as from its day of receipt, by the system', async () => {
    const s = windowSetup({ now: '2026-03-10T01:00:00Z' });
    const due = s.put(online('7b0e4b1e-3f0c-4b7e-9a51-1d2c3e4f5a63', '2026-03-09'));
    s.put(online('7b0e4b1e-3f0c-4b7e-9a51-1d2c3e4f5a64', '2026-03-10'));
    s.put(
      caseAtWindow({
        id: '7b0e4b1e-3f0c-4b7e-9a51-1d2c3e4f5a65',
        clocks: { receivedDate: '2026-03-02', acceptedDate: '', noticeDueDate: '2026-03-02' },
      }),
    );
    expect(await deemAcceptanceUseCase(s.deps)()).toEqual([due.id]);
    const accepted = s.stored.get(due.id)!;
    expect(accepted).toMatchObject({
      status: 'processing',
      deemedAccepted: true,
      clocks: { acceptedDate: '2026-03-02' },
    });
    expect(accepted.clocks.promised?.dueDate).toBe('2026-03-16');
    expect(accepted.history.at(-1)).toMatchObject({ actor: 'system', actorRole: 'system', reason: DEEMED_REASON });
    expect(s.events.map((e) => [e.transition, e.case.deemedAccepted])).toEqual([['accepted', true]]);
    // A second run finds nothing more to do.
    expect(await deemAcceptanceUseCase(s.deps)()).toEqual([]);
  });

  it('a regular run looks back day by day; only the start-up run finds a case overdue longer than that', async () => {
    const s = windowSetup({ now: '2026-06-10T01:00:00Z' });
    const lastWeek = s.put(online('7b0e4b1e-3f0c-4b7e-9a51-1d2c3e4f5a66', '2026-06-03'));
    const months = s.put(online('7b0e4b1e-3f0c-4b7e-9a51-1d2c3e4f5a67', '2026-03-09'));
    const reads: string[] = [];
    const dueOn = s.deps.deemedQueue.dueOn;
    s.deps.deemedQueue.dueOn = async (day, limit) => {
      reads.push(day);
      return dueOn(day, limit);
    };
    expect(await deemAcceptanceUseCase(s.deps)()).toEqual([lastWeek.id]);
    expect(reads).toHaveLength(LOOKBACK_DAYS);
    expect(reads[0]).toBe('2026-06-09');
    expect(s.stored.get(months.id)!.status).toBe('pre_review');
    expect(await deemAcceptanceUseCase(s.deps)(100, 'all')).toEqual([months.id]);
    expect(s.stored.get(months.id)).toMatchObject({ status: 'processing', deemedAccepted: true });
  });

  it('stops at the limit', async () => {
    const s = windowSetup({ now: '2026-03-10T01:00:00Z' });
    s.put(online('7b0e4b1e-3f0c-4b7e-9a51-1d2c3e4f5a68', '2026-03-09'));
    s.put(online('7b0e4b1e-3f0c-4b7e-9a51-1d2c3e4f5a69', '2026-03-06'));
    expect(await deemAcceptanceUseCase(s.deps)(1)).toHaveLength(1);
    expect(await deemAcceptanceUseCase(s.deps)(1)).toHaveLength(1);
    expect(await deemAcceptanceUseCase(s.deps)(1)).toEqual([]);
  });
});
