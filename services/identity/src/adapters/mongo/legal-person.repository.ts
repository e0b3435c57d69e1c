import type { Principal } from '@govhall/auth';
import {
  entityUpdate,
  insertNew,
  outboxFields,
  toDocument,
  toEntity,
  updateVersioned,
  type Connection,
  type Model,
} from '@govhall/mongo';
import type { LegalPerson, LegalPersonEvent } from '../../domain/legal-person';
import type { ApplicantRow, LegalPersonRepository } from '../../usecases/applicants.ports';
import { legalPersonOutbox } from '../kafka/applicant-events';
import { legalPersonSchema, type LegalPersonDocument } from './legal-person.schema';

const PROJECTION = { outbox: 0, outboxLease: 0, outboxPending: 0, agentSubjects: 0 } as const;

/**
 * Store-only: the subjects of every agent grant, top-level so the agent's lookup is an indexed equality on any
 * store (the local FerretDB store never pushes a dotted path such as `agents.agentSubject` down to its index).
 */
const agentSubjectsOf = (legalPerson: LegalPerson) => [...new Set(legalPerson.agents.map((g) => g.agentSubject))];

export class MongoLegalPersonRepository implements LegalPersonRepository {
  readonly model: Model<LegalPersonDocument>;

  constructor(connection: Connection) {
    this.model = connection.model<LegalPersonDocument>('LegalPerson', legalPersonSchema);
  }

  async insert(legalPerson: LegalPerson, events: LegalPersonEvent[], actor: Principal): Promise<boolean> {
    // State and events in one document write: the outbox relay publishes them afterwards.
    const stored = { agentSubjects: agentSubjectsOf(legalPerson), ...outboxFields(legalPersonOutbox(events, actor)) };
    return insertNew(this.model, toDocument(legalPerson, stored));
  }

  async findById(id: string) {
    return toEntity<LegalPerson>(await this.model.findById(id, PROJECTION).lean());
  }

  async findByCreditCode(creditCode: string) {
    return toEntity<LegalPerson>(await this.model.findOne({ creditCode }, PROJECTION).lean());
  }

  async findByHolderSubject(subject: string) {
    const docs = await this.model.find({ holderSubject: subject }, PROJECTION).sort({ createdAt: 1 }).lean();
    return docs.map((d) => toEntity<LegalPerson>(d));
  }

  async findByAgentSubject(subject: string) {
    const docs = await this.model.find({ agentSubjects: subject }, PROJECTION).sort({ createdAt: 1 }).lean();
    return docs.map((d) => toEntity<LegalPerson>(d));
  }

  async update(next: LegalPerson, expectedVersion: number, events: LegalPersonEvent[], actor: Principal) {
    const update = entityUpdate(next, legalPersonOutbox(events, actor));
    update.$set = { ...(update.$set as object), agentSubjects: agentSubjectsOf(next) };
    await updateVersioned(this.model, next.id, expectedVersion, update);
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
