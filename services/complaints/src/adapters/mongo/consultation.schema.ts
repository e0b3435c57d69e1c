import { declareOutboxIndex, outboxSchemaFields } from '@govhall/kafka';
import { mongoose } from '@govhall/mongo';

const askerSchema = new mongoose.Schema({ subject: String, name: String }, { _id: false, versionKey: false });
const answerSchema = new mongoose.Schema(
  { text: String, answeredBy: String, answererName: String, answeredAt: Date },
  { _id: false, versionKey: false },
);
const faqSchema = new mongoose.Schema(
  { question: String, answer: String, curatedBy: String, curatedAt: Date },
  { _id: false, versionKey: false },
);

/**
 * Collection `consultations` (咨询, ADR 0068): one document per consultation, with its outbox. Personal data: the
 * asker's name (staff logs) and the texts (never logged; masked for other readers and in events). Query copies:
 * `askerSubject`, `open` (1 while open: the queues list open ones first), `curated`.
 */
export const consultationSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    number: { type: String, required: true },
    tenant: { type: String, required: true },
    kind: { type: String, required: true },
    channel: { type: String, required: true },
    itemId: { type: String, default: '' },
    itemName: { type: String, default: '' },
    itemCode: { type: String, default: '' },
    department: { type: String, default: '' },
    visibility: { type: String, required: true },
    question: { type: String, required: true },
    asker: { type: askerSchema, required: true },
    loggedBy: { type: String, default: '' },
    status: { type: String, required: true },
    answer: { type: answerSchema, default: undefined },
    faq: { type: faqSchema, default: undefined },
    askedAt: { type: Date, required: true },
    requestId: { type: String, required: true },
    version: { type: Number, required: true },
    askerSubject: { type: String, default: '' },
    open: { type: Number, required: true },
    curated: { type: Boolean, required: true },
    ...outboxSchemaFields,
  },
  { collection: 'consultations', versionKey: false, minimize: false },
);

consultationSchema.index({ number: 1 }, { unique: true });
// A retried question (AskConsultation's request id, per tenant).
consultationSchema.index({ tenant: 1, requestId: 1 }, { unique: true });
// The queues and the rooms: open ones first, then newest first.
consultationSchema.index({ tenant: 1, department: 1, open: -1, askedAt: -1 });
consultationSchema.index({ tenant: 1, itemCode: 1, visibility: 1, status: 1, askedAt: -1 });
// The asker's own (ListMyConsultations).
consultationSchema.index({ askerSubject: 1, askedAt: -1 });
declareOutboxIndex(consultationSchema);

export type ConsultationDocument = mongoose.InferSchemaType<typeof consultationSchema>;
