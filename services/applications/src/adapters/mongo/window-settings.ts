import type { Connection } from '@govhall/mongo';
import type { WindowSettings } from '../../usecases/window.ports';

/**
 * The tenant's counter one-time-notice setting (CaseSettings.counter_notice_working_days, decision 1), read from
 * the collection `case_settings` (one document per tenant, `_id` = region code) that the tenant settings RPCs keep;
 * a tenant without settings has the default 0 (the notice is due in the same visit).
 */
export class StoredWindowSettings implements WindowSettings {
  constructor(private readonly connection: Connection) {}

  async counterNoticeWorkingDays(tenant: string): Promise<number> {
    const doc = await this.connection
      .db!.collection<{ _id: string; counterNoticeWorkingDays?: number }>('case_settings')
      .findOne({ _id: tenant }, { projection: { counterNoticeWorkingDays: 1 } });
    const days = doc?.counterNoticeWorkingDays;
    return typeof days === 'number' && Number.isInteger(days) && days >= 0 ? days : 0;
  }
}
