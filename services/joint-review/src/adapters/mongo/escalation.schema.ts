import { mongoose } from '@govhall/mongo';
import { declareOutboxIndex, outboxSchemaFields } from '@govhall/kafka';

const Mixed = mongoose.Schema.Types.Mixed;

/**
 * Collection `escalations`: one document per side's record of an escalated case (上报件: the lower center's SENDER
 * record, the parent's RECEIVER record), with its case snapshot, files, legs, task, updates and follow-ups embedded,
 * and its pending outbox messages. Top-level query copies serve the lists (FerretDB pushes down only top-level
 * equalities; docs/store-rules.md). Bytes of received files live in `escalation_file_chunks`.
 */
export const escalationSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    side: { type: String, required: true },
    tenant: { type: String, required: true },
    sourceTenant: { type: String, required: true },
    targetTenant: { type: String, default: '' },
    counterpartId: { type: String, default: '' },
    department: { type: String, required: true },
    targetDepartment: { type: String, default: '' },
    state: { type: String, required: true },
    case: Mixed,
    files: Mixed,
    round: { type: Number, required: true },
    legs: Mixed,
    task: Mixed,
    updates: Mixed,
    decision: Mixed,
    followUps: Mixed,
    sourceKey: { type: String, default: '' },
    lastSequence: { type: Number, default: 0 },
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    // Query copies, rewritten with every insert and save.
    /** Sender records: `<tenant>|<case id>` (one record per case); receivers: `#<id>`. */
    caseKey: { type: String, required: true },
    /** `<side>|<tenant>|<department or ''>|<state>` for '' and the record's department. */
    listKeys: { type: [String], default: [] },
    /** Receivers: `<tenant>|<source tenant>` (PullEscalationUpdates); senders: ''. */
    pullKey: { type: String, default: '' },
    /** `<side>|<state>` (the transfer and the outcome reports). */
    workKey: { type: String, required: true },
    /** The case's promised due date (lists sort on it). */
    dueDate: { type: String, default: '' },
    /** Receivers: the decision task's id once it is opened (department systems name tasks by id); otherwise ''. */
    taskKey: { type: String, default: '' },
    ...outboxSchemaFields,
  },
  { collection: 'escalations', versionKey: false, minimize: false, strict: false },
);

// One sender record per case of a tenant.
escalationSchema.index({ caseKey: 1 }, { unique: true });
// ReceiveEscalation's idempotency: one receiver record per (source tenant, source record); senders have ''.
escalationSchema.index({ sourceKey: 1 });
// ListFollowUps / ListReceivedEscalations: a side's records of a tenant (or department), in a state, earliest due.
escalationSchema.index({ listKeys: 1, dueDate: 1, _id: 1 });
// PullEscalationUpdates: a parent's records from one lower tenant, by their latest update.
escalationSchema.index({ pullKey: 1, lastSequence: 1, _id: 1 });
// A department system's ClaimTask / SubmitDecision: the receiver record holding the task.
escalationSchema.index({ taskKey: 1 });
// The next update sequence: the tenant's receiver record with the highest one.
escalationSchema.index({ tenant: 1, side: 1, lastSequence: -1 });
// The transfer and the outcome reports: sender records in a state, oldest change first.
escalationSchema.index({ workKey: 1, updatedAt: 1, _id: 1 });
// Serves the outbox relay's search for documents with unsent events.
declareOutboxIndex(escalationSchema);

export type EscalationDocument = mongoose.InferSchemaType<typeof escalationSchema>;

/**
 * Collection `file_chunks` (@govhall/mongo's chunk store): the bytes of files the service keeps (at most 20 MiB each)
 * — files a parent received with an escalation (owner = the record id), uploaded attachments (owner `attachment`) — in
 * chunks of at most 4 MiB so no document nears the 16 MiB limit. `_id` = `<owner>:<file id>:<n>`.
 */
export { fileChunkSchema } from '@govhall/mongo';

/**
 * Collection `attachments`: files uploaded for a later opinion, decision, return or minutes (UploadAttachment), their
 * bytes in `file_chunks`; `usedBy` is the aggregate whose act used it ('' while unused).
 */
export const attachmentSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    tenant: { type: String, required: true },
    fileName: { type: String, required: true },
    contentType: { type: String, required: true },
    size: { type: Number, required: true },
    sha256: { type: String, required: true },
    uploadedBy: { type: String, required: true },
    uploadedAt: { type: Date, required: true },
    usedBy: { type: String, default: '' },
  },
  { collection: 'attachments', versionKey: false },
);

/** Collection `escalation_cursors`: the parent's updates mirrored so far, `_id` = `<parent>><lower tenant>`. */
export const escalationCursorSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    sequence: { type: Number, required: true },
  },
  { collection: 'escalation_cursors', versionKey: false },
);
