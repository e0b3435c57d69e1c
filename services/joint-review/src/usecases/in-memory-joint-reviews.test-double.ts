import type { Principal } from '@govhall/auth';
import type { JointReview, JointReviewEvent } from '../domain/joint-review';
import type { JointReviewRepository } from './ports';

/** Unit-test fake of the joint-review repository (integration tests use the real database). */
export class InMemoryJointReviewRepository implements JointReviewRepository {
  readonly saved = new Map<string, JointReview>();
  readonly events: JointReviewEvent[] = [];

  async insert(jointReview: JointReview, events: JointReviewEvent[], _actor: Principal) {
    const taken = [...this.saved.values()].some(
      (w) => w.tenant === jointReview.tenant && w.title === jointReview.title,
    );
    if (taken) return false;
    this.saved.set(jointReview.id, jointReview);
    this.events.push(...events);
    return true;
  }
}

export function principal(overrides: Partial<Principal> = {}): Principal {
  return {
    kind: 'user',
    subject: 'sub-1',
    username: 'yc-admin',
    tenant: '620321',
    roles: ['center_admin'],
    clientId: 'govhall-portal',
    ...overrides,
  };
}
