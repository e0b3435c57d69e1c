import { ConflictError, ForbiddenError, PreconditionError, ValidationError } from '@govhall/errors';
import { InMemoryJointReviewRepository, principal } from '../in-memory-joint-reviews.test-double';
import { createJointReviewUseCase, type CreateJointReviewCommand } from './create-joint-review.usecase';

const command: CreateJointReviewCommand = { tenant: '620321', title: '示例标题' };

function setup(hostedTenants: string[] = []) {
  const jointReviews = new InMemoryJointReviewRepository();
  let n = 0;
  const createJointReview = createJointReviewUseCase({
    jointReviews,
    clock: { now: () => new Date('2026-11-26T00:00:00Z') },
    ids: { newId: () => `00000000-0000-4000-8000-00000000000${++n}` },
    hostedTenants,
  });
  return { jointReviews, createJointReview };
}

describe('create joint review', () => {
  it('creates version 1 with one event, recording who created it', async () => {
    const { jointReviews, createJointReview } = setup();
    const created = await createJointReview({ ...command, title: '  示例标题  ' }, principal());
    expect(created).toMatchObject({ tenant: '620321', title: '示例标题', version: 1, createdBy: 'yc-admin' });
    expect(jointReviews.events).toEqual([{ type: 'JointReviewCreated', jointReview: created }]);
  });

  it('refuses a second one with the same title in the tenant', async () => {
    const { jointReviews, createJointReview } = setup();
    await createJointReview(command, principal());
    await expect(createJointReview(command, principal())).rejects.toBeInstanceOf(ConflictError);
    expect(jointReviews.saved.size).toBe(1);
  });

  it('refuses other roles and other tenants', async () => {
    const { jointReviews, createJointReview } = setup();
    await expect(createJointReview(command, principal({ roles: ['window_clerk'] }))).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(createJointReview(command, principal({ tenant: '620302' }))).rejects.toBeInstanceOf(ForbiddenError);
    expect(jointReviews.saved.size).toBe(0);
  });

  it('refuses a tenant this deployment does not host', async () => {
    const { jointReviews, createJointReview } = setup(['620302']);
    await expect(createJointReview(command, principal())).rejects.toBeInstanceOf(PreconditionError);
    expect(jointReviews.saved.size).toBe(0);
  });

  it('names every invalid field', async () => {
    const { createJointReview } = setup();
    const err = await createJointReview({ tenant: '62', title: 'x' }, principal()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).violations.map((v) => v.path)).toEqual(['tenant', 'title']);
  });
});
