import { mongoose } from '@govhall/mongo';
import { declareOutboxIndex, outboxSchemaFields } from '@govhall/kafka';

const Mixed = mongoose.Schema.Types.Mixed;

/** Collection `notices`: one document per case's notice, with its pending outbox messages. */
export const noticeSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    tenant: { type: String, required: true },
    caseId: { type: String, required: true },
    caseNumber: { type: String, required: true },
    itemName: { type: String, required: true },
    applicantSubject: { type: String, required: true },
    state: { type: String, required: true },
    number: String,
    paymentCode: String,
    payerName: { type: String, required: true },
    collectingBody: { type: String, required: true },
    collectingBodyCode: { type: String, required: true },
    lines: { type: [Mixed], default: [] },
    parts: { type: [Mixed], default: [] },
    totalFen: { type: Number, required: true },
    totalCapitals: String,
    deadline: String,
    issuedAt: Date,
    slip: Mixed,
    payment: Mixed,
    markPaidAttempts: { type: Number, required: true },
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    // Query copies (FerretDB has no sparse or partial indexes, docs/store-rules.md).
    caseKey: { type: String, required: true },
    codeKey: { type: String, required: true },
    ...outboxSchemaFields,
  },
  { collection: 'notices', versionKey: false, minimize: false },
);

// One notice per case: the first department's part inserts it, a racing second one fails here and retries.
noticeSchema.index({ caseKey: 1 }, { unique: true });
// The bank's payment code (or "#<id>" before issue): the callback's lookup, and no code given twice.
noticeSchema.index({ codeKey: 1 }, { unique: true });
// ListNotices: a tenant's notices newest first, optionally by state.
noticeSchema.index({ tenant: 1, state: 1, createdAt: -1 });
noticeSchema.index({ tenant: 1, createdAt: -1 });
// The reconciliation: a tenant's notices paid on the statement's day.
noticeSchema.index({ tenant: 1, 'payment.paidAt': 1 });
// ListMyNotices.
noticeSchema.index({ applicantSubject: 1, createdAt: -1 });
declareOutboxIndex(noticeSchema);

export type NoticeDocument = mongoose.InferSchemaType<typeof noticeSchema>;
