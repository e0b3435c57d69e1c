import { mongoose } from '@govhall/mongo';

/** Collection `inspections`: daily inspections (日检查); `_id` is derived from tenant, inspector and request id. */
export const inspectionSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    tenant: { type: String, required: true },
    windowId: { type: String, required: true },
    date: { type: String, required: true },
    inspector: { type: String, required: true },
    checklist: { type: [{ _id: false, code: String, label: String, passed: Boolean, note: String }], default: [] },
    photoFileIds: { type: [String], default: [] },
    person: { type: String, default: '' },
    violationIds: { type: [String], default: [] },
    recordedAt: { type: Date, required: true },
    requestId: { type: String, required: true },
  },
  { collection: 'inspections', versionKey: false },
);
// ListInspections of a tenant, newest first.
inspectionSchema.index({ tenant: 1, date: -1, _id: 1 });
// ListInspections of one window.
inspectionSchema.index({ tenant: 1, windowId: 1, date: -1, _id: 1 });

/** Collection `inspection_photos`: the photo bytes (at most 5 MiB, under the 16 MiB document limit) and facts. */
export const inspectionPhotoSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    tenant: { type: String, required: true },
    fileName: { type: String, required: true },
    contentType: { type: String, required: true },
    size: { type: Number, required: true },
    sha256: { type: String, required: true },
    uploadedBy: { type: String, required: true },
    uploadedAt: { type: Date, required: true },
    content: { type: Buffer, required: true },
    /** UTC day of the upload: the expiry sweep deletes a day at a time (INSPECTION_PHOTO_RETENTION_DAYS). */
    day: { type: String, required: false },
  },
  { collection: 'inspection_photos', versionKey: false },
);
inspectionPhotoSchema.index({ day: 1 });

/** Collection `inspection_checklists`: a tenant's own checklist (`_id` = tenant); none stored: the defaults. */
export const inspectionChecklistSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    items: { type: [{ _id: false, code: String, label: String }], default: [] },
  },
  { collection: 'inspection_checklists', versionKey: false },
);
