import { mongoose } from '@govhall/mongo';
import { declareOutboxIndex, outboxSchemaFields } from '@govhall/kafka';

const Mixed = mongoose.Schema.Types.Mixed;

/**
 * Collection `joint_meetings`: one document per joint meeting (会议联审, 联席会议) with its agenda, participants,
 * positions and outcomes embedded, and its pending outbox messages. `listKeys` is the top-level query copy the list
 * filters on (FerretDB pushes down only top-level equalities; docs/store-rules.md). Dates are stored as dates.
 */
export const meetingSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    tenant: { type: String, required: true },
    kind: { type: String, required: true },
    state: { type: String, required: true },
    subject: { type: String, required: true },
    scheduledAt: { type: Date, required: true },
    location: { type: String, default: '' },
    convenedBy: { type: String, required: true },
    agenda: Mixed,
    participants: Mixed,
    minutes: { type: String, default: '' },
    minutesAttachments: Mixed,
    positions: Mixed,
    outcomes: Mixed,
    projectId: { type: String, default: '' },
    note: { type: String, default: '' },
    requestId: { type: String, required: true },
    requestFingerprint: { type: String, required: true },
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    // Query copy (meetingListKeys), rewritten with every insert and save.
    /** `<tenant>|<department or ''>|<state or ''>` for '' and each invited department, any state and its own. */
    listKeys: { type: [String], default: [] },
    ...outboxSchemaFields,
  },
  { collection: 'joint_meetings', versionKey: false, minimize: false, strict: false },
);

// Serves ConveneMeeting's idempotency: one meeting per (tenant, request id).
meetingSchema.index({ tenant: 1, requestId: 1 }, { unique: true });
// Serves ListMeetings: a tenant's (or an invited department's) meetings, in any or one state, newest first.
meetingSchema.index({ listKeys: 1, createdAt: -1, _id: 1 });
// Serves the outbox relay's search for documents with unsent events.
declareOutboxIndex(meetingSchema);

export type MeetingDocument = mongoose.InferSchemaType<typeof meetingSchema>;
