import { saveVersioned, Sequences, type Connection, type Model } from '@govhall/mongo';
import type { LiveSession } from '../../domain/consultations/live-session';
import type { LiveSessionRepository } from '../../usecases/live-sessions/ports';
import { insertUnderRequestKey } from './request-keyed-insert';
import { liveSessionSchema, type LiveSessionDocument } from './live-session.schema';

/** The query copies stored beside the state (docs/store-rules.md). */
const queryCopies = (s: LiveSession) => ({
  askerSubject: s.asker.subject,
  open: s.status === 'closed' ? 0 : 1,
});

const CLEARABLE = ['bookedFor', 'staff', 'acceptedAt', 'closedAt'] as const;
/** An open queue is small; this many at most are read (the oldest first). */
const QUEUE_MAX = 200;

/** Collection `live_sessions`; numbers per tenant and day in `live_session_number_days`. */
export class MongoLiveSessions implements LiveSessionRepository {
  readonly model: Model<LiveSessionDocument>;
  private readonly sequences: Sequences;

  constructor(connection: Connection) {
    this.model = connection.model<LiveSessionDocument>('LiveSession', liveSessionSchema);
    this.sequences = new Sequences(connection, 'LiveSessionNumberDay', 'live_session_number_days');
  }

  /** The models whose indexes the service ensures. */
  get models() {
    return [this.model, this.sequences.model];
  }

  insert(s: LiveSession): Promise<LiveSession> {
    return insertUnderRequestKey(this.model, s, { queryCopies: queryCopies(s), outbox: [] }, () =>
      this.findByRequest(s.tenant, s.requestId),
    );
  }

  find(id: string): Promise<LiveSession | null> {
    return this.one({ _id: id });
  }

  findByRequest(tenant: string, requestId: string): Promise<LiveSession | null> {
    return this.one({ tenant, requestId });
  }

  async save(s: LiveSession, expectedVersion: number): Promise<void> {
    await saveVersioned(this.model, { ...s, ...queryCopies(s) }, expectedVersion, [], [...CLEARABLE]);
  }

  async listMine(subject: string, offset: number, limit: number) {
    const query = { askerSubject: subject };
    const [docs, total] = await Promise.all([
      this.model.collection.find(query).sort({ openedAt: -1, number: -1 }).skip(offset).limit(limit).toArray(),
      this.model.collection.countDocuments(query),
    ]);
    return { items: docs.map((d) => toSession(d as unknown as Stored)), total };
  }

  async listOpen(tenant: string, department: string | undefined): Promise<LiveSession[]> {
    const query = { tenant, open: 1, ...(department !== undefined ? { department } : {}) };
    const docs = await this.model.collection.find(query).sort({ openedAt: 1 }).limit(QUEUE_MAX).toArray();
    return docs.map((d) => toSession(d as unknown as Stored));
  }

  nextSequence(tenant: string, chinaDay: string): Promise<number> {
    return this.sequences.next(`${tenant}-${chinaDay.replaceAll('-', '')}`);
  }

  private async one(filter: Record<string, unknown>): Promise<LiveSession | null> {
    const doc = await this.model.collection.findOne(filter as never);
    return doc ? toSession(doc as unknown as Stored) : null;
  }
}

type Stored = Omit<LiveSession, 'id'> & { _id: string };

function toSession(doc: Stored): LiveSession {
  return {
    id: doc._id,
    number: doc.number,
    tenant: doc.tenant,
    itemId: doc.itemId,
    itemCode: doc.itemCode ?? '',
    itemName: doc.itemName ?? '',
    department: doc.department ?? '',
    asker: { subject: doc.asker.subject },
    ...(doc.bookedFor ? { bookedFor: doc.bookedFor } : {}),
    status: doc.status,
    ...(doc.staff ? { staff: { username: doc.staff.username, name: doc.staff.name ?? '' } } : {}),
    messages: (doc.messages ?? []).map((m) => ({ ...m, authorName: m.authorName ?? '' })),
    openedAt: doc.openedAt,
    ...(doc.acceptedAt ? { acceptedAt: doc.acceptedAt } : {}),
    ...(doc.closedAt ? { closedAt: doc.closedAt } : {}),
    closedBy: doc.closedBy ?? '',
    requestId: doc.requestId,
    version: doc.version,
  };
}
