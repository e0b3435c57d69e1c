import { mongoose } from '@govhall/mongo';

/**
 * Collection `matters`: one document per supervised matter, `_id` = matter (case) id, with the facts learned from
 * its events (`matter`) and its clock as last computed (`clock`); the top-level fields are what lists filter on.
 */
export const matterSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    tenant: { type: String, required: true },
    state: { type: String, required: true },
    /** 0 none, 1 预警, 2 黄牌, 3 红牌: ListClocks' min_signal. */
    signalRank: { type: Number, required: true },
    department: { type: String, default: '' },
    windowId: { type: String, default: '' },
    acceptedDate: { type: String, default: '' },
    /** 办结 or the ending transition's day (KPIs count a matter on this day). */
    endedDate: { type: String, default: '' },
    matter: { type: mongoose.Schema.Types.Mixed, required: true },
    clock: { type: mongoose.Schema.Types.Mixed, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'matters', versionKey: false, minimize: false },
);

// ListClocks of a tenant (and the timer and dry run of one tenant): tenant, then state.
matterSchema.index({ tenant: 1, state: 1 });
// The timer over every open clock.
matterSchema.index({ state: 1 });
// The KPI projection's recount of a day: matters accepted, and matters ended, that day (ADR 0040).
matterSchema.index({ tenant: 1, acceptedDate: 1 });
matterSchema.index({ tenant: 1, endedDate: 1 });

export type MatterDocument = mongoose.InferSchemaType<typeof matterSchema>;
