// The CPU accounting of the benchmark reports: a process tree's ticks must not drop when a child ends (a
// PostgreSQL backend closed by FerretDB during a run once showed postgres at −865% of a core).
import { spawnSync } from 'node:child_process';
import { processTicks } from './lib.ts';

describe('processTicks', () => {
  it('keeps the CPU of a child that ended in its parent’s total', () => {
    const before = processTicks(process.pid, true)!;
    // A child that burns 0.4 s of its own CPU (not of wall time: on a busy machine it gets a fraction of a core) and
    // ends (spawnSync waits for it, so its time goes to this process).
    const child = spawnSync(process.execPath, [
      '-e',
      'const t = process.cpuUsage(); while (process.cpuUsage(t).user < 400000) {}',
    ]);
    expect(child.status).toBe(0);
    const after = processTicks(process.pid, true)!;
    expect(after - before).toBeGreaterThanOrEqual(25); // ticks of 10 ms
  });
});
