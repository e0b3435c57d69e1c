import { mongoose } from '@govhall/mongo';

/** Collection `rating_invitations`: the rating devices' invitations (一次一评, ADR 0063), one document each. */
export const invitationSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    tenant: { type: String, required: true },
    windowId: { type: String, required: true },
    windowNumber: { type: String, required: true },
    windowName: { type: String, default: '' },
    department: { type: String, default: '' },
    caseId: { type: String, default: '' },
    caseNumber: { type: String, default: '' },
    itemName: { type: String, default: '' },
    applicantName: { type: String, default: '' },
    clerk: { type: String, default: '' },
    clerkName: { type: String, default: '' },
    invitedAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    closedAt: { type: Date },
    ratingId: { type: String, default: '' },
    /** `<tenant>/<window number>`: the window a device watches, one top-level equality. */
    windowKey: { type: String, required: true },
  },
  { collection: 'rating_invitations', versionKey: false, minimize: false },
);

// A window's newest invitations: the device's watch (findOpen) and closing the window's open one.
invitationSchema.index({ windowKey: 1, invitedAt: -1 });

export type InvitationDocument = mongoose.InferSchemaType<typeof invitationSchema>;
