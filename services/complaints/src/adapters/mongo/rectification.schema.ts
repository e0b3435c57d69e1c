import { declareOutboxIndex, outboxSchemaFields } from '@govhall/kafka';
import { mongoose } from '@govhall/mongo';
import { givenRatingFields, ratedServiceFields } from './rated-fields';

const callBackSchema = new mongoose.Schema(
  { at: Date, by: String, reached: Boolean, notes: String },
  { _id: false, versionKey: false },
);

const appealDecisionSchema = new mongoose.Schema(
  { upheld: Boolean, notes: String, decidedBy: String, decidedAt: Date },
  { _id: false, versionKey: false },
);

/** Collection `rectifications`: one document per bad rating's rectification (its id is the rating's), with its outbox. */
export const rectificationSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    ratingId: { type: String, required: true },
    ...ratedServiceFields,
    ...givenRatingFields,
    status: { type: String, required: true },
    /** Query copy: 'closed' last, so open and appealed ones sort first (0 not closed, 1 closed). */
    closedRank: { type: Number, required: true },
    handler: { type: String, default: '' },
    handlerName: { type: String, default: '' },
    deadline: { type: String, required: true },
    callBacks: { type: [callBackSchema], default: [] },
    outcome: { type: String, default: undefined },
    outcomeText: { type: String, default: '' },
    fixBy: { type: String, default: '' },
    concludedAt: { type: Date, default: undefined },
    appealDecision: { type: appealDecisionSchema, default: undefined },
    raterToldAt: { type: Date, default: undefined },
    overdue: { type: Boolean, default: false },
    /** An upheld appeal whose rating is out of the satisfaction figures (the sweep finishes one that is not). */
    ratingExcluded: { type: Boolean, default: undefined },
    /** Query copy: an upheld appeal not yet excluded ('upheld') — the sweep's equality. */
    exclusionDue: { type: Boolean, default: undefined },
    version: { type: Number, required: true },
    openedAt: { type: Date, required: true },
    closedAt: { type: Date, default: undefined },
    ...outboxSchemaFields,
  },
  { collection: 'rectifications', versionKey: false, minimize: false },
);

// Lists of a tenant: not closed first by deadline, then closed ones newest first (ListRectifications).
rectificationSchema.index({ tenant: 1, closedRank: 1, deadline: 1 });
// The sweep: not closed and past the deadline, not reported (closedRank 0, overdue false).
rectificationSchema.index({ closedRank: 1, overdue: 1, deadline: 1 });
// The sweep: upheld appeals whose rating still counts.
rectificationSchema.index({ exclusionDue: 1 });
// Serves the outbox relay's search for documents with unsent events.
declareOutboxIndex(rectificationSchema);

export type RectificationDocument = mongoose.InferSchemaType<typeof rectificationSchema>;
