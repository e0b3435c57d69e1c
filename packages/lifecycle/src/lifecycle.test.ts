import { stopOnSignals } from './index';

function logger() {
  const lines: string[] = [];
  return {
    lines,
    info: (_: object, m: string) => lines.push(m),
    error: (_: object, m: string) => lines.push(`ERROR ${m}`),
  };
}

describe('stopOnSignals', () => {
  afterEach(() => {
    process.removeAllListeners('SIGTERM');
    process.removeAllListeners('SIGINT');
  });

  it('runs the steps in order once and exits 0', async () => {
    const order: string[] = [];
    const codes: number[] = [];
    const log = logger();
    stopOnSignals(
      log,
      [
        ['server', async () => order.push('server')],
        ['database', async () => order.push('database')],
      ],
      (c) => codes.push(c),
    );
    process.emit('SIGTERM');
    process.emit('SIGINT');
    await new Promise((r) => setImmediate(r));
    expect(order).toEqual(['server', 'database']);
    expect(codes).toEqual([0]);
  });

  it('stops at a failing step and exits 1', async () => {
    const order: string[] = [];
    const codes: number[] = [];
    const log = logger();
    stopOnSignals(
      log,
      [
        ['server', async () => Promise.reject(new Error('stuck'))],
        ['database', async () => order.push('database')],
      ],
      (c) => codes.push(c),
    );
    process.emit('SIGTERM');
    await new Promise((r) => setImmediate(r));
    expect(order).toEqual([]);
    expect(codes).toEqual([1]);
    expect(log.lines).toContain('ERROR shutdown step failed');
  });
});
