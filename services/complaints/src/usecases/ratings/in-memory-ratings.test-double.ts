import type { Principal } from '@govhall/auth';
import type { Rating, RatingEvent } from '../../domain/ratings/rating';
import type { ServedCase } from '../../domain/ratings/served-case';
import type { CaseApplicants, RatingRepository, ServedCaseRepository } from './ports';

/** Unit-test fakes of the ratings' stores and of the cases service (integration tests use the real ones). */
export class InMemoryServedCases implements ServedCaseRepository {
  readonly cases = new Map<string, ServedCase>();
  async find(caseId: string) {
    return this.cases.get(caseId) ?? null;
  }
  async put(c: ServedCase) {
    this.cases.set(c.caseId, c);
  }
  async markRated(caseId: string, ratingId: string) {
    const c = this.cases.get(caseId);
    if (c) this.cases.set(caseId, { ...c, ratingId });
  }
  async dueForDefault(today: string, limit: number) {
    return [...this.cases.values()]
      .filter((c) => c.completedAt && !c.ratingId && c.defaultOn && c.defaultOn <= today)
      .slice(0, limit);
  }
}

export class InMemoryRatings implements RatingRepository {
  readonly saved: Rating[] = [];
  readonly events: RatingEvent[] = [];
  async insert(rating: Rating, events: RatingEvent[], _actor: Principal | undefined) {
    const key = (r: Rating) => (r.subject === 'case' ? `case:${r.caseId}` : `visit:${r.visitId}`);
    if (this.saved.some((r) => key(r) === key(rating))) return false;
    this.saved.push(rating);
    this.events.push(...events);
    return true;
  }
  async findByCase(caseId: string) {
    return this.saved.find((r) => r.subject === 'case' && r.caseId === caseId) ?? null;
  }
}

export class FixedApplicants implements CaseApplicants {
  constructor(readonly subjects: Record<string, string>) {}
  async applicantOf(_tenant: string, caseId: string) {
    const subject = this.subjects[caseId];
    return subject ? { subject } : null;
  }
}
