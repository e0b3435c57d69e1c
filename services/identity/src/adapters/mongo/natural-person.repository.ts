import type { Principal } from '@govhall/auth';
import {
  documentKey,
  documentLocks,
  isDuplicateKeyError,
  updateVersioned,
  type Connection,
  type Model,
} from '@govhall/mongo';
import type { NaturalPerson, NaturalPersonEvent } from '../../domain/natural-person';
import type { ApplicantRow, NaturalPersonRepository } from '../../usecases/applicants.ports';
import { naturalPersonOutbox } from '../kafka/applicant-events';
import { naturalPersonSchema, type NaturalPersonDocument } from './natural-person.schema';

const PROJECTION = { outbox: 0, outboxLease: 0 } as const;

export class MongoNaturalPersonRepository implements NaturalPersonRepository {
  readonly model: Model<NaturalPersonDocument>;

  constructor(connection: Connection) {
    this.model = connection.model<NaturalPersonDocument>('NaturalPerson', naturalPersonSchema);
  }

  async insert(person: NaturalPerson): Promise<boolean> {
    const { id, ...fields } = person;
    try {
      await this.model.collection.insertOne({ _id: id as never, ...fields, outbox: [] });
      return true;
    } catch (e) {
      if (isDuplicateKeyError(e)) return false;
      throw e;
    }
  }

  async findById(id: string) {
    return toPerson(await this.model.findById(id, PROJECTION).lean());
  }

  async findByIdNumber(idNumber: string) {
    return toPerson(await this.model.findOne({ idNumber }, PROJECTION).lean());
  }

  async findBySubject(subject: string) {
    return toPerson(await this.model.findOne({ subject }, PROJECTION).lean());
  }

  async update(next: NaturalPerson, expectedVersion: number, events: NaturalPersonEvent[], actor: Principal) {
    const { id, version: _version, ...fields } = next;
    await updateVersioned(this.model, id, expectedVersion, {
      $set: Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
      ...(events.length ? { $push: { outbox: { $each: naturalPersonOutbox(events, actor) } } } : {}),
    });
  }

  async removeProvisioning(id: string, expectedVersion: number): Promise<boolean> {
    // Ordered with versioned updates of the same document (see @govhall/mongo DocumentLocks).
    const result = await documentLocks.run(documentKey(this.model.collection.collectionName, id), () =>
      this.model.deleteOne({ _id: id, status: 'provisioning', version: expectedVersion }),
    );
    return result.deletedCount === 1;
  }

  async findProvisioning(updatedBefore: Date) {
    const docs = await this.model
      .find({ status: 'provisioning', updatedAt: { $lt: updatedBefore } }, PROJECTION)
      .limit(100)
      .lean();
    return docs.map((d) => toPerson(d)!);
  }

  async newestOfTenant(tenant: string, limit: number) {
    const filter = { tenant, status: 'active' };
    const [docs, total] = await Promise.all([
      this.model
        .find(filter, { tenant: 1, name: 1, idNumber: 1, createdAt: 1 })
        .sort({ createdAt: -1, _id: -1 })
        .limit(limit)
        .lean(),
      this.model.countDocuments(filter),
    ]);
    const rows: ApplicantRow[] = docs.map((d) => ({
      id: String(d._id),
      kind: 'natural',
      tenant: d.tenant,
      name: d.name,
      identifier: d.idNumber,
      createdAt: d.createdAt,
    }));
    return { rows, total };
  }
}

function toPerson(doc: (Record<string, unknown> & { _id: unknown }) | null): NaturalPerson | null {
  if (!doc) return null;
  const { _id, ...rest } = doc;
  return { id: String(_id), ...(rest as Omit<NaturalPerson, 'id'>) };
}
