import { toEntity, type Model, type StoredDocument } from '@govhall/mongo';
import type { Case } from '../../domain/case';
import type { DeemedAcceptanceQueue } from '../../usecases/window.ports';
import type { CaseDocument } from './case.schema';

/**
 * The deemed-acceptance timer's queries (index {status, channel, dueDate}; `dueDate`, a stored query field, is the
 * notice day while a case waits at a window): the cases due on one day — three top-level equalities, pushed down
 * whole with the limit — and, for the start-up pass, every case due before today: the range is applied to all
 * online cases waiting at the windows (locally each is decoded: ~20,000 took ~25 s at 1,000,000 cases).
 */
const PROJECTION = { outbox: 0, outboxLease: 0, outboxPending: 0, idempotencyKey: 0, ownerSubject: 0 };

export class MongoDeemedAcceptanceQueue implements DeemedAcceptanceQueue {
  constructor(private readonly model: Model<CaseDocument>) {}

  async dueOn(day: string, limit: number): Promise<Case[]> {
    const docs = await this.model
      .find({ status: 'pre_review', channel: 'online', dueDate: day }, PROJECTION)
      .limit(limit)
      .lean<StoredDocument[]>();
    return docs.map((d) => toEntity<Case>(d));
  }

  async overdue(today: string, limit: number): Promise<Case[]> {
    const docs = await this.model
      .find({ status: 'pre_review', channel: 'online', dueDate: { $lt: today, $gt: '' } }, PROJECTION)
      .sort({ dueDate: 1 })
      .limit(limit)
      .lean<StoredDocument[]>();
    return docs.map((d) => toEntity<Case>(d));
  }
}
