import type { Principal } from '@govhall/auth';
import { ConcurrencyError } from '@govhall/errors';
import { concludeJointReview, type JointReview } from '../../domain/reviews/joint-review';
import type { DecisionOutcome } from '../../domain/tasks/task';
import type { CasesPort, Clock, Duty, JointReviewRepository } from '../ports';
import { requireLead, reviewNotFound } from '../reviews/review.access';
import type { AttachmentStore } from '../attachments/attachment.ports';
import { attachmentsFor } from '../attachments/use-attachments';
import type { reportConclusionsUseCase } from '../report-conclusions/report-conclusions.usecase';

export interface ConcludeRequest {
  reviewId: string;
  expectedVersion: number;
  outcome: DecisionOutcome | undefined;
  reasons: string[];
  conditions: string[];
  attachmentIds: string[];
}

/**
 * The lead concludes (J1) and the conclusion goes to the cases service at once; when the cases service cannot be
 * reached, the review stays concluded-but-unreported and the reporter retries it (nothing is lost if this process
 * dies in between: the unreported conclusion is in the database).
 */
export function concludeJointReviewUseCase(deps: {
  reviews: JointReviewRepository;
  duty: Duty;
  cases: CasesPort;
  clock: Clock;
  report: ReturnType<typeof reportConclusionsUseCase>;
  attachments: AttachmentStore;
}) {
  return async (request: ConcludeRequest, actor: Principal): Promise<JointReview> => {
    const review = await deps.reviews.findById(request.reviewId);
    if (!review) throw reviewNotFound();
    requireLead(actor, review, await deps.duty.windowResponsible(review.tenant, review.leadWindowId));
    if (review.version !== request.expectedVersion) throw new ConcurrencyError('联办件已被他人修改，请刷新后重试');
    const attachments = await attachmentsFor(deps.attachments, request.attachmentIds, actor, review.tenant, review.id);
    const change = concludeJointReview(
      review,
      {
        outcome: request.outcome,
        reasons: request.reasons,
        conditions: request.conditions,
        attachments,
        concludedBy: actor.username,
      },
      deps.clock.now(),
    );
    const saved = await deps.reviews.save(change.review, review.version, change.events, actor);
    await deps.attachments.markUsed(request.attachmentIds, saved.id);
    return (await deps.report.one(saved)) ?? saved;
  };
}
