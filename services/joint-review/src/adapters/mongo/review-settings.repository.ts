import { mongoose, type Connection, type Model } from '@govhall/mongo';
import { defaultReviewSettings, type ReviewSettings } from '../../domain/reviews/review-settings';
import type { SettingsSource } from '../../usecases/ports';

/** Collection `joint_review_settings`: one document per tenant (`_id` = region code), read by `_id` only. */
const settingsSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    leadRule: { type: String, required: true },
    defaultReviewWorkingDays: { type: Number, required: true },
    version: { type: Number, required: true },
  },
  { collection: 'joint_review_settings', versionKey: false },
);

interface Stored {
  _id: string;
  leadRule: ReviewSettings['leadRule'];
  defaultReviewWorkingDays: number;
  version: number;
}

/** The tenant's settings; the defaults (lead designated per item, 5 working days) while it never set any. */
export class MongoReviewSettings implements SettingsSource {
  readonly model: Model<Stored>;

  constructor(connection: Connection) {
    this.model = connection.model<Stored>('JointReviewSettings', settingsSchema);
  }

  async forTenant(tenant: string): Promise<ReviewSettings> {
    const doc = await this.model.findById(tenant).lean<Stored>();
    if (!doc) return defaultReviewSettings(tenant);
    return {
      tenant,
      leadRule: doc.leadRule,
      defaultReviewWorkingDays: doc.defaultReviewWorkingDays,
      version: doc.version,
    };
  }
}
