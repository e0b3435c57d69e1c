import { toEntity, type Model, type StoredDocument } from '@govhall/mongo';
import type { Case } from '../../domain/case';
import type { DeemedAcceptanceQueue } from '../../usecases/window.ports';
import type { CaseDocument } from './case.schema';

/**
 * The deemed-acceptance timer's query: online cases in PRE_REVIEW whose one-time-notice day is before today. It
 * leads with the top-level equalities status + channel (index {status, channel, clocks.noticeDueDate}); the range
 * on the nested notice day is applied to that bounded set (cases waiting at a window), oldest first.
 */
export class MongoDeemedAcceptanceQueue implements DeemedAcceptanceQueue {
  constructor(private readonly model: Model<CaseDocument>) {}

  async overdue(today: string, limit: number): Promise<Case[]> {
    const docs = await this.model
      .find(
        { status: 'pre_review', channel: 'online', 'clocks.noticeDueDate': { $lt: today, $gt: '' } },
        { outbox: 0, outboxLease: 0, outboxPending: 0, idempotencyKey: 0, ownerSubject: 0 },
      )
      .sort({ 'clocks.noticeDueDate': 1 })
      .limit(limit)
      .lean<StoredDocument[]>();
    return docs.map((d) => toEntity<Case>(d));
  }
}
