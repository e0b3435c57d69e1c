import { mongoose } from '@govhall/mongo';
import { declareOutboxIndex, outboxSchemaFields } from '@govhall/kafka';

/** Collection `service_accounts`: third-party systems' Keycloak clients (never their secrets). */
export const serviceAccountSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    tenant: { type: String, required: true },
    department: { type: String, required: true },
    clientId: { type: String, required: true },
    description: { type: String, required: true },
    status: { type: String, required: true },
    directoryId: { type: String, required: false },
    disabledReason: { type: String, required: false },
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    ...outboxSchemaFields,
  },
  { collection: 'service_accounts', versionKey: false, minimize: false },
);

// Client ids are Keycloak client ids: unique across the deployment.
serviceAccountSchema.index({ clientId: 1 }, { unique: true });
serviceAccountSchema.index({ tenant: 1, clientId: 1 });
serviceAccountSchema.index({ status: 1, updatedAt: 1 });
declareOutboxIndex(serviceAccountSchema);

export type ServiceAccountDocument = mongoose.InferSchemaType<typeof serviceAccountSchema>;
