import { ConcurrencyError } from '@govhall/errors';
import type { JointReview, JointReviewEvent } from '../domain/reviews/joint-review';
import type { Task } from '../domain/tasks/task';
import type { JointReviewRepository, Page, PageQuery, ReviewFilter, TaskFilter } from './ports';

/** The repository port in memory, for the use cases' unit tests; it keeps every event written. */
export class InMemoryJointReviews implements JointReviewRepository {
  readonly byId = new Map<string, JointReview>();
  readonly events: JointReviewEvent[] = [];

  async insert(review: JointReview, events: JointReviewEvent[]) {
    const existing = [...this.byId.values()].find((r) => r.tenant === review.tenant && r.caseId === review.caseId);
    if (existing) return { review: existing, created: false };
    this.byId.set(review.id, review);
    this.events.push(...events);
    return { review, created: true };
  }

  async findById(id: string) {
    return this.byId.get(id) ?? null;
  }

  async findByCaseNumber(tenant: string, caseNumber: string) {
    return [...this.byId.values()].find((r) => r.tenant === tenant && r.caseNumber === caseNumber) ?? null;
  }
  async findByCase(tenant: string, caseId: string) {
    return [...this.byId.values()].find((r) => r.tenant === tenant && r.caseId === caseId) ?? null;
  }

  async findByTask(taskId: string) {
    return [...this.byId.values()].find((r) => r.tasks.some((t) => t.id === taskId)) ?? null;
  }

  async save(next: JointReview, expectedVersion: number, events: JointReviewEvent[]) {
    const stored = this.byId.get(next.id);
    if (!stored || stored.version !== expectedVersion) throw new ConcurrencyError();
    const saved = { ...next, version: expectedVersion + 1 };
    this.byId.set(next.id, saved);
    this.events.push(...events);
    return saved;
  }

  async listUnreported(limit: number) {
    return [...this.byId.values()]
      .filter((r) => r.state === 'concluded' && r.conclusion && !r.conclusion.reportedAt)
      .slice(0, limit);
  }

  async listTasks(filter: TaskFilter, page: PageQuery): Promise<Page<Task>> {
    const tasks = [...this.byId.values()]
      .flatMap((r) => r.tasks)
      .filter((t) => t.tenant === filter.tenant)
      .filter((t) => filter.departments.length === 0 || filter.departments.includes(t.department))
      .filter((t) => filter.states.includes(t.state))
      .filter((t) => !filter.kind || t.kind === filter.kind)
      .filter((t) => !filter.kinds?.length || filter.kinds.includes(t.kind))
      .filter((t) => !filter.dueBy || (t.dueDate !== '' && t.dueDate <= filter.dueBy))
      .filter(
        (t) =>
          filter.assignee === undefined ||
          t.assignee === filter.assignee ||
          (t.state === 'open' && (filter.orUnclaimedOf ?? []).includes(t.department)),
      );
    return { items: tasks.slice(0, page.pageSize), nextPageToken: '', totalSize: tasks.length };
  }

  async listReviews(filter: ReviewFilter, page: PageQuery): Promise<Page<JointReview>> {
    const reviews = [...this.byId.values()].filter((r) => r.tenant === filter.tenant);
    return { items: reviews.slice(0, page.pageSize), nextPageToken: '', totalSize: reviews.length };
  }
}
