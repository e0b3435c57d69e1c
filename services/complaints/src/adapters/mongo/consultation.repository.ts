import { WITHOUT_OUTBOX } from '@govhall/kafka';
import type { Principal } from '@govhall/auth';
import { saveVersioned, Sequences, type Connection, type Model } from '@govhall/mongo';
import type { Consultation, ConsultationEvent } from '../../domain/consultations/consultation';
import type { ConsultationFilter, ConsultationRepository } from '../../usecases/consultations/ports';
import { consultationOutbox } from '../kafka/consultation-events';
import { insertUnderRequestKey } from './request-keyed-insert';
import { consultationSchema, type ConsultationDocument } from './consultation.schema';

/** The query copies stored beside the state (docs/store-rules.md). */
const queryCopies = (c: Consultation) => ({
  askerSubject: c.asker.subject,
  open: c.status === 'open' ? 1 : 0,
  curated: !!c.faq,
});

const CLEARABLE = ['answer', 'faq'] as const;

/** Collection `consultations` with its outbox; numbers per tenant and day in `consultation_number_days`. */
export class MongoConsultations implements ConsultationRepository {
  readonly model: Model<ConsultationDocument>;
  private readonly sequences: Sequences;

  constructor(connection: Connection) {
    this.model = connection.model<ConsultationDocument>('Consultation', consultationSchema);
    this.sequences = new Sequences(connection, 'ConsultationNumberDay', 'consultation_number_days');
  }

  /** The models whose indexes the service ensures. */
  get models() {
    return [this.model, this.sequences.model];
  }

  insert(c: Consultation, events: ConsultationEvent[], actor: Principal | undefined): Promise<Consultation> {
    // A retry that raced the first answers the one stored under the request id.
    return insertUnderRequestKey(
      this.model,
      c,
      { queryCopies: queryCopies(c), outbox: consultationOutbox(events, actor) },
      () => this.findByRequest(c.tenant, c.requestId),
    );
  }

  find(id: string): Promise<Consultation | null> {
    return this.one({ _id: id });
  }

  findByRequest(tenant: string, requestId: string): Promise<Consultation | null> {
    return this.one({ tenant, requestId });
  }

  async save(c: Consultation, expectedVersion: number, events: ConsultationEvent[], actor: Principal | undefined) {
    const stored = { ...c, ...queryCopies(c) };
    await saveVersioned(this.model, stored, expectedVersion, consultationOutbox(events, actor), [...CLEARABLE]);
  }

  async list(f: ConsultationFilter, offset: number, limit: number) {
    const query: Record<string, unknown> = {
      ...(f.tenant ? { tenant: f.tenant } : {}),
      ...(f.kind ? { kind: f.kind } : {}),
      ...(f.department !== undefined ? { department: f.department } : {}),
      ...(f.itemCode ? { itemCode: f.itemCode } : {}),
      ...(f.visibility ? { visibility: f.visibility } : {}),
      ...(f.status ? { status: f.status } : {}),
      ...(f.askerSubject ? { askerSubject: f.askerSubject } : {}),
      ...(f.curatedOnly ? { curated: true } : {}),
    };
    const [docs, total] = await Promise.all([
      this.model.collection
        .find(query, { projection: WITHOUT_OUTBOX })
        .sort({ open: -1, askedAt: -1, number: -1 })
        .skip(offset)
        .limit(limit)
        .toArray(),
      this.model.collection.countDocuments(query),
    ]);
    return { items: docs.map((d) => toConsultation(d as unknown as Stored)), total };
  }

  nextSequence(tenant: string, chinaDay: string): Promise<number> {
    return this.sequences.next(`${tenant}-${chinaDay.replaceAll('-', '')}`);
  }

  private async one(filter: Record<string, unknown>): Promise<Consultation | null> {
    const doc = await this.model.collection.findOne(filter as never, { projection: WITHOUT_OUTBOX });
    return doc ? toConsultation(doc as unknown as Stored) : null;
  }
}

type Stored = Omit<Consultation, 'id'> & { _id: string };

function toConsultation(doc: Stored): Consultation {
  return {
    id: doc._id,
    number: doc.number,
    tenant: doc.tenant,
    kind: doc.kind,
    channel: doc.channel,
    itemId: doc.itemId ?? '',
    itemName: doc.itemName ?? '',
    itemCode: doc.itemCode ?? '',
    department: doc.department ?? '',
    visibility: doc.visibility,
    question: doc.question,
    asker: { subject: doc.asker.subject ?? '', name: doc.asker.name ?? '' },
    loggedBy: doc.loggedBy ?? '',
    status: doc.status,
    ...(doc.answer ? { answer: { ...doc.answer } } : {}),
    ...(doc.faq ? { faq: { ...doc.faq } } : {}),
    askedAt: doc.askedAt,
    requestId: doc.requestId,
    version: doc.version,
  };
}
