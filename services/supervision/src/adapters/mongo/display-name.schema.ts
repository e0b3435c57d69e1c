import { mongoose } from '@govhall/mongo';

/**
 * Collection `display_names`: the department and window names identity published, `_id` = `<kind>:<code>`; the
 * reports read a tenant's at once.
 */
export const displayNameSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    tenant: { type: String, required: true },
    kind: { type: String, required: true },
    code: { type: String, required: true },
    name: { type: String, default: '' },
    version: { type: Number, required: true },
  },
  { collection: 'display_names', versionKey: false },
);

// A tenant's names (the reports).
displayNameSchema.index({ tenant: 1 });
