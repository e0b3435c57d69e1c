import { mongoose } from '@govhall/mongo';

const Mixed = mongoose.Schema.Types.Mixed;

/**
 * Collection `delegation_agreements`: one document per entrustment agreement (委托代办协议, J7). Agreements publish
 * no events (nobody consumes them yet, ADR 0052), so the collection has no outbox. `seriesIds` and `listKeys` are
 * top-level query copies (FerretDB pushes down only top-level equalities; docs/store-rules.md).
 */
export const agreementSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    tenant: { type: String, required: true },
    department: { type: String, required: true },
    agreementNumber: { type: String, required: true },
    items: Mixed,
    windowIds: { type: [String], default: [] },
    transferWorkingDays: { type: Number, required: true },
    replyWorkingDays: { type: Number, required: true },
    signedOn: { type: String, required: true },
    validFrom: { type: String, required: true },
    validUntil: { type: String, default: '' },
    documents: Mixed,
    state: { type: String, required: true },
    terminatedReason: { type: String, default: '' },
    terminatedOn: { type: String, default: '' },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    version: { type: Number, required: true },
    requestId: { type: String, required: true },
    requestFingerprint: { type: String, required: true },
    // Query copies, rewritten with every insert and save.
    /** `<tenant>|<series id>` of each covered item series. */
    seriesKeys: { type: [String], default: [] },
    /** `<tenant>|<department or ''>|<state or ''>`. */
    listKeys: { type: [String], default: [] },
  },
  { collection: 'delegation_agreements', versionKey: false, minimize: false, strict: false },
);

// Serves CreateAgreement's idempotency: one agreement per (tenant, request id).
agreementSchema.index({ tenant: 1, requestId: 1 }, { unique: true });
// Serves ListAgreements: a tenant's (or a department's) agreements, in any or one state, newest first.
agreementSchema.index({ listKeys: 1, createdAt: -1, _id: 1 });
// Serves the overlap check and the case stream's look-up: the agreements naming an item series.
agreementSchema.index({ seriesKeys: 1 });

export type AgreementDocument = mongoose.InferSchemaType<typeof agreementSchema>;
