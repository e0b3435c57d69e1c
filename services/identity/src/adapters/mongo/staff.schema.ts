import { mongoose } from '@govhall/mongo';
import { declareOutboxIndex, outboxSchemaFields } from '@govhall/kafka';

/** Collection `staff`: one document per member of staff, with its pending outbox messages. */
export const staffSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    tenant: { type: String, required: true },
    department: { type: String, required: false },
    username: { type: String, required: true },
    displayName: { type: String, required: true },
    phone: { type: String, required: true },
    roles: { type: [String], default: [] },
    status: { type: String, required: true },
    leaves: { type: [{ _id: false, fromDate: String, toDate: String, reason: String }], default: [] },
    subject: { type: String, required: false },
    disabledReason: { type: String, required: false },
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    ...outboxSchemaFields,
  },
  { collection: 'staff', versionKey: false, minimize: false },
);

// Usernames are Keycloak usernames: unique across the deployment (makes a repeated create a retry).
staffSchema.index({ username: 1 }, { unique: true });
// GetMyProfile: the record of the caller's Keycloak subject.
staffSchema.index({ subject: 1 });
// ListStaff of one department: a tenant's staff in it, by username.
staffSchema.index({ tenant: 1, department: 1, username: 1 });
// ListStaff of every department: a tenant's staff by username.
staffSchema.index({ tenant: 1, username: 1 });
// findActiveWithRole (the window rules' department heads and center administrators), with or without department.
staffSchema.index({ tenant: 1, roles: 1, status: 1, department: 1 });
// The reconciler's scan for records left provisioning.
staffSchema.index({ status: 1, updatedAt: 1 });
declareOutboxIndex(staffSchema);

export type StaffDocument = mongoose.InferSchemaType<typeof staffSchema>;
