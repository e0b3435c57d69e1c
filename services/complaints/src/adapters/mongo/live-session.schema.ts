import { mongoose } from '@govhall/mongo';

const messageSchema = new mongoose.Schema(
  { seq: Number, from: String, authorName: String, text: String, at: Date },
  { _id: false, versionKey: false },
);
const staffSchema = new mongoose.Schema({ username: String, name: String }, { _id: false, versionKey: false });

/**
 * Collection `live_sessions` (在线咨询, ADR 0069): one document per session, its messages inside (at most 200 of
 * at most 500 characters). Personal data: the texts (never logged). Query copies: `askerSubject`, `open` (1 while
 * waiting or active: the console's queue).
 */
export const liveSessionSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    number: { type: String, required: true },
    tenant: { type: String, required: true },
    itemId: { type: String, required: true },
    itemCode: { type: String, default: '' },
    itemName: { type: String, default: '' },
    department: { type: String, default: '' },
    asker: { type: new mongoose.Schema({ subject: String }, { _id: false }), required: true },
    bookedFor: { type: Date, default: undefined },
    status: { type: String, required: true },
    staff: { type: staffSchema, default: undefined },
    messages: { type: [messageSchema], default: [] },
    openedAt: { type: Date, required: true },
    acceptedAt: { type: Date, default: undefined },
    closedAt: { type: Date, default: undefined },
    closedBy: { type: String, default: '' },
    requestId: { type: String, required: true },
    version: { type: Number, required: true },
    askerSubject: { type: String, required: true },
    open: { type: Number, required: true },
  },
  { collection: 'live_sessions', versionKey: false, minimize: false },
);

liveSessionSchema.index({ number: 1 }, { unique: true });
// A retried opening (OpenLiveSession's request id, per tenant).
liveSessionSchema.index({ tenant: 1, requestId: 1 }, { unique: true });
// The console's queue: a tenant's (a department's) open ones.
liveSessionSchema.index({ tenant: 1, open: 1, department: 1 });
// The asker's own (ListMyLiveSessions).
liveSessionSchema.index({ askerSubject: 1, openedAt: -1 });

export type LiveSessionDocument = mongoose.InferSchemaType<typeof liveSessionSchema>;
