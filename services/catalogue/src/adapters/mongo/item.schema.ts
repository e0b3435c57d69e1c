import { mongoose } from '@govhall/mongo';
import { declareOutboxIndex, outboxSchemaFields } from '@govhall/kafka';

/** Collection `items`: one document per item (versions arrive with the catalogue issue), with its pending outbox messages. */
export const itemSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    tenant: { type: String, required: true },
    name: { type: String, required: true },
    basicCode: { type: String, required: true },
    kind: { type: String, required: true },
    handlingCategory: { type: String, required: true },
    department: { type: String, required: true },
    status: { type: String, required: true },
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    createdBy: { type: String, required: true },
    idempotencyKey: { type: String, required: true },
    ...outboxSchemaFields,
  },
  { collection: 'items', versionKey: false, minimize: false },
);

// Serves findByIdempotencyKey and makes a retried create return the first item instead of a duplicate.
itemSchema.index({ tenant: 1, idempotencyKey: 1 }, { unique: true });
// Serves the outbox relay's search for items with unsent events.
declareOutboxIndex(itemSchema);

export type ItemDocument = mongoose.InferSchemaType<typeof itemSchema>;
