import type { Principal } from '@govhall/auth';
import {
  findStale,
  insertNew,
  removeIfStill,
  saveVersioned,
  toDocument,
  toEntity,
  type Connection,
  type Model,
} from '@govhall/mongo';
import type { NaturalPerson, NaturalPersonEvent } from '../../domain/natural-person';
import type { ApplicantRow, NaturalPersonRepository } from '../../usecases/applicants.ports';
import { naturalPersonOutbox } from '../kafka/applicant-events';
import { naturalPersonSchema, type NaturalPersonDocument } from './natural-person.schema';

const PROJECTION = { outbox: 0, outboxLease: 0, outboxPending: 0 } as const;

export class MongoNaturalPersonRepository implements NaturalPersonRepository {
  readonly model: Model<NaturalPersonDocument>;

  constructor(connection: Connection) {
    this.model = connection.model<NaturalPersonDocument>('NaturalPerson', naturalPersonSchema);
  }

  async insert(person: NaturalPerson): Promise<boolean> {
    return insertNew(this.model, toDocument(person, { outbox: [] }));
  }

  async findById(id: string) {
    return toEntity<NaturalPerson>(await this.model.findById(id, PROJECTION).lean());
  }

  async findByIdNumber(idNumber: string) {
    return toEntity<NaturalPerson>(await this.model.findOne({ idNumber }, PROJECTION).lean());
  }

  async findBySubject(subject: string) {
    return toEntity<NaturalPerson>(await this.model.findOne({ subject }, PROJECTION).lean());
  }

  async update(next: NaturalPerson, expectedVersion: number, events: NaturalPersonEvent[], actor: Principal) {
    await saveVersioned(this.model, next, expectedVersion, naturalPersonOutbox(events, actor));
  }

  async removeProvisioning(id: string, expectedVersion: number): Promise<boolean> {
    return removeIfStill(this.model, id, { status: 'provisioning', version: expectedVersion });
  }

  async findProvisioning(updatedBefore: Date) {
    const docs = await findStale(this.model, { status: 'provisioning' }, updatedBefore, PROJECTION);
    return docs.map((d) => toEntity<NaturalPerson>(d));
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
