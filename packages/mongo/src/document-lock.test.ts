import { DocumentLocks } from './document-lock';

describe('DocumentLocks', () => {
  it('runs work on the same key one at a time, in arrival order, and other keys in parallel', async () => {
    const locks = new DocumentLocks();
    const log: string[] = [];
    const step = (name: string, ms: number) => async () => {
      log.push(`${name}:start`);
      await new Promise((r) => setTimeout(r, ms));
      log.push(`${name}:end`);
      return name;
    };
    const results = await Promise.all([
      locks.run('a', step('a1', 20)),
      locks.run('a', step('a2', 1)),
      locks.run('b', step('b1', 1)),
    ]);
    expect(results).toEqual(['a1', 'a2', 'b1']);
    expect(log.indexOf('a1:end')).toBeLessThan(log.indexOf('a2:start'));
    expect(log.indexOf('b1:end')).toBeLessThan(log.indexOf('a1:end'));
  });

  it('keeps going after a failure', async () => {
    const locks = new DocumentLocks();
    await expect(locks.run('a', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(locks.run('a', async () => 'next')).resolves.toBe('next');
  });
});
