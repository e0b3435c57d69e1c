import { MongoNetworkError, MongoServerError, MongoServerSelectionError } from 'mongodb';
import { ConflictError, DomainError, ValidationError } from '@govhall/errors';
import { createRetryPolicy, isTransientError, TransientError } from './retry-policy';

class Unavailable extends DomainError {
  readonly kind = 'unavailable' as const;
}

describe('retry policy', () => {
  it('retries a failing message with doubling waits up to the cap, then dead-letters it on the last attempt', () => {
    const attempts = createRetryPolicy({ maxAttempts: 5, initialBackoffMs: 100, maxBackoffMs: 500 }).forMessage();
    const rejected = new Error('handler refuses this message');
    const decisions = [1, 2, 3, 4, 5].map(() => attempts.fail(rejected));
    expect(decisions).toEqual([
      { action: 'retry', delayMs: 100, transient: false },
      { action: 'retry', delayMs: 200, transient: false },
      { action: 'retry', delayMs: 400, transient: false },
      { action: 'retry', delayMs: 500, transient: false },
      { action: 'dead-letter', transient: false },
    ]);
    expect(attempts.attempts).toBe(5);
  });

  it('dead-letters at once with one attempt allowed', () => {
    expect(createRetryPolicy({ maxAttempts: 1 }).forMessage().fail(new Error('no'))).toEqual({
      action: 'dead-letter',
      transient: false,
    });
  });

  it('keeps retrying transient failures without using up the attempts, and counts them apart', () => {
    const attempts = createRetryPolicy({ maxAttempts: 2, initialBackoffMs: 10, maxBackoffMs: 80 }).forMessage();
    const down = new MongoServerSelectionError('connect ECONNREFUSED 127.0.0.1:27017', { type: 'Unknown' } as never);
    const waits = Array.from({ length: 50 }, () => attempts.fail(down));
    expect(waits.every((d) => d.action === 'retry' && d.transient)).toBe(true);
    expect(waits.slice(0, 5).map((d) => (d.action === 'retry' ? d.delayMs : -1))).toEqual([10, 20, 40, 80, 80]);
    // The message's own failures still count from the first.
    expect(attempts.fail(new Error('bad'))).toEqual({ action: 'retry', delayMs: 10, transient: false });
    expect(attempts.fail(new Error('bad'))).toEqual({ action: 'dead-letter', transient: false });
    expect(attempts.attempts).toBe(52);
  });

  it('takes a custom classification', () => {
    const attempts = createRetryPolicy({ maxAttempts: 1, isTransient: (e) => (e as Error).message === 'later' });
    expect(attempts.forMessage().fail(new Error('later')).action).toBe('retry');
    expect(attempts.forMessage().fail(new Error('never')).action).toBe('dead-letter');
  });

  it('refuses settings that would never dead-letter or wait backwards', () => {
    expect(() => createRetryPolicy({ maxAttempts: 0 })).toThrow(RangeError);
    expect(() => createRetryPolicy({ maxAttempts: 1.5 })).toThrow(RangeError);
    expect(() => createRetryPolicy({ initialBackoffMs: 1_000, maxBackoffMs: 10 })).toThrow(RangeError);
  });
});

describe('isTransientError', () => {
  it.each([
    ['a lost connection', new MongoNetworkError('connection 3 to 127.0.0.1:27017 closed')],
    ['no server to select', new MongoServerSelectionError('Server selection timed out', { type: 'Unknown' } as never)],
    ['FerretDB without PostgreSQL', new MongoServerError({ code: 1, errmsg: 'failed to connect to PostgreSQL' })],
    ['a stepped-down primary', new MongoServerError({ code: 10107, errmsg: 'not primary' })],
    ['a refused socket', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })],
    ['an unavailable dependency', new Unavailable('UPSTREAM_DOWN', '服务暂不可用')],
    ['a TransientError', new TransientError('identity is restarting')],
    ['a wrapped network error', new Error('recording failed', { cause: new MongoNetworkError('socket hang up') })],
  ])('%s is transient', (_, err) => {
    expect(isTransientError(err)).toBe(true);
  });

  it.each([
    ['a plain error', new Error('cannot read properties of undefined')],
    ['a duplicate key', new MongoServerError({ code: 11000, errmsg: 'E11000 duplicate key' })],
    ['a validation error', new ValidationError([{ path: 'tenant', message: '格式不正确' }])],
    ['a conflict', new ConflictError('VERSION_CONFLICT', '已被修改')],
    ['code 1 outside the driver', Object.assign(new Error('x'), { code: 1 })],
    ['a string', 'boom'],
    ['nothing', undefined],
  ])('%s is not', (_, err) => {
    expect(isTransientError(err)).toBe(false);
  });
});
