import { chinaDate } from '@govhall/identifiers';
import type { Model, StoredDocument } from '@govhall/mongo';
import type { Notice } from '../../domain/notices/notice';
import type { ReconciliationLookups } from '../../usecases/reconciliation/reconciliation.ports';
import { fromStored, NOTICE_PROJECTION as PROJECTION } from './notice.repository';

/** The notices the reconciliation reads, on the `notices` collection (MongoNoticeRepository's model). */
export class MongoReconciliationLookups implements ReconciliationLookups {
  constructor(private readonly notices: Model<any>) {}

  private async find(filter: Record<string, unknown>): Promise<Notice[]> {
    const docs = await this.notices.find(filter, PROJECTION).lean<StoredDocument[]>();
    return docs.map((d) => fromStored(d)!);
  }

  byPaymentCodes(codes: readonly string[]): Promise<Notice[]> {
    return codes.length === 0 ? Promise.resolve([]) : this.find({ codeKey: { $in: [...codes] } });
  }

  /** By the top-level China day of payment (a dotted path is never pushed down, docs/store-rules.md), then exactly. */
  async paidBetween(tenant: string, from: Date, to: Date): Promise<Notice[]> {
    const days = { $gte: chinaDate(from), $lte: chinaDate(new Date(to.getTime() - 1)) };
    const notices = await this.find({ tenant, paidDay: days });
    return notices.filter((n) => n.payment && n.payment.paidAt >= from && n.payment.paidAt < to);
  }

  slipsDueBy(tenant: string, date: string): Promise<Notice[]> {
    return this.find({ tenant, state: 'slip_registered', deadline: { $lte: date } });
  }
}
