import { toEntity, type Model, type StoredDocument } from '@govhall/mongo';
import type { Notice } from '../../domain/notices/notice';
import type { ReconciliationLookups } from '../../usecases/reconciliation/reconciliation.ports';

const PROJECTION = { outbox: 0, outboxLease: 0, outboxPending: 0, caseKey: 0, codeKey: 0 } as const;

/** The notices the reconciliation reads, on the `notices` collection (MongoNoticeRepository's model). */
export class MongoReconciliationLookups implements ReconciliationLookups {
  constructor(private readonly notices: Model<any>) {}

  private async find(filter: Record<string, unknown>): Promise<Notice[]> {
    const docs = await this.notices.find(filter, PROJECTION).lean<StoredDocument[]>();
    return docs.map((d) => toEntity<Notice>(d));
  }

  byPaymentCodes(codes: readonly string[]): Promise<Notice[]> {
    return codes.length === 0 ? Promise.resolve([]) : this.find({ codeKey: { $in: [...codes] } });
  }

  paidBetween(tenant: string, from: Date, to: Date): Promise<Notice[]> {
    return this.find({ tenant, 'payment.paidAt': { $gte: from, $lt: to } });
  }

  slipsDueBy(tenant: string, date: string): Promise<Notice[]> {
    return this.find({ tenant, state: 'slip_registered', deadline: { $lte: date } });
  }
}
