import { mongoose } from '@govhall/mongo';
import { declareOutboxIndex, outboxSchemaFields } from '@govhall/kafka';

const Mixed = mongoose.Schema.Types.Mixed;

/**
 * Collection `cases`: one document per case (办件) with its pending outbox messages. Nested parts (applicant,
 * materials, clocks, steps, history …) are sub-documents replaced with the case; the top-level fields are the ones
 * queries filter on. `ownerSubject` is a top-level copy of applicant.subject because FerretDB pushes down only
 * top-level equalities (docs/store-rules.md).
 */
export const caseSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    caseNumber: { type: String, default: '' },
    tenant: { type: String, required: true },
    status: { type: String, required: true },
    version: { type: Number, required: true },
    channel: { type: String, required: true },
    itemId: { type: String, required: true },
    itemName: { type: String, required: true },
    itemBasicCode: { type: String, required: true },
    itemEdition: { type: Number, required: true },
    handlingCategory: { type: String, required: true },
    department: { type: String, required: true },
    windowId: { type: String, default: '' },
    // Query copies (case-query-fields.ts), rewritten with every save.
    ownerSubject: { type: String, required: true },
    myList: { type: String, required: true },
    // The queue keys (case-lists.ts queueKeysOf): `<tenant>|<queue>` and `<tenant>|<queue>|<kind>` per queue.
    queues: { type: [String], default: [] },
    dueDate: { type: String, default: '' },
    receivedMonth: { type: String, default: '' },
    createdBy: { type: String, required: true },
    idempotencyKey: { type: String, required: true },
    submitKeys: { type: [String], default: [] },
    applicant: Mixed,
    contact: Mixed,
    formData: { type: String, default: '{}' },
    materials: Mixed,
    uploadComplete: Boolean,
    problems: Mixed,
    corrections: Mixed,
    clocks: Mixed,
    steps: Mixed,
    suspensions: Mixed,
    extension: Mixed,
    decision: Mixed,
    licenceId: String,
    delivery: Mixed,
    payment: Mixed,
    documents: Mixed,
    history: Mixed,
    responsible: String,
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    submittedAt: Date,
    deemedAccepted: Boolean,
    decidedOnTheSpot: Boolean,
    ...outboxSchemaFields,
  },
  { collection: 'cases', versionKey: false, minimize: false, strict: false },
);

// Serves OpenCase / RegisterWalkIn retries: the same caller's key finds the first case (and races insert once).
caseSchema.index({ createdBy: 1, idempotencyKey: 1 }, { unique: true });
// Serves the public progress query and staff lookups by case number (uniqueness: the case_numbers collection).
caseSchema.index({ caseNumber: 1 });
// Serves ListMyCases: one applicant's cases of one list (A26), most recently changed first (id breaks ties).
caseSchema.index({ ownerSubject: 1, myList: 1, updatedAt: -1, _id: 1 });
// Serves ListQueue: one queue key — a window's pre-review queue, a department's role queue or a department's open
// cases of a tenant, optionally of one of the seed's kinds — holds only open cases (docs/store-rules.md: bounded
// lists), earliest due first (id breaks ties).
caseSchema.index({ queues: 1, dueDate: 1, _id: 1 });
// Serves ExportLedger: a tenant's cases received in one month (A33), by case number (a department's rows are
// picked from the month's).
caseSchema.index({ tenant: 1, receivedMonth: 1, caseNumber: 1 });
// Serves the deemed-acceptance timer (law §32): online cases in PRE_REVIEW due on a day (dueDate is the notice day
// while a case waits at a window), and once at start those past their day.
caseSchema.index({ status: 1, channel: 1, dueDate: 1 });
// Serves the outbox relay's search for documents with unsent events.
declareOutboxIndex(caseSchema);

export type CaseDocument = mongoose.InferSchemaType<typeof caseSchema>;
