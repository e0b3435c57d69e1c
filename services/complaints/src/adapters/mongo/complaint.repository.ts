import { WITHOUT_OUTBOX } from '@govhall/kafka';
import type { Principal } from '@govhall/auth';
import { ConcurrencyError } from '@govhall/errors';
import { chinaDate } from '@govhall/identifiers';
import {
  documentKey,
  documentLocks,
  insertNew,
  saveVersioned,
  Sequences,
  type Connection,
  type Model,
} from '@govhall/mongo';
import type { Complaint, ComplaintEvent } from '../../domain/complaints/complaint';
import type {
  ComplaintChannelInfo,
  ComplaintChannels,
  ComplaintFilter,
  ComplaintRepository,
} from '../../usecases/complaints/ports';
import { complaintOutbox } from '../kafka/complaint-events';
import { insertUnderRequestKey } from './request-keyed-insert';
import { complaintChannelSchema, complaintSchema, type ComplaintDocument } from './complaint.schema';

/** The query copies stored beside the state (docs/store-rules.md: top-level equalities and ranges to query by). */
function queryCopies(c: Complaint) {
  const pendingDay =
    c.status === 'received' && !c.acceptanceOverdue
      ? c.acceptBy
      : c.status === 'accepted' && !c.replyOverdue
        ? c.replyBy
        : '';
  return {
    receivedDay: chinaDate(c.receivedAt),
    answered: !!c.reply && !!c.acceptedAt,
    targetDepartment: c.target.department,
    complainantSubject: c.complainant.subject,
    pendingDay,
  };
}

const CLEARABLE = ['acceptedAt', 'rejectedAt', 'reply', 'satisfaction', 'ratedAt'] as const;

export class MongoComplaints implements ComplaintRepository {
  readonly model: Model<ComplaintDocument>;
  private readonly sequences: Sequences;

  constructor(connection: Connection) {
    this.model = connection.model<ComplaintDocument>('Complaint', complaintSchema);
    this.sequences = new Sequences(connection, 'ComplaintNumberDay', 'complaint_number_days');
  }

  /** The models whose indexes the service ensures. */
  get models() {
    return [this.model, this.sequences.model];
  }

  insert(c: Complaint, events: ComplaintEvent[], actor: Principal | undefined): Promise<Complaint> {
    // A retry that raced the first answers the one stored under the request id.
    return insertUnderRequestKey(
      this.model,
      c,
      { queryCopies: queryCopies(c), outbox: complaintOutbox(events, actor) },
      () => this.findByRequest(c.tenant, c.requestId),
    );
  }

  find(id: string): Promise<Complaint | null> {
    return this.one({ _id: id });
  }

  findByNumber(number: string): Promise<Complaint | null> {
    return this.one({ number });
  }

  findByRequest(tenant: string, requestId: string): Promise<Complaint | null> {
    return this.one({ tenant, requestId });
  }

  async save(c: Complaint, expectedVersion: number, events: ComplaintEvent[], actor: Principal | undefined) {
    const stored = { ...c, ...queryCopies(c) };
    await saveVersioned(this.model, stored, expectedVersion, complaintOutbox(events, actor), [...CLEARABLE]);
  }

  async list(f: ComplaintFilter, offset: number, limit: number) {
    const day: Record<string, string> = {};
    if (f.from) day.$gte = f.from;
    if (f.to) day.$lte = f.to;
    const query: Record<string, unknown> = {
      ...(f.tenant ? { tenant: f.tenant } : {}),
      ...(f.from || f.to ? { receivedDay: day } : {}),
      ...(f.statuses.length > 0 ? { status: { $in: f.statuses } } : {}),
      ...(f.kind ? { kind: f.kind } : {}),
      ...(f.offices.length > 0
        ? { $or: f.offices.map((o) => ({ office: o.office, officeDepartment: o.officeDepartment })) }
        : {}),
      ...(f.targetDepartment ? { targetDepartment: f.targetDepartment } : {}),
      ...(f.complainantSubject ? { complainantSubject: f.complainantSubject } : {}),
      ...(f.answeredOnly ? { answered: true } : {}),
    };
    const [docs, total] = await Promise.all([
      this.model.collection
        .find(query, { projection: WITHOUT_OUTBOX })
        .sort({ receivedAt: -1, number: -1 })
        .skip(offset)
        .limit(limit)
        .toArray(),
      this.model.collection.countDocuments(query),
    ]);
    return { items: docs.map((d) => toComplaint(d as unknown as Stored)), total };
  }

