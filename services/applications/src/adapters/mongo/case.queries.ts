import type { Model, StoredDocument } from '@govhall/mongo';
import type { Case } from '../../domain/case';
import { queueKey, type MyList, type QueueKind } from '../../domain/case-lists';
import type { CaseQueries, QueueSelector } from '../../usecases/queries.ports';
import { PROJECTION, toCase } from './case.repository';
import type { CaseDocument } from './case.schema';

/** A list row needs no materials' files, history or documents: leave them in the store. */
const LIST_PROJECTION = { ...PROJECTION, history: 0, corrections: 0 } as const;

/** The lists of the cases collection; every filter leads with an equality a declared index leads with. */
export class MongoCaseQueries implements CaseQueries {
  constructor(private readonly model: Model<CaseDocument>) {}

  async listMine(ownerSubject: string, list: MyList, offset: number, limit: number) {
    return this.page({ ownerSubject, myList: list }, { updatedAt: -1, _id: 1 }, offset, limit);
  }

  async listQueue(tenant: string, queue: QueueSelector, kind: QueueKind | undefined, offset: number, limit: number) {
    return this.page({ queues: queueKey(tenant, queue, kind) }, { dueDate: 1, _id: 1 }, offset, limit);
  }

  async ledger(tenant: string, month: string, department: string | undefined): Promise<Case[]> {
    // The month's cases of the tenant (a bounded set, index {tenant, receivedMonth, caseNumber}); a department's
    // ledger takes its rows from them.
    const docs = await this.model
      .find({ tenant, receivedMonth: month }, { ...PROJECTION, materials: 0, history: 0, documents: 0 })
      .sort({ caseNumber: 1 })
      .lean<StoredDocument[]>();
    return docs.filter((d) => !department || d.department === department).map(toCase);
  }

  private async page(filter: Record<string, unknown>, sort: Record<string, 1 | -1>, offset: number, limit: number) {
    const [docs, total] = await Promise.all([
      this.model.find(filter, LIST_PROJECTION).sort(sort).skip(offset).limit(limit).lean<StoredDocument[]>(),
      this.model.countDocuments(filter),
    ]);
    return { cases: docs.map((d) => toCase({ history: [], corrections: [], ...d })), total };
  }
}
