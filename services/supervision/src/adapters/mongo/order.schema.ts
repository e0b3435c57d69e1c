import { declareOutboxIndex, outboxSchemaFields } from '@govhall/kafka';
import { mongoose } from '@govhall/mongo';

/**
 * Collection `supervision_orders`: 督办 orders (ADR 0044), `_id` derived from tenant, issuer and request id; `scope`
 * (the tenant, its city, its province) for a city's lists; `matterPending` while its supervised matter (clock and
 * signals in `matters`) still waits for its latest version; OrderIssued/Replied/Returned/Closed in its outbox.
 */
export const orderSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    tenant: { type: String, required: true },
    scope: { type: [String], required: true },
    targetKind: { type: String, required: true },
    targetId: { type: String, required: true },
    subject: { type: String, required: true },
    requirement: { type: String, required: true },
    deadlineWorkingDays: { type: Number, required: true },
    responsibleDepartment: { type: String, required: true },
    responsiblePerson: { type: String, default: '' },
    state: { type: String, required: true },
    issuedBy: { type: String, required: true },
    issuedAt: { type: Date, required: true },
    issuedDate: { type: String, required: true },
    replies: { type: mongoose.Schema.Types.Mixed, default: [] },
    returns: { type: mongoose.Schema.Types.Mixed, default: [] },
    closedBy: { type: String, default: '' },
    closedAt: { type: Date, required: false },
    closingNote: { type: String, default: '' },
    version: { type: Number, required: true },
    matterPending: { type: Boolean, required: false },
    ...outboxSchemaFields,
  },
  { collection: 'supervision_orders', versionKey: false, minimize: false },
);
// ListOrders of one tenant, or of a tenant and the tenants below it, newest first (state and department applied
// while reading the range).
orderSchema.index({ tenant: 1, issuedAt: -1, _id: 1 });
orderSchema.index({ scope: 1, issuedAt: -1, _id: 1 });
// The start-up sync of orders a crash left pending (only pending orders carry the field).
orderSchema.index({ matterPending: 1 });
declareOutboxIndex(orderSchema);
