import type { Principal } from '@govhall/auth';
import {
  definedFields,
  entityUpdate,
  isDuplicateKeyError,
  outboxFields,
  toDocument,
  toEntity,
  updateVersioned,
  type Connection,
  type Model,
  type StoredDocument,
} from '@govhall/mongo';
import { decodePageToken, encodePageToken } from '@govhall/paging';
import {
  participatingDepartments,
  type JointReview,
  type JointReviewEvent,
  type JointReviewState,
} from '../../domain/reviews/joint-review';
import { byDueDate, type Task, type TaskState } from '../../domain/tasks/task';
import type { JointReviewRepository, Page, PageQuery, ReviewFilter, TaskFilter } from '../../usecases/ports';
import { toOutbox } from '../kafka/joint-review-events';
import { jointReviewSchema, type JointReviewDocument } from './joint-review.schema';

/** Storage-only query copies (reviewQueryFields), never part of the entity read back. */
export const QUERY_FIELD_PROJECTION = {
  taskIds: 0,
  taskKeys: 0,
  reviewKeys: 0,
  reportPending: 0,
  concludedAt: 0,
} as const;

/** Fields that exist only in storage (outbox and query copies), never on the entity. */
export const PROJECTION = { outbox: 0, outboxLease: 0, outboxPending: 0, ...QUERY_FIELD_PROJECTION } as const;

/** Optional parts a save removes when the review no longer has them. */
const CLEARABLE: readonly (keyof JointReview & string)[] = ['conclusion'];

const TASK_STATES: readonly TaskState[] = Object.keys({
  waiting: true,
  open: true,
  claimed: true,
  done: true,
  cancelled: true,
} satisfies Record<TaskState, true>) as TaskState[];

const REVIEW_STATES: readonly JointReviewState[] = Object.keys({
  open: true,
  awaiting_conclusion: true,
  concluded: true,
  cancelled: true,
} satisfies Record<JointReviewState, true>) as JointReviewState[];

/** Used when a caller passes no page size (the use cases pass one within their limits). */
const DEFAULT_PAGE_SIZE = 20;

/**
 * A list key: `<tenant>|<who>|<state>`, where `who` is a department code, `@<username>` for an assignee, or '' for
 * the whole tenant.
 */
function listKey(tenant: string, who: string, state: string): string {
  return `${tenant}|${who}|${state}`;
}

function taskKeysOf(review: JointReview): string[] {
  const keys = review.tasks.flatMap((t) => [
    listKey(t.tenant, '', t.state),
    listKey(t.tenant, t.department, t.state),
    ...(t.assignee ? [listKey(t.tenant, `@${t.assignee}`, t.state)] : []),
  ]);
  return [...new Set(keys)];
}

function reviewKeysOf(review: JointReview): string[] {
  return ['', ...participatingDepartments(review)].map((d) => listKey(review.tenant, d, review.state));
}

/**
 * Top-level copies the queries filter and sort on, written with every insert and save of a review (FerretDB pushes
 * down only top-level equalities; docs/store-rules.md). Derived from the review alone, so they are never stale.
 */
export function reviewQueryFields(review: JointReview) {
  return {
    taskIds: review.tasks.map((t) => t.id),
    taskKeys: taskKeysOf(review),
    reviewKeys: reviewKeysOf(review),
    reportPending: review.state === 'concluded' && !!review.conclusion && !review.conclusion.reportedAt,
    concludedAt: review.conclusion?.concludedAt,
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * The value without undefined or null fields at any depth (dates and buffers kept as they are): an optional field
 * of a task, leg or conclusion is absent in storage rather than null, and absent again when read back.
 */
export function compact<T>(value: T): T {
  if (Array.isArray(value)) return value.map(compact) as T;
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined && v !== null)
      .map(([k, v]) => [k, compact(v)]),
  ) as T;
}

export function toReview(doc: StoredDocument): JointReview {
  return compact(toEntity<JointReview>(doc));
}

