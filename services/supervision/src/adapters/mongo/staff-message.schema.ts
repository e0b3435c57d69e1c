import { mongoose } from '@govhall/mongo';

/**
 * Collection `staff_messages`: site messages (站内消息) to staff about raised signals (ADR 0045), `_id` =
 * `<signal id>:<username>`, read/unread per message.
 */
export const staffMessageSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    tenant: { type: String, required: true },
    username: { type: String, required: true },
    relation: { type: String, required: true },
    signalId: { type: String, required: true },
    matterId: { type: String, required: true },
    level: { type: String, required: true },
    title: { type: String, required: true },
    text: { type: String, required: true },
    createdAt: { type: Date, required: true },
    readAt: { type: Date, required: false },
    /** True until read: the unread list is an indexed equality. */
    unread: { type: Boolean, required: true },
  },
  { collection: 'staff_messages', versionKey: false },
);
// A member of staff's messages, newest first; and the unread ones.
staffMessageSchema.index({ username: 1, createdAt: -1, _id: 1 });
staffMessageSchema.index({ username: 1, unread: 1, createdAt: -1, _id: 1 });
