import { mongoose } from '@govhall/mongo';
import { declareOutboxIndex, outboxSchemaFields } from '@govhall/kafka';

const Mixed = mongoose.Schema.Types.Mixed;

/**
 * Collection `joint_reviews`: one document per joint review (联办件) with its tasks and legs embedded and its
 * pending outbox messages. Tasks, legs and the conclusion are sub-documents replaced with the review; the top-level
 * query copies (joint-review.repository.ts reviewQueryFields) are what the lists filter on, because FerretDB pushes
 * down only top-level equalities (docs/store-rules.md). Dates are stored as dates.
 */
export const jointReviewSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    tenant: { type: String, required: true },
    caseId: { type: String, required: true },
    caseNumber: { type: String, default: '' },
    itemId: { type: String, required: true },
    itemSeriesId: { type: String, default: '' },
    itemName: { type: String, default: '' },
    itemBasicCode: { type: String, default: '' },
    leadDepartment: { type: String, required: true },
    leadWindowId: { type: String, default: '' },
    leadRule: { type: String, required: true },
    state: { type: String, required: true },
    tasks: Mixed,
    currentStage: { type: Number, required: true },
    casePromisedDueDate: { type: String, default: '' },
    caseStatutoryDueDate: { type: String, default: '' },
    conclusion: Mixed,
    meetingIds: { type: [String], default: [] },
    projectId: { type: String, default: '' },
    cancelledReason: { type: String, default: '' },
    openedBy: { type: String, required: true },
    openedAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    version: { type: Number, required: true },
    legs: Mixed,
    // Query copies (reviewQueryFields), rewritten with every insert and save.
    /** The ids of the review's tasks. */
    taskIds: { type: [String], default: [] },
    /** `<tenant>|<department>|<state>`, `<tenant>||<state>` and `<tenant>|@<assignee>|<state>` of each task. */
    taskKeys: { type: [String], default: [] },
    /** `<tenant>||<state>` and `<tenant>|<department>|<state>` of the lead and of each task's department. */
    reviewKeys: { type: [String], default: [] },
    /** Concluded and not yet accepted by the cases service. */
    reportPending: { type: Boolean, default: false },
    /** conclusion.concludedAt, once concluded. */
    concludedAt: Date,
    ...outboxSchemaFields,
  },
  { collection: 'joint_reviews', versionKey: false, minimize: false, strict: false },
);

// Serves OpenJointReview (one review per case: a second insert for the case fails, the stored review is answered)
// and findByCase.
jointReviewSchema.index({ tenant: 1, caseId: 1 }, { unique: true });
// Serves findByTask (ClaimTask, SubmitOpinion, AssignTask …: the review holding a task).
jointReviewSchema.index({ taskIds: 1 });
// Serves ListJointReviews by case number.
jointReviewSchema.index({ tenant: 1, caseNumber: 1 });
// Serves ListTasks / ListMyTasks: the reviews holding a task of one department (or of one assignee, or of the
// tenant) in one state — an open queue is bounded; the tasks are picked, sorted and paged in the service.
jointReviewSchema.index({ taskKeys: 1 });
// Serves ListJointReviews: one state's reviews of a tenant, or of one department leading or taking part, newest
// first (id breaks ties).
jointReviewSchema.index({ reviewKeys: 1, openedAt: -1, _id: 1 });
// Serves the conclusion reporter (listUnreported): concluded reviews the cases service has not accepted yet,
// oldest conclusion first.
jointReviewSchema.index({ reportPending: 1, concludedAt: 1, _id: 1 });
// Serves the outbox relay's search for documents with unsent events.
declareOutboxIndex(jointReviewSchema);

export type JointReviewDocument = mongoose.InferSchemaType<typeof jointReviewSchema>;
