import { declareOutboxIndex, outboxSchemaFields } from '@govhall/kafka';
import { mongoose } from '@govhall/mongo';

/**
 * Collection `accountabilities`: 责任追究 records, `_id` derived from tenant, proposer and request id; `scope` as
 * for violations; `violationsPending` while its violations still wait for their new state; AccountabilityDecided
 * in its outbox.
 */
export const accountabilitySchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    tenant: { type: String, required: true },
    scope: { type: [String], required: true },
    violationIds: { type: [String], default: [] },
    targetKind: { type: String, required: true },
    targetId: { type: String, required: true },
    state: { type: String, required: true },
    proposedSanctions: { type: [String], default: [] },
    proposal: { type: String, required: true },
    proposedBy: { type: String, required: true },
    proposedAt: { type: Date, required: true },
    sanctions: { type: [String], default: [] },
    decision: { type: String, default: '' },
    decidedBy: { type: String, default: '' },
    decidedAt: { type: Date, required: false },
    year: { type: Number, required: true },
    version: { type: Number, required: true },
    violationsPending: { type: Boolean, required: false },
    ...outboxSchemaFields,
  },
  { collection: 'accountabilities', versionKey: false },
);
// ListAccountabilities of one tenant, or of a tenant and the tenants below it, newest proposal first.
accountabilitySchema.index({ tenant: 1, proposedAt: -1, _id: 1 });
accountabilitySchema.index({ scope: 1, proposedAt: -1, _id: 1 });
// Competing proposals: the pending proposals naming a violation.
accountabilitySchema.index({ violationIds: 1, state: 1 });
// The start-up sync of records a crash left pending (only pending records carry the field).
accountabilitySchema.index({ violationsPending: 1 });
declareOutboxIndex(accountabilitySchema);
