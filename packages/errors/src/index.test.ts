import {
  ConcurrencyError,
  concealForbidden,
  ForbiddenError,
  NotFoundError,
  retryOnConflict,
  ValidationError,
} from './index';

describe('concealForbidden', () => {
  const notFound = new NotFoundError('ITEM_NOT_FOUND', '未找到该事项');

  it('turns a refusal into the not-found error and passes anything else through', () => {
    expect(concealForbidden(() => 42, notFound)).toBe(42);
    expect(() =>
      concealForbidden(() => {
        throw new ForbiddenError('TENANT_OUT_OF_SCOPE', '无权访问');
      }, notFound),
    ).toThrow(notFound);
    const invalid = new ValidationError([]);
    expect(() =>
      concealForbidden(() => {
        throw invalid;
      }, notFound),
    ).toThrow(invalid);
  });
});

describe('retryOnConflict', () => {
  it('writes again after a lost race and answers the write that won', async () => {
    let tries = 0;
    const got = await retryOnConflict(async () => {
      tries += 1;
      if (tries < 3) throw new ConcurrencyError();
      return tries;
    });
    expect(got).toBe(3);
  });

  it('gives up after the attempts and lets any other error through at once', async () => {
    let tries = 0;
    await expect(
      retryOnConflict(async () => {
        tries += 1;
        throw new ConcurrencyError();
      }, 4),
    ).rejects.toBeInstanceOf(ConcurrencyError);
    expect(tries).toBe(4);
    tries = 0;
    const denied = new ForbiddenError();
    await expect(
      retryOnConflict(async () => {
        tries += 1;
        throw denied;
      }),
    ).rejects.toBe(denied);
    expect(tries).toBe(1);
  });
});
