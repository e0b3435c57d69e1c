import { mongoose } from '@govhall/mongo';
import { declareOutboxIndex, outboxSchemaFields } from '@govhall/kafka';

const overrideSchema = new mongoose.Schema(
  {
    /** YYYY-MM-DD */
    date: { type: String, required: true },
    kind: { type: String, enum: ['holiday', 'workday'], required: true },
    reason: { type: String, required: true },
  },
  { _id: false },
);

/**
 * Collection `calendar_overrides`: one document per tenant (_id = region code) with its local changes to the
 * national working-day calendar, ordered by date, and its pending outbox messages. Tenants without overrides
 * have no document. Read whole by _id; no other query.
 */
export const calendarSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    overrides: { type: [overrideSchema], default: [] },
    version: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
    ...outboxSchemaFields,
  },
  { collection: 'calendar_overrides', versionKey: false, minimize: false },
);

// Serves the outbox relay's search for documents with unsent events.
declareOutboxIndex(calendarSchema);

export type CalendarDocument = mongoose.InferSchemaType<typeof calendarSchema>;
