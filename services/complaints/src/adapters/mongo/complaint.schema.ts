import { mongoose } from '@govhall/mongo';
import { declareOutboxIndex, outboxSchemaFields } from '@govhall/kafka';

/** Collection `complaints`: one document per complaint, with its pending outbox messages. */
export const complaintSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    tenant: { type: String, required: true },
    title: { type: String, required: true },
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    createdBy: { type: String, required: true },
    ...outboxSchemaFields,
  },
  { collection: 'complaints', versionKey: false, minimize: false },
);

// Serves the title check of CreateComplaint: a second complaint with the same title in a tenant fails the insert.
complaintSchema.index({ tenant: 1, title: 1 }, { unique: true });
// Serves the outbox relay's search for documents with unsent events.
declareOutboxIndex(complaintSchema);

export type ComplaintDocument = mongoose.InferSchemaType<typeof complaintSchema>;
