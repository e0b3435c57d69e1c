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
import type { Escalation, EscalationEvent, EscalationState } from '../../domain/escalations/escalation';
import type { EscalationFilter, EscalationRepository } from '../../usecases/escalations/escalation.ports';
import type { Page, PageQuery } from '../../usecases/ports';
import { toEscalationOutbox } from '../kafka/escalation-events';
import { compact } from './joint-review.repository';
import { escalationSchema, type EscalationDocument } from './escalation.schema';

/** Fields that exist only in storage (outbox and query copies), never on the entity. */
const PROJECTION = {
  outbox: 0,
  outboxLease: 0,
  outboxPending: 0,
  caseKey: 0,
  listKeys: 0,
  pullKey: 0,
  workKey: 0,
  dueDate: 0,
  taskKey: 0,
} as const;

const listKey = (side: string, tenant: string, department: string, state: string) =>
  `${side}|${tenant}|${department}|${state}`;

/** Top-level copies the lookups filter on, derived from the record alone. */
export function escalationQueryFields(e: Escalation) {
  return {
    caseKey: e.side === 'sender' ? `${e.tenant}|${e.case.caseId}` : `#${e.id}`,
    listKeys: ['', e.department].map((d) => listKey(e.side, e.tenant, d, e.state)),
    pullKey: e.side === 'receiver' ? `${e.tenant}|${e.sourceTenant}` : '',
    workKey: `${e.side}|${e.state}`,
    dueDate: e.case.promisedDueDate,
    taskKey: e.side === 'receiver' && e.task ? e.task.id : '',
  };
}

function toEscalation(doc: StoredDocument): Escalation {
  return compact(toEntity<Escalation>(doc));
}

/** The record events of a write carry the stored record. */
function withStored(events: readonly EscalationEvent[], e: Escalation): EscalationEvent[] {
  return events.map((ev) => ('escalation' in ev ? { ...ev, escalation: e } : ev));
}

export class MongoEscalationRepository implements EscalationRepository {
  readonly model: Model<EscalationDocument>;

  constructor(connection: Connection) {
    this.model = connection.model<EscalationDocument>('Escalation', escalationSchema);
  }

  async insert(escalation: Escalation, events: EscalationEvent[], actor?: Principal) {
    try {
      const document = toDocument(compact(escalation), {
        ...escalationQueryFields(escalation),
        ...outboxFields(toEscalationOutbox(withStored(events, escalation), escalation, actor)),
      });
      await this.model.collection.insertOne(document as never);
      return { escalation, created: true };
    } catch (e) {
      if (!isDuplicateKeyError(e)) throw e;
      const existing = await this.findSenderByCase(escalation.tenant, escalation.case.caseId);
      if (!existing) throw e;
      return { escalation: existing, created: false };
    }
  }

  async findById(id: string): Promise<Escalation | null> {
    const doc = await this.model.findById(id, PROJECTION).lean<StoredDocument>();
    return doc ? toEscalation(doc) : null;
  }

  async findSenderByCase(tenant: string, caseId: string): Promise<Escalation | null> {
    const doc = await this.model.findOne({ caseKey: `${tenant}|${caseId}` }, PROJECTION).lean<StoredDocument>();
    return doc ? toEscalation(doc) : null;
  }

  async findByTaskId(taskId: string): Promise<Escalation | null> {
    if (!taskId) return null;
    const doc = await this.model.findOne({ taskKey: taskId }, PROJECTION).lean<StoredDocument>();
    return doc ? toEscalation(doc) : null;
  }

  /** A department's receiver records in these states (unpaged: a department's open escalations are few). */
  async receiversOf(tenant: string, department: string, states: EscalationState[]): Promise<Escalation[]> {
    const keys = states.map((s) => listKey('receiver', tenant, department, s));
    const docs = await this.model
      .find({ listKeys: { $in: keys } }, PROJECTION)
      .sort({ dueDate: 1, _id: 1 })
      .lean<StoredDocument[]>();
    return docs.map(toEscalation);
  }

  async findReceiverByKey(sourceKey: string): Promise<Escalation | null> {
    if (!sourceKey) return null;
    const doc = await this.model.findOne({ sourceKey }, PROJECTION).lean<StoredDocument>();
    return doc ? toEscalation(doc) : null;
  }

  async save(next: Escalation, expectedVersion: number, events: EscalationEvent[], actor?: Principal) {
    const stored: Escalation = { ...next, version: expectedVersion + 1 };
    const update = entityUpdate(compact(stored), toEscalationOutbox(withStored(events, stored), stored, actor), [
      'task',
      'decision',
      'withdrawPending',
    ]);
    const set = (update.$set ?? {}) as Record<string, unknown>;
    await updateVersioned(this.model, stored.id, expectedVersion, {
      ...update,
      $set: { ...set, ...escalationQueryFields(stored) },
    });
    return stored;
  }

  /** One indexed read per state's list key, earliest due date first; the page is cut here. */
  async list(filter: EscalationFilter, page: PageQuery): Promise<Page<Escalation>> {
    const keys = filter.states.map((s) => listKey(filter.side, filter.tenant, filter.department ?? '', s));
    const docs = await this.model
      .find({ listKeys: { $in: keys } }, PROJECTION)
      .sort({ dueDate: 1, _id: 1 })
      .lean<StoredDocument[]>();
    const records = docs
      .map(toEscalation)
      .filter((e) => !filter.sourceTenant || e.sourceTenant === filter.sourceTenant)
      .filter((e) => !filter.caseNumber || e.case.caseNumber === filter.caseNumber);
    const offset = decodePageToken(page.pageToken);
    const end = offset + (page.pageSize > 0 ? Math.min(page.pageSize, 100) : 20);
    return {
      items: records.slice(offset, end),
      nextPageToken: end < records.length ? encodePageToken(end) : '',
      totalSize: records.length,
    };
  }

  async sendersIn(states: EscalationState[], limit: number): Promise<Escalation[]> {
    const docs = await this.model
      .find({ workKey: { $in: states.map((s) => `sender|${s}`) } }, PROJECTION)
      .sort({ updatedAt: 1, _id: 1 })
      .limit(limit)
      .lean<StoredDocument[]>();
    return docs.map(toEscalation);
  }

  async updatedSince(tenant: string, sourceTenant: string, after: number, limit: number): Promise<Escalation[]> {
    const docs = await this.model
      .find({ pullKey: `${tenant}|${sourceTenant}`, lastSequence: { $gt: after } }, PROJECTION)
      .sort({ lastSequence: 1, _id: 1 })
      .limit(limit)
      .lean<StoredDocument[]>();
    return docs.map(toEscalation);
  }

  async lastSequence(tenant: string): Promise<number> {
    const doc = await this.model
      .findOne({ tenant, side: 'receiver' }, { lastSequence: 1 })
      .sort({ lastSequence: -1 })
      .lean<{ lastSequence?: number }>();
    return doc?.lastSequence ?? 0;
  }
}
