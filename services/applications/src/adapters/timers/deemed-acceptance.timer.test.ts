import { createLogger } from '@govhall/logging';
import { DeemedAcceptanceTimer } from './deemed-acceptance.timer';

describe('DeemedAcceptanceTimer', () => {
  it('reads every waiting case after a start until a run leaves none behind, then looks back day by day', async () => {
    const scopes: string[] = [];
    const answers = [100, 3, 0, 0]; // accepted per run; a full batch (100) means more may be waiting
    const timer = new DeemedAcceptanceTimer(
      async (scope) => {
        scopes.push(scope);
        return Array.from({ length: answers[scopes.length - 1] ?? 0 }, (_, i) => `c${i}`);
      },
      { intervalMs: 60_000, batch: 100, logger: createLogger('test', 'silent'), afterWrite: () => undefined },
    );
    for (let i = 0; i < 4; i++) await timer.runOnce();
    expect(scopes).toEqual(['all', 'all', 'recent', 'recent']);
  });

  it('tries every waiting case again after a failed start-up run', async () => {
    const scopes: string[] = [];
    let fail = true;
    const timer = new DeemedAcceptanceTimer(
      async (scope) => {
        scopes.push(scope);
        if (fail) {
          fail = false;
          throw new Error('store unavailable');
        }
        return [];
      },
      { intervalMs: 60_000, batch: 100, logger: createLogger('test', 'silent'), afterWrite: () => undefined },
    );
    await timer.runOnce();
    await timer.runOnce();
    await timer.runOnce();
    expect(scopes).toEqual(['all', 'all', 'recent']);
  });
});
