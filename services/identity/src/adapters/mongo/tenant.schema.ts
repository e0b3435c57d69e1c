import { mongoose } from '@govhall/mongo';
import { declareOutboxIndex, outboxSchemaFields } from '@govhall/kafka';

const serviceCenterSchema = new mongoose.Schema(
  {
    name: { type: String, required: true },
    address: { type: String, required: true },
    hours: { type: String, required: true },
    phones: { type: [String], default: [] },
  },
  { _id: false },
);

/** Collection `tenants`: one document per tenant (_id = region code), with its pending outbox messages. */
export const tenantSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    level: { type: String, required: true },
    /** '' for a root, so the roots are found by equality like any other parent. */
    parentCode: { type: String, default: '' },
    center: { type: serviceCenterSchema, required: true },
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    ...outboxSchemaFields,
  },
  { collection: 'tenants', versionKey: false, minimize: false },
);

// ListTenants: the children of a parent (or the roots, parentCode ''), ordered by code.
tenantSchema.index({ parentCode: 1, _id: 1 });
// Serves the outbox relay's search for documents with unsent events.
declareOutboxIndex(tenantSchema);

export type TenantDocument = mongoose.InferSchemaType<typeof tenantSchema>;
