import { mongoose } from '@govhall/mongo';

/** Collection `signal_thresholds`: `_id` = tenant, its current signal rules and their version. */
export const thresholdsSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    version: { type: Number, required: true },
    warningRemainingWorkingDays: { type: Number, required: true },
    warningRemainingPercent: { type: Number, required: true },
    yellowOnPromisedExceeded: { type: Boolean, required: true },
    yellowOnStepExceeded: { type: Boolean, required: true },
    redOnStatutoryExceeded: { type: Boolean, required: true },
    updatedBy: { type: String, default: '' },
    updatedAt: { type: Date, required: false },
  },
  { collection: 'signal_thresholds', versionKey: false },
);

/** Collection `calendar_overrides`: `_id` = tenant, its overrides from govhall.catalogue.calendar. */
export const calendarSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    overrides: { type: [{ _id: false, date: String, kind: String, reason: String }], default: [] },
  },
  { collection: 'calendar_overrides', versionKey: false },
);

/** Collection `directory_staff`: `_id` = staff id, from govhall.identity.staff. */
export const staffSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    tenant: { type: String, required: true },
    department: { type: String, default: '' },
    username: { type: String, required: true },
    roles: { type: [String], default: [] },
    active: { type: Boolean, required: true },
  },
  { collection: 'directory_staff', versionKey: false },
);
staffSchema.index({ tenant: 1 });

/** Collection `directory_windows`: `_id` = window id, from govhall.identity.tenant. */
export const windowSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    tenant: { type: String, required: true },
    aPostStaffId: { type: String, default: '' },
  },
  { collection: 'directory_windows', versionKey: false },
);
