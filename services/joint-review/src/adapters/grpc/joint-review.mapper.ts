import type { jointReviewV1 } from '@govhall/proto';
import type { JointReview } from '../../domain/joint-review';

export function toProtoJointReview(jointReview: JointReview): jointReviewV1.JointReview {
  return {
    id: jointReview.id,
    tenant: jointReview.tenant,
    title: jointReview.title,
    version: jointReview.version,
    createdAt: jointReview.createdAt,
    createdBy: jointReview.createdBy,
  };
}
