import { mongoose } from '@govhall/mongo';
import { declareOutboxIndex, outboxSchemaFields } from '@govhall/kafka';

/** Collection `joint_reviews`: one document per joint-review, with its pending outbox messages. */
export const jointReviewSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    tenant: { type: String, required: true },
    title: { type: String, required: true },
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    createdBy: { type: String, required: true },
    ...outboxSchemaFields,
  },
  { collection: 'joint_reviews', versionKey: false, minimize: false },
);

// Serves the title check of CreateJointReview: a second joint-review with the same title in a tenant fails the insert.
jointReviewSchema.index({ tenant: 1, title: 1 }, { unique: true });
// Serves the outbox relay's search for documents with unsent events.
declareOutboxIndex(jointReviewSchema);

export type JointReviewDocument = mongoose.InferSchemaType<typeof jointReviewSchema>;
