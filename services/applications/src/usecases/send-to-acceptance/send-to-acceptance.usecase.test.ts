import { CLERK, caseAtWindow, windowSetup } from '../window.test-double';
import { sendToAcceptanceUseCase } from './send-to-acceptance.usecase';

const passed = { status: 'pre_review_passed' as const, channel: 'online' as const };

describe('sendToAcceptance', () => {
  it('accepts an online case whose item needs no paper (网上受理)', async () => {
    const s = windowSetup();
    const c = s.put(caseAtWindow(passed));
    const next = await sendToAcceptanceUseCase(s.deps)({ id: c.id, expectedVersion: 1 }, CLERK, {});
    expect(next.status).toBe('processing');
    expect(s.events.map((e) => e.transition)).toEqual(['accepted']);
  });

  it('makes an online case wait for paper originals when a required material is an original or a visit is needed', async () => {
    for (const overrides of [
      { visits: 1 },
      { materials: [{ ...windowSetup().edition.materials[0]!, form: 'original' }] },
    ]) {
      const s = windowSetup({ edition: overrides });
      const c = s.put(caseAtWindow(passed));
      const next = await sendToAcceptanceUseCase(s.deps)({ id: c.id, expectedVersion: 1 }, CLERK, {});
      expect(next.status).toBe('awaiting_paper');
      expect(s.events.map((e) => e.transition)).toEqual(['awaiting_paper']);
      expect(s.documents).toHaveLength(0);
    }
  });

  it('accepts a counter case at once: the originals were seen at the counter', async () => {
    const s = windowSetup({ edition: { visits: 1 } });
    const c = s.put(caseAtWindow({ status: 'pre_review_passed' }));
    expect((await sendToAcceptanceUseCase(s.deps)({ id: c.id, expectedVersion: 1 }, CLERK, {})).status).toBe(
      'processing',
    );
  });

  it('refuses a case that has not passed pre-review', async () => {
    const s = windowSetup();
    const c = s.put(caseAtWindow());
    await expect(sendToAcceptanceUseCase(s.deps)({ id: c.id, expectedVersion: 1 }, CLERK, {})).rejects.toMatchObject({
      code: 'WRONG_STATE',
      metadata: { currentStatus: 'pre_review' },
    });
  });
});
