import { mongoose } from '@govhall/mongo';
import { declareOutboxIndex, outboxSchemaFields } from '@govhall/kafka';

const Mixed = mongoose.Schema.Types.Mixed;

/**
 * Collection `delegated_cases`: one document per case accepted under an agreement (代受理, J7), with its task and
 * three legs embedded and its pending outbox messages (topic govhall.joint-review.delegated-case). `listKeys` is the
 * top-level query copy ListDelegatedCases filters on (FerretDB pushes down only top-level equalities).
 */
export const delegatedCaseSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    tenant: { type: String, required: true },
    caseId: { type: String, required: true },
    caseNumber: { type: String, required: true },
    itemName: { type: String, default: '' },
    itemBasicCode: { type: String, default: '' },
    department: { type: String, required: true },
    agreementId: { type: String, required: true },
    windowId: { type: String, required: true },
    state: { type: String, required: true },
    preReviewOpinion: { type: String, default: '' },
    transferredBy: { type: String, default: '' },
    transferredAt: Date,
    task: Mixed,
    decision: Mixed,
    repliedAt: Date,
    legs: Mixed,
    cancelledReason: { type: String, default: '' },
    acceptedAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    version: { type: Number, required: true },
    casePromisedDueDate: { type: String, default: '' },
    replyWorkingDays: { type: Number, required: true },
    // Query copy (delegatedCaseListKeys), rewritten with every insert and save.
    /** `<tenant>|<department or ''>|<window or ''>|<state>`. */
    listKeys: { type: [String], default: [] },
    /** The decision task's id ('' before the transfer). */
    taskKey: { type: String, default: '' },
    ...outboxSchemaFields,
  },
  { collection: 'delegated_cases', versionKey: false, minimize: false, strict: false },
);

// One delegated case per case: a redelivered acceptance finds it.
delegatedCaseSchema.index({ tenant: 1, caseId: 1 }, { unique: true });
// Serves ListDelegatedCases.
delegatedCaseSchema.index({ listKeys: 1 });
// Serves the department systems' acts on a DELEGATED_DECISION task (ClaimTask, SubmitDecision, GetTaskFile).
delegatedCaseSchema.index({ taskKey: 1 });
// Serves GetDelegationStatistics: a tenant's cases by time of acceptance.
delegatedCaseSchema.index({ tenant: 1, acceptedAt: 1 });
// Serves the outbox relay's search for documents with unsent events.
declareOutboxIndex(delegatedCaseSchema);

export type DelegatedCaseDocument = mongoose.InferSchemaType<typeof delegatedCaseSchema>;
