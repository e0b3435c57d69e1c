import { caseAtWindow, windowSetup } from '../window.test-double';
import { DEEMED_REASON, deemAcceptanceUseCase } from './deem-acceptance.usecase';

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
});
