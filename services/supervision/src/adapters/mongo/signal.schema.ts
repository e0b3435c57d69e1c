import { declareOutboxIndex, outboxSchemaFields } from '@govhall/kafka';
import { mongoose } from '@govhall/mongo';

/**
 * Collection `signals`: every signal raised, active or cleared (history is kept), `_id` = signal id; each raise
 * and clear writes its SignalRaised / SignalCleared into the document's outbox in the same write.
 */
export const signalSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    matterId: { type: String, required: true },
    tenant: { type: String, required: true },
    level: { type: String, required: true },
    levelRank: { type: Number, required: true },
    rule: { type: String, required: true },
    stepIndex: { type: Number, required: true },
    reason: { type: String, required: true },
    raisedAt: { type: Date, required: true },
    clearedAt: { type: Date, required: false },
    clearedReason: { type: String, default: '' },
    active: { type: Boolean, required: true },
    caseNumber: { type: String, default: '' },
    itemName: { type: String, default: '' },
    department: { type: String, default: '' },
    windowId: { type: String, default: '' },
    responsible: { type: String, default: '' },
    notified: { type: [String], default: [] },
    ...outboxSchemaFields,
  },
  { collection: 'signals', versionKey: false },
);

// A matter's active signals; how many times a rule (and step) was raised on it (the next id).
signalSchema.index({ matterId: 1, active: 1 });
signalSchema.index({ matterId: 1, rule: 1, stepIndex: 1 });
// ListSignals of a tenant, newest first.
signalSchema.index({ tenant: 1, raisedAt: -1 });
// The monthly bulletin's red and yellow cards of a tenant (ADR 0040).
signalSchema.index({ tenant: 1, level: 1, raisedAt: 1, _id: 1 });
declareOutboxIndex(signalSchema);

export type SignalDocument = mongoose.InferSchemaType<typeof signalSchema>;
