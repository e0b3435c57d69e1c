import { mongoose } from '@govhall/mongo';
import { declareOutboxIndex, outboxSchemaFields } from '@govhall/kafka';

/** Collection `windows`: one document per service window (_id uuid), with its pending outbox messages. */
export const windowSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    tenant: { type: String, required: true },
    number: { type: String, required: true },
    name: { type: String, required: true },
    kind: { type: String, required: true },
    department: { type: String, required: true },
    servesDepartments: { type: [String], default: [] },
    aPostStaffId: { type: String, required: true },
    bPostStaffId: { type: String, required: true },
    location: { type: String, default: '' },
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    ...outboxSchemaFields,
  },
  { collection: 'windows', versionKey: false, minimize: false },
);

// Window numbers are unique per tenant (CreateWindow's WINDOW_NUMBER_TAKEN); also serves ListWindows by number.
windowSchema.index({ tenant: 1, number: 1 }, { unique: true });
// DisableStaff: the windows where a person holds the A or the B post.
windowSchema.index({ aPostStaffId: 1 });
windowSchema.index({ bPostStaffId: 1 });
// Serves the outbox relay's search for documents with unsent events.
declareOutboxIndex(windowSchema);

export type WindowDocument = mongoose.InferSchemaType<typeof windowSchema>;
