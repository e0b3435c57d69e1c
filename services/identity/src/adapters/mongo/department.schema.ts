import { mongoose } from '@govhall/mongo';
import { declareOutboxIndex, outboxSchemaFields } from '@govhall/kafka';

/** Collection `departments`: one document per seated department (_id = "<tenant>-<abbreviation>"). */
export const departmentSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    tenant: { type: String, required: true },
    name: { type: String, required: true },
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    ...outboxSchemaFields,
  },
  { collection: 'departments', versionKey: false, minimize: false },
);

// ListDepartments: a tenant's departments ordered by code.
departmentSchema.index({ tenant: 1, _id: 1 });
// Serves the outbox relay's search for documents with unsent events.
declareOutboxIndex(departmentSchema);

export type DepartmentDocument = mongoose.InferSchemaType<typeof departmentSchema>;
