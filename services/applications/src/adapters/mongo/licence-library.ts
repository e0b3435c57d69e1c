import {
  insertNew,
  Sequences,
  mongoose,
  toDocument,
  toEntity,
  type Connection,
  type Model,
  type StoredDocument,
} from '@govhall/mongo';
import type { Licence } from '../../domain/licence';
import type { LicenceLibrary } from '../../usecases/handling.ports';

const licenceSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    licenceNumber: { type: String, required: true },
    licenceType: { type: String, required: true },
    caseId: { type: String, required: true },
    verificationCode: { type: String, required: true },
    holderPersonId: { type: String, default: '' },
    holderSubject: { type: String, default: '' },
    issuingDepartment: { type: String, required: true },
    tenant: { type: String, required: true },
    issuedAt: { type: Date, required: true },
  },
  { collection: 'licences', versionKey: false, minimize: false, strict: false },
);
// One licence per case: a retried IssueResult / DecideOnTheSpot finds the first one (insertForCase, findByCase).
licenceSchema.index({ caseId: 1 }, { unique: true });
// CiteLicence looks a licence up by its number; numbers are unique.
licenceSchema.index({ licenceNumber: 1 }, { unique: true });
// VerifyLicence (public) by verification code; codes are unique.
licenceSchema.index({ verificationCode: 1 }, { unique: true });
// ListMyLicences of a natural person: their licences, newest first (id breaks ties).
licenceSchema.index({ holderSubject: 1, issuedAt: -1, _id: 1 });
// ListMyLicences for a legal person: its licences of the departments the agent may act in, newest first; its prefix
// serves the issuing departments of a holder (departmentsOfHolder, for the acting check).
licenceSchema.index({ holderPersonId: 1, issuingDepartment: 1, issuedAt: -1, _id: 1 });

function toLicence(doc: StoredDocument): Licence {
  return toEntity<Licence>(doc);
}

/** The e-licence library: collection `licences`, numbered per tenant, basic code and year (`licence_number_years`). */
export class MongoLicenceLibrary implements LicenceLibrary {
  readonly model: Model<any>;
  readonly counters: Sequences;

  constructor(connection: Connection) {
    this.model = connection.model('Licence', licenceSchema);
    this.counters = new Sequences(connection, 'LicenceNumberYear', 'licence_number_years');
  }

  nextSequence(tenant: string, basicCode: string, year: number): Promise<number> {
    return this.counters.next(`${tenant}-${basicCode}-${year}`);
  }

  async insertForCase(licence: Licence): Promise<Licence> {
    if (await insertNew(this.model, toDocument(licence))) return licence;
    const first = await this.findByCase(licence.caseId);
    if (!first) throw new Error('licence insert refused but no licence of the case exists (number or code taken)');
    return first;
  }

  async findByCase(caseId: string): Promise<Licence | null> {
    const doc = await this.model.findOne({ caseId }).lean<StoredDocument>();
    return doc ? toLicence(doc) : null;
  }

  async findByNumber(licenceNumber: string): Promise<Licence | null> {
    const doc = await this.model.findOne({ licenceNumber }).lean<StoredDocument>();
    return doc ? toLicence(doc) : null;
  }

  async findByVerificationCode(code: string): Promise<Licence | null> {
    const doc = await this.model.findOne({ verificationCode: code }).lean<StoredDocument>();
    return doc ? toLicence(doc) : null;
  }

  async departmentsOfHolder(holderPersonId: string): Promise<string[]> {
    const docs = await this.model
      .find({ holderPersonId }, { issuingDepartment: 1 })
      .lean<{ issuingDepartment: string }[]>();
    return [...new Set(docs.map((d) => d.issuingDepartment))].sort();
  }

  async listByHolder(
    holder: { subject: string } | { personId: string; departments: readonly string[] },
    page: { offset: number; limit: number },
  ) {
    const filter =
      'subject' in holder
        ? { holderSubject: holder.subject }
        : { holderPersonId: holder.personId, issuingDepartment: { $in: [...holder.departments] } };
    const [docs, total] = await Promise.all([
      this.model
        .find(filter)
        .sort({ issuedAt: -1, _id: 1 })
        .skip(page.offset)
        .limit(page.limit)
        .lean<StoredDocument[]>(),
      this.model.countDocuments(filter),
    ]);
    return { licences: docs.map(toLicence), total };
  }
}
