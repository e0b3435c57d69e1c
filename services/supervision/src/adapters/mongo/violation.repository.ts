import {
  isDuplicateKeyError,
  outboxFields,
  saveVersioned,
  toDocument,
  toEntity,
  type Connection,
  type Model,
  type StoredDocument,
} from '@govhall/mongo';
import { metrics } from '@opentelemetry/api';
import { supervisingTenants } from '../../domain/violations/supervising-tenants';
import type { Violation } from '../../domain/violations/violation';
import type { ViolationFilter, ViolationStore } from '../../usecases/violations/violation.ports';
import { violationRecordedMessage } from '../kafka/violation-events';
import { pagedFilter } from './paged-filter';
import { violationSchema, type ViolationDocument } from './violation.schema';

/** Storage-only fields, never on the entity. */
export const VIOLATION_PROJECTION = { outbox: 0, outboxLease: 0, outboxPending: 0, scope: 0 } as const;

const recordedViolations = metrics.getMeter('@govhall/supervision').createCounter('supervision.violations.recorded', {
  description: 'Violations stored (each once), by kind: detected from case events or found at an inspection',
});

export class MongoViolationStore implements ViolationStore {
  readonly model: Model<ViolationDocument>;

  constructor(
    connection: Connection,
    /** Called after a write that put messages in an outbox (nudges the relay). */
    private readonly afterWrite: () => void = () => {},
  ) {
    this.model = connection.model<ViolationDocument>('Violation', violationSchema);
  }

  async recordNew(violations: Violation[]): Promise<Violation[]> {
    const stored: Violation[] = [];
    for (const v of violations) {
      const doc = toDocument(v, {
        scope: supervisingTenants(v.tenant),
        ...outboxFields([violationRecordedMessage(v)]),
      });
      try {
        await this.model.collection.insertOne(doc as never);
        stored.push(v);
        recordedViolations.add(1, { kind: v.kind });
      } catch (e) {
        if (!isDuplicateKeyError(e)) throw e;
      }
    }
    if (stored.length) this.afterWrite();
    return stored;
  }

  async get(id: string): Promise<Violation | null> {
    const doc = await this.model.findById(id, VIOLATION_PROJECTION).lean<StoredDocument>();
    return toEntity<Violation>(doc);
  }

  /**
   * The index serves the tenant (or scope) and the date range in order; the other filters (kind, state, matter,
   * department, window, person) are applied while reading that range in batches, so a page counts matching
   * violations only. A tenant's violations number in the thousands a year: the range read stays small.
   */
  async list(f: ViolationFilter, offset: number, limit: number): Promise<Violation[]> {
    const query: Record<string, unknown> = f.includeSubordinates ? { scope: f.tenant } : { tenant: f.tenant };
    if (f.fromDate || f.toDate) {
      query.occurredDate = { ...(f.fromDate ? { $gte: f.fromDate } : {}), ...(f.toDate ? { $lte: f.toDate } : {}) };
    }
    const wanted = (['kind', 'state', 'matterId', 'department', 'windowId', 'person'] as const).filter((k) => f[k]);
    const matches = (v: Violation) => wanted.every((k) => v[k] === f[k]);
    const read = { query, projection: VIOLATION_PROJECTION, sort: { occurredDate: -1, _id: 1 } } as const;
    return pagedFilter(this.model, read, matches, offset, limit);
  }

  async save(next: Violation, expectedVersion: number): Promise<Violation> {
    const saved = { ...next, version: expectedVersion + 1 };
    await saveVersioned(this.model, saved, expectedVersion, []);
    return saved;
  }
}
