import { BackgroundWork } from './background-work';

const logger = { info: () => undefined, error: jest.fn() };

describe('BackgroundWork', () => {
  it('runs passes until one does nothing, and tells after a pass that wrote', async () => {
    const left = [3, 1, 0];
    let writes = 0;
    const work = new BackgroundWork('test work', async () => left.shift() ?? 0, {
      intervalMs: 60_000,
      logger,
      afterWrite: () => writes++,
    });
    await work.run();
    expect(left).toEqual([]);
    expect(writes).toBe(2);
    await work.stop();
  });

  it('never overlaps: a nudge during a pass runs one more pass after it', async () => {
    let active = 0;
    let most = 0;
    let passes = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const work = new BackgroundWork(
      'test work',
      async () => {
        active++;
        most = Math.max(most, active);
        passes++;
        if (passes === 1) await gate;
        active--;
        return 0;
      },
      { intervalMs: 60_000, logger },
    );
    const first = work.run();
    work.nudge();
    work.nudge();
    release();
    await first;
    expect(most).toBe(1);
    expect(passes).toBe(2);
    await work.stop();
  });

  it('a failing pass is logged and the work goes on at the next nudge', async () => {
    let calls = 0;
    const errors: string[] = [];
    const work = new BackgroundWork(
      'flaky work',
      async () => {
        calls++;
        if (calls === 1) throw new Error('store down');
        return 0;
      },
      { intervalMs: 60_000, logger: { info: () => undefined, error: (_o, msg) => errors.push(msg) } },
    );
    await work.run();
    await work.run();
    expect(calls).toBe(2);
    expect(errors).toEqual(['flaky work failed; the next pass retries']);
    await work.stop();
  });
});
