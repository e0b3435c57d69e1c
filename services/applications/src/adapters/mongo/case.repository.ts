import type { Principal } from '@govhall/auth';
import { failpoint } from '@govhall/lifecycle';
import {
  isDuplicateKeyError,
  outboxFields,
  entityUpdate,
  updateVersioned,
  toDocument,
  toEntity,
  type Connection,
  type Model,
  type StoredDocument,
} from '@govhall/mongo';
import type { Case } from '../../domain/case';
import type { CaseEvent } from '../../domain/case-events';
import type { CaseRepository } from '../../usecases/ports';
import { toOutbox } from '../kafka/case-events';
import { caseQueryFields, QUERY_FIELD_PROJECTION } from './case-query-fields';
import { caseSchema, type CaseDocument } from './case.schema';

/** Fields that exist only in storage (query copies and idempotency), never on the entity. */
export const PROJECTION = {
  outbox: 0,
  outboxLease: 0,
  outboxPending: 0,
  idempotencyKey: 0,
  ...QUERY_FIELD_PROJECTION,
} as const;
/** Optional parts a save removes when the case no longer has them. */
const CLEARABLE: readonly (keyof Case)[] = ['extension', 'decision', 'delivery', 'submittedAt'];

/**
 * Crash tests (GOVHALL_FAILPOINTS): the process dies right after a case and its outbox were stored, before the
 * caller is answered and before the relay is nudged (test/crash-restart.int.test.ts).
 */
export const AFTER_WRITE = 'cases.after-write';

export function toCase(doc: StoredDocument): Case {
  return toEntity<Case>(doc);
}

export class MongoCaseRepository implements CaseRepository {
  readonly model: Model<CaseDocument>;

  constructor(connection: Connection) {
    this.model = connection.model<CaseDocument>('Case', caseSchema);
  }

  async insert(c: Case, events: CaseEvent[], idempotencyKey: string, actor: Principal) {
    try {
      // State and events in one document write: the outbox relay publishes them afterwards.
      const document = toDocument(c, {
        idempotencyKey,
        ...caseQueryFields(c),
        ...outboxFields(toOutbox(events, c.version, actor)),
      });
      await this.model.collection.insertOne(document as never);
      failpoint(AFTER_WRITE);
      return { case: c, created: true };
    } catch (e) {
      if (!isDuplicateKeyError(e)) throw e;
      const existing = await this.model
        .findOne({ createdBy: c.createdBy, idempotencyKey }, PROJECTION)
        .lean<StoredDocument>();
      if (!existing) throw e;
      return { case: toCase(existing), created: false };
    }
  }

  async findById(id: string): Promise<Case | null> {
    const doc = await this.model.findById(id, PROJECTION).lean<StoredDocument>();
    return doc ? toCase(doc) : null;
  }

  async findByCaseNumber(caseNumber: string): Promise<Case | null> {
    if (!caseNumber) return null;
    const doc = await this.model.findOne({ caseNumber }, PROJECTION).lean<StoredDocument>();
    return doc ? toCase(doc) : null;
  }

  async save(next: Case, expectedVersion: number, events: CaseEvent[], actor: Principal | undefined): Promise<Case> {
    const stored = { ...next, version: expectedVersion + 1 };
    const storedEvents = events.map((e) => ({ ...e, case: { ...e.case, version: stored.version } }));
    const update = entityUpdate(stored, toOutbox(storedEvents, stored.version, actor), CLEARABLE);
    const set = (update.$set ?? {}) as Record<string, unknown>;
    await updateVersioned(this.model, stored.id, expectedVersion, {
      ...update,
      $set: { ...set, ...caseQueryFields(stored) },
    });
    failpoint(AFTER_WRITE);
    return stored;
  }
}
