import { mongoose } from '@govhall/mongo';

/**
 * Collection `item_files`: blank forms and samples of materials (≤ 4 MiB, inside the 16 MiB document limit),
 * content stored as BSON binary beside its metadata. Served only through GetItemFile, never from a web root.
 */
export const itemFileSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    tenant: { type: String, required: true },
    fileName: { type: String, required: true },
    contentType: { type: String, required: true },
    size: { type: Number, required: true },
    sha256: { type: String, required: true },
    content: { type: Buffer, required: true },
    createdAt: { type: Date, required: true },
    createdBy: { type: String, required: true },
  },
  { collection: 'item_files', versionKey: false },
);

// Serves the upload's retry check: the same content under the same name and type in a tenant is stored once,
// and a retried upload finds the first file.
itemFileSchema.index({ tenant: 1, sha256: 1, fileName: 1, contentType: 1 }, { unique: true });

export type ItemFileDocument = mongoose.InferSchemaType<typeof itemFileSchema>;