  async inPeriod(tenant: string, from: string, to: string, limit: number): Promise<Complaint[]> {
    // One equality (tenant) and the day range: the index { tenant, receivedDay }. The personal data stays unread.
    const docs = await this.model.collection
      .find(
        { tenant, receivedDay: { $gte: from, $lte: to } },
        { projection: { ...WITHOUT_OUTBOX, content: 0, complainant: 0, 'reply.text': 0 } },
      )
      .sort({ receivedDay: 1, number: 1 })
      .limit(limit)
      .toArray();
    return docs.map((d) =>
      toComplaint({
        ...(d as unknown as Stored),
        content: '',
        complainant: { name: '', phone: '', email: '', subject: '' },
      }),
    );
  }

  nextSequence(tenant: string, chinaDay: string): Promise<number> {
    return this.sequences.next(`${tenant}-${chinaDay.replaceAll('-', '')}`);
  }

  async dueOverdue(today: string, limit: number): Promise<Complaint[]> {
    const docs = await this.model.collection
      .find({ pendingDay: { $gt: '', $lt: today } }, { projection: WITHOUT_OUTBOX })
      .sort({ pendingDay: 1 })
      .limit(limit)
      .toArray();
    return docs.map((d) => toComplaint(d as unknown as Stored));
  }

  private async one(filter: Record<string, unknown>): Promise<Complaint | null> {
    const doc = await this.model.collection.findOne(filter as never, { projection: WITHOUT_OUTBOX });
    return doc ? toComplaint(doc as unknown as Stored) : null;
  }
}

type Stored = Omit<Complaint, 'id'> & { _id: string };

function toComplaint(doc: Stored): Complaint {
  return {
    id: doc._id,
    number: doc.number,
    tenant: doc.tenant,
    type: doc.type,
    kind: doc.kind,
    channel: doc.channel,
    target: { kind: doc.target.kind, id: doc.target.id, name: doc.target.name, department: doc.target.department },
    content: doc.content,
    complainant: {
      name: doc.complainant.name,
      phone: doc.complainant.phone,
      email: doc.complainant.email,
      subject: doc.complainant.subject,
    },
    attachments: (doc.attachments ?? []).map((a) => ({
      id: a.id,
      fileName: a.fileName,
      contentType: a.contentType,
      size: a.size,
      sha256: a.sha256,
      uploadedAt: a.uploadedAt,
    })),
    receivedBy: doc.receivedBy ?? '',
    office: doc.office,
    officeDepartment: doc.officeDepartment ?? '',
    status: doc.status,
    receivedAt: doc.receivedAt,
    acceptBy: doc.acceptBy,
    replyBy: doc.replyBy ?? '',
    ...(doc.acceptedAt ? { acceptedAt: doc.acceptedAt } : {}),
    ...(doc.rejectedAt ? { rejectedAt: doc.rejectedAt } : {}),
    acceptedBy: doc.acceptedBy ?? '',
    rejectionReason: doc.rejectionReason ?? '',
    ...(doc.reply ? { reply: { ...doc.reply } } : {}),
    ...(doc.satisfaction ? { satisfaction: doc.satisfaction } : {}),
    ...(doc.ratedAt ? { ratedAt: doc.ratedAt } : {}),
    acceptanceOverdue: doc.acceptanceOverdue ?? false,
    replyOverdue: doc.replyOverdue ?? false,
    requestId: doc.requestId,
    version: doc.version,
  };
}

/** Each tenant's complaint channel (C14), versioned: a write names the version it read (0 for the first). */
export class MongoComplaintChannels implements ComplaintChannels {
  readonly model: Model<{ _id: string } & Omit<ComplaintChannelInfo, 'tenant'>>;

  constructor(connection: Connection) {
    this.model = connection.model('ComplaintChannel', complaintChannelSchema) as never;
  }

  async get(tenant: string): Promise<ComplaintChannelInfo | null> {
    const doc = await this.model.collection.findOne({ _id: tenant as never });
    if (!doc) return null;
    const { _id, unit, phone, address, procedure, version } = doc as unknown as { _id: string } & ComplaintChannelInfo;
    return { tenant: _id, unit, phone, address, procedure, version };
  }

  async put(info: ComplaintChannelInfo, expectedVersion: number): Promise<void> {
    const { tenant, ...fields } = info;
    await documentLocks.run(documentKey(this.model.collection.collectionName, tenant), async () => {
      if (expectedVersion === 0) {
        if (!(await insertNew(this.model, { _id: tenant, ...fields }))) throw new ConcurrencyError();
        return;
      }
      const done = await this.model.collection.updateOne(
        { _id: tenant as never, version: expectedVersion },
        { $set: fields },
      );
      if (done.matchedCount === 0) throw new ConcurrencyError();
    });
  }
}
