import { ConcurrencyError, ForbiddenError, NotFoundError, PreconditionError, ValidationError } from '@govhall/errors';
import { violationWorld, who } from '../violation-test-fixtures.test-double';

describe('dismiss-violation', () => {
  const id = 'case-1.decision-past-limit';

  it('dismisses an open violation with its reason and bumps the version', async () => {
    const { dismiss, violations } = await violationWorld();
    const done = await dismiss({ id, reason: ' 系统节假日配置错误 ', version: 1 }, who(['supervisor']));
    expect(done).toMatchObject({ state: 'dismissed', dismissedReason: '系统节假日配置错误', version: 2 });
    expect(violations.stored.get(id)!.state).toBe('dismissed');
    await expect(dismiss({ id, reason: '再次', version: 2 }, who(['supervisor']))).rejects.toBeInstanceOf(
      PreconditionError,
    );
  });

  it('changes nothing on a missing reason, a stale version, or a caller of another tenant or role', async () => {
    const { dismiss, violations } = await violationWorld();
    await expect(dismiss({ id, reason: ' ', version: 1 }, who(['supervisor']))).rejects.toMatchObject({
      violations: [{ path: 'reason', reason: 'REQUIRED' }],
    });
    await expect(dismiss({ id, reason: 'x', version: 0 }, who(['supervisor']))).rejects.toBeInstanceOf(ValidationError);
    await expect(dismiss({ id, reason: 'x', version: 3 }, who(['supervisor']))).rejects.toBeInstanceOf(
      ConcurrencyError,
    );
    // The city reads the county's violation but does not handle it; a sibling does not even see it.
    await expect(dismiss({ id, reason: 'x', version: 1 }, who(['supervisor'], '620300'))).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(dismiss({ id, reason: 'x', version: 1 }, who(['supervisor'], '620302'))).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(dismiss({ id, reason: 'x', version: 1 }, who(['center_admin']))).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(violations.stored.get(id)).toMatchObject({ state: 'open', version: 1, dismissedReason: '' });
  });
});
