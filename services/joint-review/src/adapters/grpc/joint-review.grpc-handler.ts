import type { GrpcServer } from '@govhall/grpc';
import { jointReviewV1 } from '@govhall/proto';
import type { createJointReviewUseCase } from '../../usecases/create-joint-review/create-joint-review.usecase';
import { toProtoJointReview } from './joint-review.mapper';

export interface JointReviewUseCases {
  createJointReview: ReturnType<typeof createJointReviewUseCase>;
  /** Called after a write that queued outbox messages. */
  afterWrite(): void;
}

/** govhall.joint_review.v1.JointReviewService: proto ⇄ use case. */
export function registerJointReviewService(server: GrpcServer, uc: JointReviewUseCases): void {
  const impl: jointReviewV1.JointReviewServiceServer = {
    createJointReview: server.unary<jointReviewV1.CreateJointReviewRequest, jointReviewV1.CreateJointReviewResponse>(
      'CreateJointReview',
      async (req, ctx) => {
        const jointReview = await uc.createJointReview({ tenant: req.tenant, title: req.title }, ctx.principal);
        uc.afterWrite();
        return { jointReview: toProtoJointReview(jointReview) };
      },
    ),
  };
  server.addService('govhall.joint_review.v1.JointReviewService', jointReviewV1.JointReviewServiceService, impl);
}
