import type { Principal } from '@govhall/auth';
import { declareOutboxIndex, outboxSchemaFields } from '@govhall/kafka';
import {
  insertNew,
  mongoose,
  outboxFields,
  saveVersioned,
  toDocument,
  toEntity,
  type Connection,
  type Model,
  type StoredDocument,
} from '@govhall/mongo';
import { decodePageToken, encodePageToken, pageSize } from '@govhall/paging';
import type { Mismatch } from '../../domain/reconciliation/mismatch';
import type { Page, PageQuery } from '../../usecases/ports';
import type {
  MismatchFilter,
  MismatchRepository,
  Statement,
  StatementRepository,
} from '../../usecases/reconciliation/reconciliation.ports';
import { toMismatchOutbox, toStatementOutbox } from '../kafka/reconciliation-events';

const PROJECTION = { outbox: 0, outboxLease: 0, outboxPending: 0 } as const;

/** Collection `statements`: one document per imported file, `_id` its SHA-256 (the same file twice is one). */
const statementSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    tenant: { type: String, required: true },
    settlementDate: { type: String, required: true },
    fileName: { type: String, required: true },
    encoding: { type: String, required: true },
    lineCount: { type: Number, required: true },
    paidTotalFen: { type: Number, required: true },
    refundTotalFen: { type: Number, required: true },
    matchedCount: { type: Number, required: true },
    mismatchCount: { type: Number, required: true },
    importedBy: { type: String, required: true },
    importedAt: { type: Date, required: true },
    ...outboxSchemaFields,
  },
  { collection: 'statements', versionKey: false, minimize: false },
);
// ListStatements: a tenant's statements, newest settlement date first.
statementSchema.index({ tenant: 1, settlementDate: -1, importedAt: -1 });
declareOutboxIndex(statementSchema);
type StatementDocument = mongoose.InferSchemaType<typeof statementSchema>;

/** Collection `mismatches`: `_id` "<tenant>.<kind>.<payment code or notice id>", with the outbox. */
const mismatchSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    tenant: { type: String, required: true },
    statementId: { type: String, required: true },
    settlementDate: { type: String, required: true },
    kind: { type: String, required: true },
    state: { type: String, required: true },
    paymentCode: { type: String, default: '' },
    noticeId: { type: String, default: '' },
    noticeNumber: { type: String, default: '' },
    caseId: { type: String, default: '' },
    caseNumber: { type: String, default: '' },
    lineNumbers: { type: [Number], default: [] },
    bankTxnId: { type: String, default: '' },
    collectingUnitCode: { type: String, default: '' },
    revenueCode: { type: String, default: '' },
    department: { type: String, default: '' },
    expectedFen: { type: Number, required: true },
    statementFen: { type: Number, required: true },
    detail: { type: String, required: true },
    resolutionNote: { type: String, default: '' },
    resolvedBy: { type: String, default: '' },
    resolvedAt: Date,
    foundAt: { type: Date, required: true },
    version: { type: Number, required: true },
    ...outboxSchemaFields,
  },
  { collection: 'mismatches', versionKey: false, minimize: false },
);
// ListMismatches: a tenant's mismatches newest first, by statement, kind or state.
mismatchSchema.index({ tenant: 1, foundAt: -1 });
mismatchSchema.index({ tenant: 1, statementId: 1, foundAt: -1 });
mismatchSchema.index({ tenant: 1, state: 1, foundAt: -1 });
declareOutboxIndex(mismatchSchema);
type MismatchDocument = mongoose.InferSchemaType<typeof mismatchSchema>;

async function pageOf<T>(
  model: Model<any>,
  filter: Record<string, unknown>,
  sort: Record<string, 1 | -1>,
  page: PageQuery,
): Promise<Page<T>> {
  const offset = decodePageToken(page.pageToken);
  const size = pageSize(page.pageSize);
  const [docs, total] = await Promise.all([
    model.find(filter, PROJECTION).sort(sort).skip(offset).limit(size).lean<StoredDocument[]>(),
    model.countDocuments(filter),
  ]);
  return {
    items: docs.map((d) => toEntity<T>(d)),
    nextPageToken: offset + size < total ? encodePageToken(offset + size) : '',
    total,
  };
}

export class MongoStatements implements StatementRepository {
  readonly model: Model<StatementDocument>;

  constructor(connection: Connection) {
    this.model = connection.model<StatementDocument>('Statement', statementSchema);
  }

  async findById(id: string): Promise<Statement | null> {
    return toEntity<Statement>(await this.model.findById(id, PROJECTION).lean<StoredDocument>());
  }

  insert(statement: Statement, actor: Principal): Promise<boolean> {
    return insertNew(this.model, toDocument(statement, outboxFields(toStatementOutbox(statement, actor))));
  }

  list(tenant: string, page: PageQuery): Promise<Page<Statement>> {
    return pageOf<Statement>(this.model, { tenant }, { settlementDate: -1, importedAt: -1, _id: 1 }, page);
  }
}

export class MongoMismatches implements MismatchRepository {
  readonly model: Model<MismatchDocument>;

  constructor(connection: Connection) {
    this.model = connection.model<MismatchDocument>('Mismatch', mismatchSchema);
  }

  async findById(id: string): Promise<Mismatch | null> {
    return toEntity<Mismatch>(await this.model.findById(id, PROJECTION).lean<StoredDocument>());
  }

  async insertNew(mismatches: readonly Mismatch[], actor: Principal): Promise<Mismatch[]> {
    const stored: Mismatch[] = [];
    for (const m of mismatches) {
      const document = toDocument(m, outboxFields(toMismatchOutbox(m, 'MismatchFound', actor)));
      if (await insertNew(this.model, document)) stored.push(m);
    }
    return stored;
  }

  async saveResolved(next: Mismatch, expectedVersion: number, actor: Principal): Promise<Mismatch> {
    const stored: Mismatch = { ...next, version: expectedVersion + 1 };
    await saveVersioned(this.model, stored, expectedVersion, toMismatchOutbox(stored, 'MismatchResolved', actor));
    return stored;
  }

  list(tenant: string, filter: MismatchFilter, page: PageQuery): Promise<Page<Mismatch>> {
    const query: Record<string, unknown> = { tenant };
    if (filter.statementId) query.statementId = filter.statementId;
    if (filter.kind) query.kind = filter.kind;
    if (filter.state) query.state = filter.state;
    return pageOf<Mismatch>(this.model, query, { foundAt: -1, _id: 1 }, page);
  }
}
