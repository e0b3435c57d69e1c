import type { Principal } from '@govhall/auth';
import type { JointReview, JointReviewEvent } from '../domain/joint-review';

export interface JointReviewRepository {
  /**
   * Inserts the joint-review and its events in one document write. Returns false, writing nothing, when the
   * tenant already has a joint-review with the same title.
   */
  insert(jointReview: JointReview, events: JointReviewEvent[], actor: Principal): Promise<boolean>;
}

export interface Clock {
  now(): Date;
}

export interface IdGenerator {
  newId(): string;
}
