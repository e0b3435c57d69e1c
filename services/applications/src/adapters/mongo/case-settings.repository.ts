import { ConcurrencyError } from '@govhall/errors';
import { insertNew, mongoose, updateVersioned, type Connection, type Model } from '@govhall/mongo';
import { DEFAULT_HALL_CLOSES_AT, defaultCaseSettings, hallHours, type CaseSettings } from '../../domain/case-settings';
import type { CaseSettingsRepository } from '../../usecases/declaration.ports';

/** Collection `case_settings`: one document per tenant (`_id` = region code), read by `_id` only. */
const caseSettingsSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    commonRules: { type: mongoose.Schema.Types.Mixed, default: [] },
    counterNoticeWorkingDays: { type: Number, required: true },
    extensionCenterReview: { type: Boolean, required: true },
    // Absent in documents stored before the field existed: the default.
    hallClosesAt: { type: String },
    version: { type: Number, required: true },
  },
  { collection: 'case_settings', versionKey: false, minimize: false },
);

interface Stored {
  _id: string;
  commonRules: CaseSettings['commonRules'];
  counterNoticeWorkingDays: number;
  extensionCenterReview: boolean;
  hallClosesAt?: string;
  version: number;
}

export class MongoCaseSettings implements CaseSettingsRepository {
  readonly model: Model<any>;

  constructor(connection: Connection) {
    this.model = connection.model('CaseSettings', caseSettingsSchema);
  }

  async get(tenant: string): Promise<CaseSettings> {
    const doc = await this.model.findById(tenant).lean<Stored>();
    if (!doc) return defaultCaseSettings(tenant);
    return {
      tenant,
      commonRules: doc.commonRules ?? [],
      counterNoticeWorkingDays: doc.counterNoticeWorkingDays,
      extensionCenterReview: doc.extensionCenterReview,
      hallClosesAt: doc.hallClosesAt || DEFAULT_HALL_CLOSES_AT,
      version: doc.version,
    };
  }

  /** The window area's reading (decision 1): working days a counter case's one-time notice may come after the visit. */
  async counterNoticeWorkingDays(tenant: string): Promise<number> {
    return (await this.get(tenant)).counterNoticeWorkingDays;
  }

  /** The handling area's reading (decision 2): whether the center reviews extensions after the department head. */
  async extensionCenterReview(tenant: string): Promise<boolean> {
    return (await this.get(tenant)).extensionCenterReview;
  }

  /** The hall hours a receipt's day is read with (@govhall/calendar receivedDate). */
  async hallHours(tenant: string): Promise<{ closesAt: string }> {
    return hallHours(await this.get(tenant));
  }

  async save(next: CaseSettings, expectedVersion: number): Promise<CaseSettings> {
    const fields = {
      commonRules: next.commonRules,
      counterNoticeWorkingDays: next.counterNoticeWorkingDays,
      extensionCenterReview: next.extensionCenterReview,
      hallClosesAt: next.hallClosesAt,
    };
    if (expectedVersion === 0) {
      const inserted = await insertNew(this.model, { _id: next.tenant, ...fields, version: 1 });
      if (!inserted) throw new ConcurrencyError();
    } else {
      await updateVersioned(this.model, next.tenant, expectedVersion, { $set: fields });
    }
    return { ...next, version: expectedVersion + 1 };
  }
}
