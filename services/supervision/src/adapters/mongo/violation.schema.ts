import { declareOutboxIndex, outboxSchemaFields } from '@govhall/kafka';
import { mongoose } from '@govhall/mongo';

/**
 * Collection `violations`: one document per violation, `_id` = its id (derived from the case, kind and step for
 * an automatic one, so a replay cannot insert twice), with `scope` = the tenants that supervise it (its own, its
 * city, its province) and the pending ViolationRecorded in its outbox.
 */
export const violationSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    tenant: { type: String, required: true },
    scope: { type: [String], required: true },
    kind: { type: String, required: true },
    state: { type: String, required: true },
    matterId: { type: String, default: '' },
    caseNumber: { type: String, default: '' },
    itemName: { type: String, default: '' },
    department: { type: String, default: '' },
    windowId: { type: String, default: '' },
    person: { type: String, default: '' },
    occurredDate: { type: String, required: true },
    recordedAt: { type: Date, required: true },
    summary: { type: String, required: true },
    evidence: { type: [{ _id: false, label: String, value: String, eventId: String, fileId: String }], default: [] },
    recordedBy: { type: String, required: true },
    inspectionId: { type: String, default: '' },
    accountabilityId: { type: String, default: '' },
    dismissedReason: { type: String, default: '' },
    version: { type: Number, required: true },
    ...outboxSchemaFields,
  },
  { collection: 'violations', versionKey: false },
);

// ListViolations of one tenant, newest first (the other filters narrow the index range's documents).
violationSchema.index({ tenant: 1, occurredDate: -1, _id: 1 });
// ListViolations of a tenant and the tenants below it.
violationSchema.index({ scope: 1, occurredDate: -1, _id: 1 });
declareOutboxIndex(violationSchema);

export type ViolationDocument = mongoose.InferSchemaType<typeof violationSchema>;
