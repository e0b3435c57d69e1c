import { declareOutboxIndex, outboxSchemaFields } from '@govhall/kafka';
import { mongoose } from '@govhall/mongo';

/** Real-name verification kept with the record (shared by both applicant collections). */
export const verificationField = {
  type: { _id: false, method: String, verified: Boolean, note: String, verifiedAt: Date },
  required: true,
} as const;

/** Collection `natural_persons`: one document per registered natural person, with its pending outbox messages. */
export const naturalPersonSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    tenant: { type: String, required: true },
    name: { type: String, required: true },
    idNumber: { type: String, required: true },
    phone: { type: String, required: true },
    subject: { type: String, required: false },
    status: { type: String, required: true },
    verification: verificationField,
    disabledReason: { type: String, required: false },
    disabledAt: { type: Date, required: false },
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    ...outboxSchemaFields,
  },
  { collection: 'natural_persons', versionKey: false, minimize: false },
);

// One person per ID number: makes a repeated registration a retry; serves findByIdNumber (AuthorizeAgent).
naturalPersonSchema.index({ idNumber: 1 }, { unique: true });
// GetMyProfile and RegisterLegalPerson: the record of the caller's Keycloak subject.
naturalPersonSchema.index({ subject: 1 });
// ListApplicants: a tenant's active persons, newest first (id breaks ties), and their count.
naturalPersonSchema.index({ tenant: 1, status: 1, createdAt: -1, _id: -1 });
// The reconciler's scan for registrations left provisioning.
naturalPersonSchema.index({ status: 1, updatedAt: 1 });
declareOutboxIndex(naturalPersonSchema);

export type NaturalPersonDocument = mongoose.InferSchemaType<typeof naturalPersonSchema>;
