import { mongoose, type Connection, type Model } from '@govhall/mongo';
import type { HandlingSettings } from '../../usecases/handling.ports';

const settingsSchema = new mongoose.Schema(
  { _id: { type: String, required: true }, extensionCenterReview: Boolean },
  { collection: 'case_settings', versionKey: false, strict: false },
);

/**
 * Reads the tenant's case settings (collection `case_settings`, one document per tenant keyed by its region code,
 * written by UpdateCaseSettings). A tenant that has stored none gets the defaults (decision 2: the center reviews
 * extensions).
 */
export class StoredHandlingSettings implements HandlingSettings {
  readonly model: Model<any>;

  constructor(connection: Connection) {
    this.model = connection.models.CaseSettings ?? connection.model('CaseSettings', settingsSchema);
  }

  async extensionCenterReview(tenant: string): Promise<boolean> {
    const doc = await this.model
      .findById(tenant, { extensionCenterReview: 1 })
      .lean<{ extensionCenterReview?: boolean }>();
    return doc?.extensionCenterReview ?? true;
  }
}
