import { mongoose } from '@govhall/mongo';
import { declareOutboxIndex, outboxSchemaFields } from '@govhall/kafka';

const reviewSchema = new mongoose.Schema(
  {
    approved: { type: Boolean, required: true },
    comments: { type: String, default: '' },
    reviewer: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { _id: false },
);

/**
 * Collection `items`: one document per edition of an item (editions of one item share `seriesId`), with its
 * pending outbox messages. `content` (the 实施清单 elements) is one sub-document, replaced as a whole.
 */
export const itemSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    seriesId: { type: String, required: true },
    edition: { type: Number, required: true },
    previousId: { type: String, default: '' },
    tenant: { type: String, required: true },
    name: { type: String, required: true },
    basicCode: { type: String, required: true },
    kind: { type: String, required: true },
    handlingCategory: { type: String, required: true },
    department: { type: String, required: true },
    status: { type: String, required: true },
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    createdBy: { type: String, required: true },
    editedBy: { type: [String], default: [] },
    content: { type: mongoose.Schema.Types.Mixed, required: true },
    reviews: { type: [reviewSchema], default: [] },
    submittedAt: { type: Date, required: false },
    submittedBy: { type: String, required: false },
    publishedAt: { type: Date, required: false },
    retiredReason: { type: String, required: false },
    idempotencyKey: { type: String, required: true },
    ...outboxSchemaFields,
  },
  { collection: 'items', versionKey: false, minimize: false },
);

// findByIdempotencyKey: a retried create or new edition returns the first item instead of a duplicate.
itemSchema.index({ tenant: 1, idempotencyKey: 1 }, { unique: true });
// ListItems of one status: a tenant's items by basic code, edition and id, sorted by the index; a keyword's name
// condition is checked on the index's last key, its basic code prefix on the sort key.
itemSchema.index({ tenant: 1, status: 1, basicCode: 1, edition: 1, _id: 1, name: 1 });
// ListItems of any status: the same without the status.
itemSchema.index({ tenant: 1, basicCode: 1, edition: 1, _id: 1, name: 1 });
// ListItems' count of a keyword's name branch (with and without the status).
itemSchema.index({ tenant: 1, name: 1 });
itemSchema.index({ tenant: 1, status: 1, name: 1 });
// One item per basic code per tenant: every series has an edition 1, so a second series with the same basic code
// (a second CreateDraftItem, or a draft renamed to a taken code) is refused by the database, even when two requests
// race; editions of one series differ in `edition` (and keep the basic code, see updateDraft). Also serves
// findSeriesWithBasicCode.
itemSchema.index({ tenant: 1, basicCode: 1, edition: 1 }, { unique: true });
// One document per edition, so two racing NewEdition calls cannot both create edition n+1.
itemSchema.index({ seriesId: 1, edition: 1 }, { unique: true });
// findInSeries (open edition, previously published edition): a series' editions of some statuses, by edition.
itemSchema.index({ seriesId: 1, status: 1, edition: 1 });
// isFileReferenced (GetItemFile for the public): a tenant's public items whose material has this blank form, or
// this sample (one index per branch of the query's $or).
itemSchema.index({ tenant: 1, 'content.materials.blankFormFileId': 1, status: 1 });
itemSchema.index({ tenant: 1, 'content.materials.sampleFileId': 1, status: 1 });
// publishedVersions (the search index refresher's poll): published ids and versions, read from the index alone.
itemSchema.index({ status: 1, _id: 1, version: 1 });
// Serves the outbox relay's search for items with unsent events.
declareOutboxIndex(itemSchema);

export type ItemDocument = mongoose.InferSchemaType<typeof itemSchema>;