/** The review events of a save carry the stored version (task and leg events carry their own). */
function withVersion(e: JointReviewEvent, version: number): JointReviewEvent {
  return 'review' in e ? { ...e, review: { ...e.review, version } } : e;
}

/** Earliest due date first (tasks still waiting, without one, last), then by id. */
/** Newest opened first, then by id. */
function byOpenedAtDesc(a: JointReview, b: JointReview): number {
  return b.openedAt.getTime() - a.openedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function pageOf<T>(sorted: T[], total: number, offset: number, size: number): Page<T> {
  const end = offset + size;
  return {
    items: sorted.slice(offset, end),
    nextPageToken: end < total ? encodePageToken(end) : '',
    totalSize: total,
  };
}

export class MongoJointReviewRepository implements JointReviewRepository {
  readonly model: Model<JointReviewDocument>;

  constructor(connection: Connection) {
    this.model = connection.model<JointReviewDocument>('JointReview', jointReviewSchema);
  }

  async insert(
    review: JointReview,
    events: JointReviewEvent[],
    actor?: Principal,
  ): Promise<{ review: JointReview; created: boolean }> {
    const stored = compact(review);
    try {
      // State and events in one document write: the outbox relay publishes them afterwards.
      const document = toDocument(stored, {
        ...definedFields(reviewQueryFields(stored)),
        ...outboxFields(toOutbox(events, stored, actor)),
      });
      await this.model.collection.insertOne(document as never);
      return { review: stored, created: true };
    } catch (e) {
      if (!isDuplicateKeyError(e)) throw e;
      // One review per case (unique {tenant, caseId}): the case's review is the answer.
      const existing = await this.findByCase(review.tenant, review.caseId);
      if (!existing) throw e;
      return { review: existing, created: false };
    }
  }

  async findById(id: string): Promise<JointReview | null> {
    const doc = await this.model.findById(id, PROJECTION).lean<StoredDocument>();
    return doc ? toReview(doc) : null;
  }

  async findByCase(tenant: string, caseId: string): Promise<JointReview | null> {
    const doc = await this.model.findOne({ tenant, caseId }, PROJECTION).lean<StoredDocument>();
    return doc ? toReview(doc) : null;
  }

  async findByCaseNumber(tenant: string, caseNumber: string): Promise<JointReview | null> {
    if (!caseNumber) return null;
    const doc = await this.model.findOne({ tenant, caseNumber }, PROJECTION).lean<StoredDocument>();
    return doc ? toReview(doc) : null;
  }

  async findByTask(taskId: string): Promise<JointReview | null> {
    if (!taskId) return null;
    const doc = await this.model.findOne({ taskIds: taskId }, PROJECTION).lean<StoredDocument>();
    return doc ? toReview(doc) : null;
  }

  async save(
    next: JointReview,
    expectedVersion: number,
    events: JointReviewEvent[],
    actor?: Principal,
  ): Promise<JointReview> {
    const stored = compact({ ...next, version: expectedVersion + 1 });
    const storedEvents = events.map((e) => withVersion(e, stored.version));
    const update = entityUpdate(stored, toOutbox(storedEvents, stored, actor), CLEARABLE);
    const set = (update.$set ?? {}) as Record<string, unknown>;
    await updateVersioned(this.model, stored.id, expectedVersion, {
      ...update,
      $set: { ...set, ...definedFields(reviewQueryFields(stored)) },
    });
    return stored;
  }

  async listUnreported(limit: number): Promise<JointReview[]> {
    const docs = await this.model
      .find({ reportPending: true }, PROJECTION)
      .sort({ concludedAt: 1, _id: 1 })
      .limit(Math.max(1, limit))
      .lean<StoredDocument[]>();
    return docs.map(toReview);
  }

  /**
   * The reviews holding a task of the filter's departments (or assignee, or tenant) in one of its states, one
   * indexed equality per key (an `$in` alone is no pushed-down equality, docs/store-rules.md); their tasks are
   * picked by the whole filter, sorted by due date and paged here.
   */
  async listTasks(filter: TaskFilter, page: PageQuery): Promise<Page<Task>> {
    const states = filter.states.length ? [...new Set(filter.states)] : [...TASK_STATES];
    const keys = taskListKeys(filter, states);
    const docs = await Promise.all(
      keys.map((key) => this.model.find({ taskKeys: key }, PROJECTION).lean<StoredDocument[]>()),
    );
    const reviews = new Map(docs.flat().map((d) => [String(d._id), d]));
    const matches = taskMatcher(filter, new Set(states));
    const tasks = [...reviews.values()]
      .flatMap((d) => toReview(d).tasks)
      .filter(matches)
      .sort(byDueDate);
    return pageOf(tasks, tasks.length, decodePageToken(page.pageToken), pageSizeOf(page));
  }

  /** One indexed read per state (newest first, as far as the page's end), merged; counts per state. */
  async listReviews(filter: ReviewFilter, page: PageQuery): Promise<Page<JointReview>> {
    const states = filter.states.length ? [...new Set(filter.states)] : [...REVIEW_STATES];
    const keys = states.map((s) => listKey(filter.tenant, filter.department ?? '', s));
    const offset = decodePageToken(page.pageToken);
    const size = pageSizeOf(page);
    const [lists, counts] = await Promise.all([
      Promise.all(
        keys.map((key) =>
          this.model
            .find({ reviewKeys: key }, PROJECTION)
            .sort({ openedAt: -1, _id: 1 })
            .limit(offset + size)
            .lean<StoredDocument[]>(),
        ),
      ),
      Promise.all(keys.map((key) => this.model.countDocuments({ reviewKeys: key }))),
    ]);
    const reviews = lists.flat().map(toReview).sort(byOpenedAtDesc);
    const total = counts.reduce((sum, n) => sum + n, 0);
    return pageOf(reviews, total, offset, size);
  }
}

function pageSizeOf(page: PageQuery): number {
  return page.pageSize > 0 ? page.pageSize : DEFAULT_PAGE_SIZE;
}

/**
 * The list keys whose reviews hold every task the filter can match: the assignee's (and the unclaimed open tasks
 * of `orUnclaimedOf`), else the departments', else the tenant's, each in each of the states.
 */
function taskListKeys(filter: TaskFilter, states: readonly TaskState[]): string[] {
  const { tenant } = filter;
  if (filter.assignee) {
    const unclaimed = states.includes('open') ? (filter.orUnclaimedOf ?? []) : [];
    return [
      ...states.map((s) => listKey(tenant, `@${filter.assignee}`, s)),
      ...[...new Set(unclaimed)].map((d) => listKey(tenant, d, 'open')),
    ];
  }
  if (filter.departments.length) {
    return [...new Set(filter.departments)].flatMap((d) => states.map((s) => listKey(tenant, d, s)));
  }
  return states.map((s) => listKey(tenant, '', s));
}

/**
 * Whether a task is one the filter asks for (TaskFilter): with an assignee, the assignee's tasks and the OPEN (not
 * yet claimed, whoever it is assigned to) tasks of `orUnclaimedOf`.
 */
function taskMatcher(filter: TaskFilter, states: ReadonlySet<TaskState>): (t: Task) => boolean {
  const unclaimedOf = new Set(filter.orUnclaimedOf ?? []);
  return (t) =>
    t.tenant === filter.tenant &&
    states.has(t.state) &&
    (filter.departments.length === 0 || filter.departments.includes(t.department)) &&
    (!filter.kind || t.kind === filter.kind) &&
    (!filter.kinds?.length || filter.kinds.includes(t.kind)) &&
    (!filter.dueBy || (t.dueDate !== '' && t.dueDate <= filter.dueBy)) &&
    (!filter.assignee || t.assignee === filter.assignee || (t.state === 'open' && unclaimedOf.has(t.department)));
}
