import { ValidationError } from '@govhall/errors';
import { CLERK, caseAtWindow, windowSetup } from '../window.test-double';
import { passPreReviewUseCase } from './pass-pre-review.usecase';

describe('passPreReview', () => {
  it('records the written opinion → PRE_REVIEW_PASSED (not yet sent to acceptance)', async () => {
    const s = windowSetup();
    const c = s.put(caseAtWindow());
    const next = await passPreReviewUseCase(s.deps)(
      { id: c.id, expectedVersion: 1, opinion: '材料齐全，初审通过' },
      CLERK,
      {},
    );
    expect(next.status).toBe('pre_review_passed');
    expect(next.history.at(-1)).toMatchObject({ action: '预审通过', reason: '材料齐全，初审通过' });
    expect(s.events.map((e) => e.transition)).toEqual(['pre_review_passed']);
  });

  it('needs an opinion and the PRE_REVIEW state', async () => {
    const s = windowSetup();
    const c = s.put(caseAtWindow());
    await expect(
      passPreReviewUseCase(s.deps)({ id: c.id, expectedVersion: 1, opinion: '' }, CLERK, {}),
    ).rejects.toBeInstanceOf(ValidationError);
    const d = s.put(caseAtWindow({ id: '7b0e4b1e-3f0c-4b7e-9a51-1d2c3e4f5a60', status: 'supplement' }));
    await expect(
      passPreReviewUseCase(s.deps)({ id: d.id, expectedVersion: 1, opinion: '材料齐全' }, CLERK, {}),
    ).rejects.toMatchObject({ code: 'WRONG_STATE', message: expect.stringContaining('补办件') });
  });
});
