import { concealForbidden, ForbiddenError, NotFoundError, ValidationError } from './index';

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
