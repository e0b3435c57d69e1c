import { WITHOUT_OUTBOX } from '@govhall/kafka';
import type { Principal } from '@govhall/auth';
import {
  definedFields,
  documentKey,
  documentLocks,
  insertNew,
  outboxFields,
  saveVersioned,
  type Connection,
  type Model,
} from '@govhall/mongo';
import type { Rectification, RectificationEvent } from '../../domain/rectifications/rectification';
import type { RectificationFilter, RectificationRepository } from '../../usecases/rectifications/ports';
import { rectificationOutbox } from '../kafka/rectification-events';
import { rectificationSchema, type RectificationDocument } from './rectification.schema';

/** The query copies stored beside the state (docs/store-rules.md: top-level equalities to query by). */
function queryCopies(r: Rectification) {
  return {
    closedRank: r.status === 'closed' ? 1 : 0,
    exclusionDue: r.appealDecision?.upheld === true ? true : undefined,
  };
}

const CLEARABLE = ['outcome', 'concludedAt', 'appealDecision', 'raterToldAt', 'closedAt'] as const;

export class MongoRectifications implements RectificationRepository {
  readonly model: Model<RectificationDocument>;

  constructor(connection: Connection) {
    this.model = connection.model<RectificationDocument>('Rectification', rectificationSchema);
  }

  insert(r: Rectification, events: RectificationEvent[], actor: Principal | undefined): Promise<boolean> {
    const { id, ...fields } = r;
    return insertNew(this.model, {
      _id: id,
      ...definedFields(fields),
      ...definedFields(queryCopies(r)),
      ...outboxFields(rectificationOutbox(events, actor)),
    });
  }

  async find(id: string): Promise<Rectification | null> {
    const doc = await this.model.collection.findOne({ _id: id as never }, { projection: WITHOUT_OUTBOX });
    return doc ? toRectification(doc as unknown as Stored) : null;
  }

  async save(
    r: Rectification,
    expectedVersion: number,
    events: RectificationEvent[],
    actor: Principal | undefined,
  ): Promise<void> {
    const copies = queryCopies(r);
    // The query copies travel as fields of the entity (exclusionDue cleared with the others when unset).
    const stored = { ...r, ...copies } as Rectification & ReturnType<typeof queryCopies>;
    await saveVersioned(this.model, stored, expectedVersion, rectificationOutbox(events, actor), [
      ...CLEARABLE,
      'exclusionDue',
    ]);
  }

  async list(filter: RectificationFilter, offset: number, limit: number) {
    const query: Record<string, unknown> = {
      tenant: filter.tenant,
      ...(filter.statuses.length > 0 ? { status: { $in: filter.statuses } } : {}),
      ...(filter.department ? { department: filter.department } : {}),
      ...(filter.handler ? { handler: filter.handler } : {}),
      ...(filter.overdueOn ? { closedRank: 0, deadline: { $lt: filter.overdueOn } } : {}),
    };
    const [docs, total] = await Promise.all([
      this.model.collection
        .find(query, { projection: WITHOUT_OUTBOX })
        .sort({ closedRank: 1, deadline: 1, _id: 1 })
        .skip(offset)
        .limit(limit)
        .toArray(),
      this.model.collection.countDocuments(query),
    ]);
    return { items: docs.map((d) => toRectification(d as unknown as Stored)), total };
  }

  async dueOverdue(today: string, limit: number): Promise<Rectification[]> {
    const docs = await this.model.collection
      .find({ closedRank: 0, overdue: false, deadline: { $lt: today } }, { projection: WITHOUT_OUTBOX })
      .sort({ deadline: 1 })
      .limit(limit)
      .toArray();
    return docs.map((d) => toRectification(d as unknown as Stored));
  }

  async upheldNotExcluded(limit: number): Promise<Rectification[]> {
    const docs = await this.model.collection
      .find({ exclusionDue: true }, { projection: WITHOUT_OUTBOX })
      .limit(limit)
      .toArray();
    return docs.map((d) => toRectification(d as unknown as Stored));
  }

  async markRatingExcluded(id: string): Promise<void> {
    await documentLocks.run(documentKey(this.model.collection.collectionName, id), () =>
      this.model.collection.updateOne(
        { _id: id as never },
        { $set: { ratingExcluded: true }, $unset: { exclusionDue: '' } },
      ),
    );
  }
}

type Stored = Omit<Rectification, 'id'> & { _id: string };

function toRectification(doc: Stored): Rectification {
  return {
    id: doc._id,
    tenant: doc.tenant,
    ratingId: doc.ratingId,
    subject: doc.subject,
    caseId: doc.caseId,
    caseNumber: doc.caseNumber,
    visitId: doc.visitId,
    itemName: doc.itemName,
    department: doc.department,
    windowId: doc.windowId,
    level: doc.level,
    reason: doc.reason,
    channel: doc.channel,
    realName: doc.realName,
    raterName: doc.raterName,
    ratedAt: doc.ratedAt,
    status: doc.status,
    handler: doc.handler ?? '',
    handlerName: doc.handlerName ?? '',
    deadline: doc.deadline,
    callBacks: (doc.callBacks ?? []).map((c) => ({ at: c.at, by: c.by, reached: c.reached, notes: c.notes })),
    ...(doc.outcome ? { outcome: doc.outcome } : {}),
    outcomeText: doc.outcomeText ?? '',
    fixBy: doc.fixBy ?? '',
    ...(doc.concludedAt ? { concludedAt: doc.concludedAt } : {}),
    ...(doc.appealDecision
      ? {
          appealDecision: {
            upheld: doc.appealDecision.upheld,
            notes: doc.appealDecision.notes,
            decidedBy: doc.appealDecision.decidedBy,
            decidedAt: doc.appealDecision.decidedAt,
          },
        }
      : {}),
    ...(doc.raterToldAt ? { raterToldAt: doc.raterToldAt } : {}),
    overdue: doc.overdue ?? false,
    version: doc.version,
    openedAt: doc.openedAt,
    ...(doc.closedAt ? { closedAt: doc.closedAt } : {}),
  };
}
