import { createHash } from 'node:crypto';
import { mongoose, Sequences, toBuffer, type Connection, type Model } from '@govhall/mongo';
import type { Case, CaseDocument, DocumentKind } from '../../domain/case';
import type { Clock, DocumentDetails, DocumentIssuer, Editions, IdGenerator } from '../../usecases/ports';

/** The word of each kind in a document number (…受理〔2026〕00012号). */
const NUMBER_WORDS: Record<DocumentKind, string> = {
  application_copy: '申',
  acceptance_notice: '受理',
  one_time_notice: '补正告知',
  refusal_notice: '不予受理',
  decision: '决定',
  licence: '证',
  suspension_notice: '中止告知',
  extension_notice: '延期告知',
};

/** What a renderer is given: the case as it will be stored, the document's number and date, and the extra facts. */
export interface RenderInput {
  case: Case;
  kind: DocumentKind;
  number: string;
  issuedAt: Date;
  issuingBody: string;
  details: DocumentDetails;
}

export type DocumentRenderer = (input: RenderInput) => Promise<Buffer>;

const documentSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    caseId: { type: String, required: true },
    document: { type: mongoose.Schema.Types.Mixed, required: true },
    fileName: { type: String, required: true },
    pdf: { type: Buffer, required: true },
  },
  { collection: 'case_documents', versionKey: false },
);
// Serves GetCaseDocument: a document is read by its id and must belong to the case asked about.
documentSchema.index({ caseId: 1 });

/**
 * Documents stored beside the cases (collection `case_documents`, PDF as BSON binary), numbered per tenant, kind and
 * year. The PDF is written before the case records it: a crash in between leaves an unreferenced document, never a
 * case pointing at nothing.
 */
export class StoredDocumentIssuer implements DocumentIssuer {
  readonly model: Model<any>;
  readonly counters: Sequences;

  constructor(
    connection: Connection,
    private readonly deps: { editions: Editions; clock: Clock; ids: IdGenerator; render: DocumentRenderer },
  ) {
    this.model = connection.model('CaseDocumentFile', documentSchema);
    this.counters = new Sequences(connection, 'DocumentNumberYear', 'document_number_years');
  }

  async issue(c: Case, kind: DocumentKind, issuedBy: string, details: DocumentDetails = {}): Promise<CaseDocument> {
    const issuedAt = this.deps.clock.now();
    const edition = await this.deps.editions.get(c.itemId);
    const center = `${edition?.tenantName ?? c.tenant}政务服务中心`;
    const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(issuedAt));
    const seq = await this.counters.next(`${c.tenant}-${kind}-${year}`);
    const number = `${center}${NUMBER_WORDS[kind]}〔${year}〕${String(seq).padStart(5, '0')}号`;
    const pdf = await this.deps.render({ case: c, kind, number, issuedAt, issuingBody: center, details });
    const document: CaseDocument = {
      id: this.deps.ids.newId(),
      kind,
      number,
      issuedAt,
      issuedBy,
      sha256: createHash('sha256').update(pdf).digest('hex'),
    };
    const fileName = `${c.caseNumber || c.id}-${kind}.pdf`;
    await this.model.collection.insertOne({ _id: document.id, caseId: c.id, document, fileName, pdf } as never);
    return document;
  }

  async get(caseId: string, documentId: string) {
    const doc = await this.model
      .findById(documentId)
      .lean<{ caseId: string; document: CaseDocument; pdf: unknown; fileName: string }>();
    if (!doc || doc.caseId !== caseId) return null;
    return { document: doc.document, pdf: toBuffer(doc.pdf), fileName: doc.fileName };
  }
}
