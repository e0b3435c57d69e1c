import type { Principal } from '@govhall/auth';
import {
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
import type { DelegatedCase, DelegatedCaseEvent } from '../../domain/delegation/delegated-case';
import type { DelegatedCaseFilter, DelegatedCaseRepository } from '../../usecases/delegation/delegation.ports';
import type { Page, PageQuery } from '../../usecases/ports';
import { toDelegatedCaseOutbox } from '../kafka/delegated-case-events';
import { delegatedCaseSchema, type DelegatedCaseDocument } from './delegated-case.schema';

const PROJECTION = { outbox: 0, outboxLease: 0, outboxPending: 0, listKeys: 0, taskKey: 0 } as const;

/** The query copies rewritten with every insert and save. */
const queryCopies = (dc: DelegatedCase) => ({ listKeys: delegatedCaseListKeys(dc), taskKey: dc.task?.id ?? '' });

const listKey = (tenant: string, department: string, windowId: string, state: string) =>
  `${tenant}|${department}|${windowId}|${state}`;

/** The list keys of a delegated case: by tenant, department, window and both, each in its state. */
export function delegatedCaseListKeys(dc: DelegatedCase): string[] {
  return [
    listKey(dc.tenant, '', '', dc.state),
    listKey(dc.tenant, dc.department, '', dc.state),
    listKey(dc.tenant, '', dc.windowId, dc.state),
    listKey(dc.tenant, dc.department, dc.windowId, dc.state),
  ];
}

/** The events of a write carry the stored case (version and all). */
function withStored(events: readonly DelegatedCaseEvent[], dc: DelegatedCase): DelegatedCaseEvent[] {
  return events.map((e) => ('delegatedCase' in e ? { ...e, delegatedCase: dc } : e));
}

/** Earliest due running leg first; ended cases after, newest first. */
function dueKey(dc: DelegatedCase): string {
  const running = dc.legs.filter((l) => l.state !== 'finished').map((l) => l.dueDate);
  return running.length > 0 ? running.sort()[0]! : '9999-12-31';
}

export class MongoDelegatedCaseRepository implements DelegatedCaseRepository {
  readonly model: Model<DelegatedCaseDocument>;

  constructor(connection: Connection) {
    this.model = connection.model<DelegatedCaseDocument>('DelegatedCase', delegatedCaseSchema);
  }

  async insert(dc: DelegatedCase, events: DelegatedCaseEvent[]) {
    try {
      const document = toDocument(dc, {
        ...queryCopies(dc),
        ...outboxFields(toDelegatedCaseOutbox(withStored(events, dc), dc, undefined)),
      });
      await this.model.collection.insertOne(document as never);
      return { delegatedCase: dc, created: true };
    } catch (e) {
      if (!isDuplicateKeyError(e)) throw e;
      const existing = await this.findByCase(dc.tenant, dc.caseId);
      if (!existing) throw e;
      return { delegatedCase: existing, created: false };
    }
  }

  async findById(id: string): Promise<DelegatedCase | null> {
    const doc = await this.model.findById(id, PROJECTION).lean<StoredDocument>();
    return doc ? toEntity<DelegatedCase>(doc) : null;
  }

  async findByCase(tenant: string, caseId: string): Promise<DelegatedCase | null> {
    const doc = await this.model.findOne({ tenant, caseId }, PROJECTION).lean<StoredDocument>();
    return doc ? toEntity<DelegatedCase>(doc) : null;
  }

  async save(
    next: DelegatedCase,
    expectedVersion: number,
    events: DelegatedCaseEvent[],
    actor?: Principal,
  ): Promise<DelegatedCase> {
    const stored: DelegatedCase = { ...next, version: expectedVersion + 1 };
    const update = entityUpdate(stored, toDelegatedCaseOutbox(withStored(events, stored), stored, actor));
    const set = (update.$set ?? {}) as Record<string, unknown>;
    await updateVersioned(this.model, stored.id, expectedVersion, {
      ...update,
      $set: { ...set, ...queryCopies(stored) },
    });
    return stored;
  }

  /** One indexed read per state's list key; ordered and paged here. */
  async list(filter: DelegatedCaseFilter, page: PageQuery): Promise<Page<DelegatedCase>> {
    const keys = filter.states.map((s) => listKey(filter.tenant, filter.department ?? '', filter.windowId ?? '', s));
    const batches = await Promise.all(
      keys.map((key) => this.model.find({ listKeys: key }, PROJECTION).lean<StoredDocument[]>()),
    );
    const cases = batches
      .flat()
      .map((d) => toEntity<DelegatedCase>(d))
      .sort(
        (a, b) =>
          dueKey(a).localeCompare(dueKey(b)) ||
          b.acceptedAt.getTime() - a.acceptedAt.getTime() ||
          a.id.localeCompare(b.id),
      );
    const offset = decodePageToken(page.pageToken);
    const end = offset + (page.pageSize > 0 ? page.pageSize : 20);
    return {
      items: cases.slice(offset, end),
      nextPageToken: end < cases.length ? encodePageToken(end) : '',
      totalSize: cases.length,
    };
  }

  async findByTaskId(taskId: string): Promise<DelegatedCase | null> {
    if (!taskId) return null;
    const doc = await this.model.findOne({ taskKey: taskId }, PROJECTION).lean<StoredDocument>();
    return doc ? toEntity<DelegatedCase>(doc) : null;
  }

  async acceptedBetween(tenant: string, from: Date, to: Date, department?: string): Promise<DelegatedCase[]> {
    const docs = await this.model
      .find({ tenant, acceptedAt: { $gte: from, $lt: to } }, PROJECTION)
      .lean<StoredDocument[]>();
    return docs.map((d) => toEntity<DelegatedCase>(d)).filter((dc) => !department || dc.department === department);
  }
}
