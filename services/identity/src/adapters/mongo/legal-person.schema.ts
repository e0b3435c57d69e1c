import { declareOutboxIndex, outboxSchemaFields } from '@govhall/kafka';
import { mongoose } from '@govhall/mongo';
import { verificationField } from './natural-person.schema';

const agentGrantFields = {
  _id: false,
  id: { type: String, required: true },
  agentPersonId: { type: String, required: true },
  agentName: { type: String, required: true },
  agentSubject: { type: String, required: true },
  scope: {
    type: { _id: false, allDepartments: Boolean, departments: [String], itemCodes: [String] },
    required: true,
  },
  validUntil: { type: String, required: false },
  status: { type: String, required: true },
  grantedAt: { type: Date, required: true },
  grantedBy: { type: String, required: true },
  revokedAt: { type: Date, required: false },
  revokedBy: { type: String, required: false },
  revokeReason: { type: String, required: false },
};

/** Collection `legal_persons`: one document per legal person with its agent grants and pending outbox messages. */
export const legalPersonSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    tenant: { type: String, required: true },
    name: { type: String, required: true },
    creditCode: { type: String, required: true },
    legalRepresentativeName: { type: String, required: true },
    legalRepresentativeIdNumber: { type: String, required: true },
    holderPersonId: { type: String, required: true },
    holderSubject: { type: String, required: true },
    agents: { type: [agentGrantFields], default: [] },
    /** Store-only copy of `agents[].agentSubject`, top-level so an index serves the agent's lookup everywhere. */
    agentSubjects: { type: [String], default: [] },
    verification: verificationField,
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    ...outboxSchemaFields,
  },
  { collection: 'legal_persons', versionKey: false, minimize: false },
);

// One legal person per credit code: a second registration is refused (LEGAL_PERSON_EXISTS).
legalPersonSchema.index({ creditCode: 1 }, { unique: true });
// GetMyProfile: legal persons the caller holds, oldest first.
legalPersonSchema.index({ holderSubject: 1, createdAt: 1 });
// GetMyProfile: legal persons the caller is an agent of, oldest first.
legalPersonSchema.index({ agentSubjects: 1, createdAt: 1 });
// ListApplicants: a tenant's legal persons, newest first (id breaks ties).
legalPersonSchema.index({ tenant: 1, createdAt: -1, _id: -1 });
declareOutboxIndex(legalPersonSchema);

export type LegalPersonDocument = mongoose.InferSchemaType<typeof legalPersonSchema>;
