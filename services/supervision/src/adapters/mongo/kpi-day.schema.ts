import { mongoose } from '@govhall/mongo';

/**
 * Collection `kpi_days`: the KPI projection, one document per tenant, subject and day (China time), `_id` =
 * `<tenant>|<level>|<subject id>|<day>`, holding that day's raw counts (ADR 0040). Months, quarters and years are
 * summed from these at read time.
 */
export const kpiDaySchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    tenant: { type: String, required: true },
    level: { type: String, required: true },
    subjectId: { type: String, required: true },
    day: { type: String, required: true },
    counts: { type: mongoose.Schema.Types.Mixed, required: true },
  },
  { collection: 'kpi_days', versionKey: false, minimize: false },
);

// ListKpis, the public statistics and the bulletin: one level, one tenant (or a region prefix), a day range.
kpiDaySchema.index({ level: 1, tenant: 1, day: 1 });
// Replacing one day of a tenant (the rows of subjects no longer there are removed).
kpiDaySchema.index({ tenant: 1, day: 1, _id: 1 });

export type KpiDayDocument = mongoose.InferSchemaType<typeof kpiDaySchema>;

/** Collection `kpi_dirty_days`: `_id` = `<tenant>|<day>`, a day whose facts changed since it was last counted. */
export const kpiDirtyDaySchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    tenant: { type: String, required: true },
    day: { type: String, required: true },
    seq: { type: Number, required: true },
  },
  { collection: 'kpi_dirty_days', versionKey: false },
);

// A read's recount of its own tenants and days.
kpiDirtyDaySchema.index({ tenant: 1, day: 1, _id: 1 });

export type KpiDirtyDayDocument = mongoose.InferSchemaType<typeof kpiDirtyDaySchema>;
