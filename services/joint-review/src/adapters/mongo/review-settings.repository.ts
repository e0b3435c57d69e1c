import { isDuplicateKeyError, mongoose, type Connection, type Model } from '@govhall/mongo';
import { ConcurrencyError } from '@govhall/errors';
import { defaultReviewSettings, type ReviewSettings } from '../../domain/reviews/review-settings';
import type { SettingsRepository } from '../../usecases/settings/settings.ports';

/** Collection `joint_review_settings`: one document per tenant (`_id` = region code), read by `_id` only. */
const settingsSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    leadRule: { type: String, required: true },
    defaultReviewWorkingDays: { type: Number, required: true },
    escalationForwardWorkingDays: { type: Number },
    escalationRoutes: { type: mongoose.Schema.Types.Mixed },
    delegatedTransferWorkingDays: { type: Number },
    delegatedReplyWorkingDays: { type: Number },
    version: { type: Number, required: true },
    updatedBy: { type: String },
    updatedAt: { type: Date },
  },
  { collection: 'joint_review_settings', versionKey: false, minimize: false },
);

type Stored = Omit<ReviewSettings, 'tenant'> & { _id: string };

/**
 * The tenant's settings; the defaults (lead designated per item, 5 working days, forwarding until the promised due
 * date, no routes, one working day for each delegated leg) while it never set any. A document written before the
 * settings had their escalation and delegation parts reads those parts as the defaults.
 */
export class MongoReviewSettings implements SettingsRepository {
  readonly model: Model<Stored>;

  constructor(connection: Connection) {
    this.model = connection.model<Stored>('JointReviewSettings', settingsSchema);
  }

  async forTenant(tenant: string): Promise<ReviewSettings> {
    const defaults = defaultReviewSettings(tenant);
    const doc = await this.model.findById(tenant).lean<Stored>();
    if (!doc) return defaults;
    return {
      tenant,
      leadRule: doc.leadRule,
      defaultReviewWorkingDays: doc.defaultReviewWorkingDays,
      escalationForwardWorkingDays: doc.escalationForwardWorkingDays ?? defaults.escalationForwardWorkingDays,
      escalationRoutes: doc.escalationRoutes ?? [],
      delegatedTransferWorkingDays: doc.delegatedTransferWorkingDays ?? defaults.delegatedTransferWorkingDays,
      delegatedReplyWorkingDays: doc.delegatedReplyWorkingDays ?? defaults.delegatedReplyWorkingDays,
      version: doc.version,
      updatedBy: doc.updatedBy ?? '',
      ...(doc.updatedAt ? { updatedAt: doc.updatedAt } : {}),
    };
  }

  /** Version 0: the first write inserts (a concurrent first write loses with ABORTED); later ones compare versions. */
  async save(next: ReviewSettings, expectedVersion: number): Promise<ReviewSettings> {
    const { tenant, ...fields } = next;
    const stored: ReviewSettings = { ...next, version: expectedVersion + 1 };
    if (expectedVersion === 0) {
      try {
        await this.model.collection.insertOne({ _id: tenant, ...fields, version: 1 } as never);
      } catch (e) {
        if (isDuplicateKeyError(e)) throw new ConcurrencyError('联办设置已被他人修改，请刷新后重试');
        throw e;
      }
      return stored;
    }
    const { version: _v, ...set } = fields;
    const result = await this.model.updateOne(
      { _id: tenant, version: expectedVersion },
      { $set: { ...set, version: expectedVersion + 1 } },
    );
    if (result.matchedCount === 0) throw new ConcurrencyError('联办设置已被他人修改，请刷新后重试');
    return stored;
  }
}
