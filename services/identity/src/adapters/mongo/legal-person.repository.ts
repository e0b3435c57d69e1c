import type { Principal } from '@govhall/auth';
import { insertNew, saveVersioned, toDocument, toEntity, type Connection, type Model } from '@govhall/mongo';
import type { LegalPerson, LegalPersonEvent } from '../../domain/legal-person';
import type { ApplicantRow, LegalPersonRepository } from '../../usecases/applicants.ports';
import { legalPersonOutbox } from '../kafka/applicant-events';
import { legalPersonSchema, type LegalPersonDocument } from './legal-person.schema';

const PROJECTION = { outbox: 0, outboxLease: 0 } as const;

export class MongoLegalPersonRepository implements LegalPersonRepository {
  readonly model: Model<LegalPersonDocument>;

  constructor(connection: Connection) {
    this.model = connection.model<LegalPersonDocument>('LegalPerson', legalPersonSchema);
  }

  async insert(legalPerson: LegalPerson, events: LegalPersonEvent[], actor: Principal): Promise<boolean> {
    // State and events in one document write: the outbox relay publishes them afterwards.
    return insertNew(this.model, toDocument(legalPerson, { outbox: legalPersonOutbox(events, actor) }));
  }

  async findById(id: string) {
    return toEntity<LegalPerson>(await this.model.findById(id, PROJECTION).lean());
  }

  async findByHolderSubject(subject: string) {
    const docs = await this.model.find({ holderSubject: subject }, PROJECTION).sort({ createdAt: 1 }).lean();
    return docs.map((d) => toEntity<LegalPerson>(d));
  }

  async findByAgentSubject(subject: string) {
    const docs = await this.model.find({ 'agents.agentSubject': subject }, PROJECTION).sort({ createdAt: 1 }).lean();
    return docs.map((d) => toEntity<LegalPerson>(d));
  }

  async update(next: LegalPerson, expectedVersion: number, events: LegalPersonEvent[], actor: Principal) {
    await saveVersioned(this.model, next, expectedVersion, legalPersonOutbox(events, actor));
  }

  async newestOfTenant(tenant: string, limit: number) {
    const [docs, total] = await Promise.all([
      this.model
        .find({ tenant }, { tenant: 1, name: 1, creditCode: 1, createdAt: 1 })
        .sort({ createdAt: -1, _id: -1 })
        .limit(limit)
        .lean(),
      this.model.countDocuments({ tenant }),
    ]);
    const rows: ApplicantRow[] = docs.map((d) => ({
      id: String(d._id),
      kind: 'legal',
      tenant: d.tenant,
      name: d.name,
      identifier: d.creditCode,
      createdAt: d.createdAt,
    }));
    return { rows, total };
  }
}
