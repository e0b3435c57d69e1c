import { declareOutboxIndex, outboxSchemaFields } from '@govhall/kafka';
import { mongoose } from '@govhall/mongo';

const targetSchema = new mongoose.Schema(
  { kind: String, id: String, name: String, department: String },
  { _id: false, versionKey: false },
);
const complainantSchema = new mongoose.Schema(
  { name: String, phone: String, email: String, subject: String },
  { _id: false, versionKey: false },
);
const attachmentSchema = new mongoose.Schema(
  { id: String, fileName: String, contentType: String, size: Number, sha256: String, uploadedAt: Date },
  { _id: false, versionKey: false },
);
const replySchema = new mongoose.Schema(
  { finding: String, text: String, repliedBy: String, repliedAt: Date },
  { _id: false, versionKey: false },
);

/**
 * Collection `complaints`: one document per complaint, with its outbox. Personal data: the complainant's name, phone
 * and e-mail and the content (never logged; masked outside the handling office and in events). Query copies:
 * `receivedDay` (China date of receipt: the lists' period), `answered` (accepted and answered: the public outcomes),
 * `targetDepartment`, `complainantSubject`, `pendingDay` (the sweep's next day: acceptBy while received, replyBy
 * while accepted, '' once reported or past those states).
 */
export const complaintSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    number: { type: String, required: true },
    tenant: { type: String, required: true },
    type: { type: String, required: true },
    kind: { type: String, required: true },
    channel: { type: String, required: true },
    target: { type: targetSchema, required: true },
    content: { type: String, required: true },
    complainant: { type: complainantSchema, required: true },
    /** Photos and letters filed with it, described (uploads in `complaint_attachments`, bytes in `file_chunks`). */
    attachments: { type: [attachmentSchema], default: [] },
    receivedBy: { type: String, default: '' },
    office: { type: String, required: true },
    officeDepartment: { type: String, default: '' },
    status: { type: String, required: true },
    receivedAt: { type: Date, required: true },
    acceptBy: { type: String, required: true },
    replyBy: { type: String, default: '' },
    acceptedAt: { type: Date, default: undefined },
    rejectedAt: { type: Date, default: undefined },
    acceptedBy: { type: String, default: '' },
    rejectionReason: { type: String, default: '' },
    reply: { type: replySchema, default: undefined },
    satisfaction: { type: String, default: undefined },
    ratedAt: { type: Date, default: undefined },
    acceptanceOverdue: { type: Boolean, default: false },
    replyOverdue: { type: Boolean, default: false },
    requestId: { type: String, required: true },
    version: { type: Number, required: true },
    receivedDay: { type: String, required: true },
    answered: { type: Boolean, required: true },
    targetDepartment: { type: String, default: '' },
    complainantSubject: { type: String, default: '' },
    pendingDay: { type: String, default: '' },
    ...outboxSchemaFields,
  },
  { collection: 'complaints', versionKey: false, minimize: false },
);

complaintSchema.index({ number: 1 }, { unique: true });
// A retried filing (FileComplaint's request id, per tenant).
complaintSchema.index({ tenant: 1, requestId: 1 }, { unique: true });
// Lists of a tenant's period, newest first (ListComplaints; the public outcomes narrow by `answered`).
complaintSchema.index({ tenant: 1, receivedDay: -1 });
complaintSchema.index({ tenant: 1, answered: 1, receivedDay: -1 });
// The complainant's own (ListMyComplaints).
complaintSchema.index({ complainantSubject: 1, receivedDay: -1 });
// The sweep: what has a day still to watch, earliest first.
complaintSchema.index({ pendingDay: 1 });
declareOutboxIndex(complaintSchema);

export type ComplaintDocument = mongoose.InferSchemaType<typeof complaintSchema>;

/** Collection `complaint_channels`: each tenant's published complaint channel (C14), versioned. */
export const complaintChannelSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    unit: { type: String, required: true },
    phone: { type: String, required: true },
    address: { type: String, required: true },
    procedure: { type: String, required: true },
    version: { type: Number, required: true },
  },
  { collection: 'complaint_channels', versionKey: false },
);

/**
 * Collection `complaint_attachments`: uploads for complaints, described (the bytes in `file_chunks`, owner
 * `complaint-attachment`, file id = the upload's id): the uploader's subject and tenant, and `usedBy` (the complaint
 * that filed it, '' while unused). The file name is personal data (never logged).
 */
export const complaintAttachmentSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    tenant: { type: String, required: true },
    uploader: { type: String, required: true },
    fileName: { type: String, required: true },
    contentType: { type: String, required: true },
    size: { type: Number, required: true },
    sha256: { type: String, required: true },
    uploadedAt: { type: Date, required: true },
    usedBy: { type: String, default: '' },
  },
  { collection: 'complaint_attachments', versionKey: false },
);
