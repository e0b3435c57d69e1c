import { declareOutboxIndex, outboxSchemaFields } from '@govhall/kafka';
import { mongoose } from '@govhall/mongo';
import { givenRatingFields, ratedServiceFields } from './rated-fields';

const staffSchema = new mongoose.Schema(
  { username: String, department: String, part: String },
  { _id: false, versionKey: false },
);

/** Collection `ratings`: one document per rating, with its pending outbox messages. */
export const ratingSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    /** `case:<case id>` or `visit:<visit id>`: what is rated, once. */
    ratedKey: { type: String, required: true },
    ...ratedServiceFields,
    staff: { type: [staffSchema], default: [] },
    ...givenRatingFields,
    recordedBy: { type: String, default: '' },
    /** China date of ratedAt: the lists' and statistics' periods. */
    ratedDay: { type: String, required: true },
    rectificationId: { type: String, default: '' },
    /** A bad rating whose rectification is not opened yet (the sweep's work). */
    rectificationPending: { type: Boolean, default: undefined },
    /** The supervision office upheld the department's appeal: left out of the satisfaction figures. */
    appealUpheld: { type: Boolean, default: undefined },
    /** A suggestion-box slip's scan (its bytes in `file_chunks`, owner `rating-scan`). */
    scan: { type: new mongoose.Schema({ contentType: String, size: Number }, { _id: false }), default: undefined },
    ...outboxSchemaFields,
  },
  { collection: 'ratings', versionKey: false, minimize: false },
);

// One rating per case and per visit (一事一评, 一次一评): a second insert fails.
ratingSchema.index({ ratedKey: 1 }, { unique: true });
// Lists and statistics of a tenant's period.
ratingSchema.index({ tenant: 1, ratedDay: 1 });
// The sweep's search for bad ratings still waiting for their rectification (rectificationPending: true).
ratingSchema.index({ rectificationPending: 1, ratedAt: 1 });
// Serves the outbox relay's search for documents with unsent events.
declareOutboxIndex(ratingSchema);

export type RatingDocument = mongoose.InferSchemaType<typeof ratingSchema>;
