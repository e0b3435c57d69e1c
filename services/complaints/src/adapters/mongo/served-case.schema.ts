import { mongoose } from '@govhall/mongo';

const staffSchema = new mongoose.Schema(
  { username: String, department: String, part: String },
  { _id: false, versionKey: false },
);

/** Collection `served_cases`: each case as the ratings know it from the case stream (no outbox: no events). */
export const servedCaseSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    tenant: { type: String, required: true },
    caseNumber: { type: String, default: '' },
    itemName: { type: String, default: '' },
    department: { type: String, default: '' },
    windowId: { type: String, default: '' },
    staff: { type: [staffSchema], default: [] },
    applicantName: { type: String, default: '' },
    completedAt: { type: Date },
    defaultOn: { type: String },
    /** China date of completedAt ('' before): the coverage's period. */
    completedDay: { type: String, default: '' },
    ratingId: { type: String, default: '' },
    /** How its rating came in ('' unrated): coverage counts the cases a person rated. */
    ratedChannel: { type: String, default: '' },
    appliedEventIds: { type: [String], default: [] },
  },
  { collection: 'served_cases', versionKey: false, minimize: false },
);

// The default sweep: completed, unrated cases by their default day.
servedCaseSchema.index({ ratingId: 1, defaultOn: 1 });
// RecordRating by case number (办件编号, unique: it starts with the tenant's region code).
servedCaseSchema.index({ caseNumber: 1 });
// Coverage (GetSatisfaction): a tenant's cases completed in a period.
servedCaseSchema.index({ tenant: 1, completedDay: 1 });

export type ServedCaseDocument = mongoose.InferSchemaType<typeof servedCaseSchema>;
