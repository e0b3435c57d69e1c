import { mongoose } from '@govhall/mongo';

/** Collection `recorded_events`: the journal; _id is the event id, so a replay cannot insert twice. */
export const recordedEventSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    type: { type: String, required: true },
    tenant: { type: String, required: true },
    aggregateId: { type: String, required: true },
    aggregateVersion: { type: Number, required: true },
    occurredAt: { type: Date, required: true },
    recordedAt: { type: Date, required: true },
    topic: { type: String, required: true },
    traceparent: { type: String, default: '' },
  },
  { collection: 'recorded_events', versionKey: false },
);

// Serves listByAggregate (an aggregate's events in version order, then by occurrence), sorted by the index.
recordedEventSchema.index({ aggregateId: 1, aggregateVersion: 1, occurredAt: 1 });

export type RecordedEventDocument = mongoose.InferSchemaType<typeof recordedEventSchema>;
