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
    /** The hall's day (GetHallToday): received, completed (the promised clock stopped), and whether on time. */
    receivedDate: { type: String, default: '' },
    endedDate: { type: String, default: '' },
    onTime: { type: Boolean, default: true },
    /** Open and past the promised limit. */
    overdue: { type: Boolean, default: false },
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
// The timer over every open clock ({state} alone: its prefix), and the hall's open matters of a region (GetHallToday
// with subordinates: the tenant is a prefix range, so it comes after the equality on state).
matterSchema.index({ state: 1, tenant: 1 });
// The hall's day: received, accepted and completed on a day, of a tenant or a region.
matterSchema.index({ receivedDate: 1, tenant: 1 });
matterSchema.index({ acceptedDate: 1, tenant: 1 });
matterSchema.index({ endedDate: 1, tenant: 1 });

export type MatterDocument = mongoose.InferSchemaType<typeof matterSchema>;
