import { mongoose } from '@govhall/mongo';

/**
 * Collection `scoring_standards`: every saved version of each tenant's scoring standard (S27), `_id` =
 * `<tenant>/<version>` (the key makes a second save of the same version a duplicate: optimistic concurrency).
 */
export const scoringStandardSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    tenant: { type: String, required: true },
    version: { type: Number, required: true },
    effectiveFrom: { type: String, required: true },
    indicators: { type: [mongoose.Schema.Types.Mixed], default: [] },
    violationDeductions: { type: [mongoose.Schema.Types.Mixed], default: [] },
    sanctionDeductions: { type: [mongoose.Schema.Types.Mixed], default: [] },
    bands: { type: mongoose.Schema.Types.Mixed, required: true },
    excellentQuotaPercent: { type: Number, required: true },
    updatedBy: { type: String, default: '' },
    updatedAt: { type: Date, required: false },
  },
  { collection: 'scoring_standards', versionKey: false, minimize: false },
);

// A tenant's versions in order.
scoringStandardSchema.index({ tenant: 1, version: 1 });
