import type { Principal } from '@govhall/auth';
import {
  entityUpdate,
  isDuplicateKeyError,
  outboxFields,
  toDocument,
  toEntity,
  updateVersioned,
  type Connection,
  type Model,
  type StoredDocument,
} from '@govhall/mongo';
import { decodePageToken, encodePageToken, pageSize } from '@govhall/paging';
import type { Notice, NoticeEvent, NoticeState } from '../../domain/notices/notice';
import type { RefundState } from '../../domain/refunds/refund';
import { paidDay } from '../../domain/reports/collection-report';
import type { NoticeRepository, Page, PageQuery } from '../../usecases/ports';
import { toNoticeOutbox } from '../kafka/notice-events';
import { noticeSchema, type NoticeDocument } from './notice.schema';

export const NOTICE_PROJECTION = {
  outbox: 0,
  outboxLease: 0,
  outboxPending: 0,
  caseKey: 0,
  codeKey: 0,
  refundKeys: 0,
  paidDay: 0,
} as const;
const PROJECTION = NOTICE_PROJECTION;

/** The refund keys a notice is found by: "<tenant>|*" and "<tenant>|<state>" per refund, "*|approved" to instruct. */
export function refundKeys(n: Notice): string[] {
  if (n.refunds.length === 0) return [];
  const states = [...new Set(n.refunds.map((r) => r.state))];
  return [
    `${n.tenant}|*`,
    ...states.map((s) => `${n.tenant}|${s}`),
    ...(states.includes('approved') ? ['*|approved'] : []),
  ];
}

function queryFields(n: Notice) {
  return {
    caseKey: `${n.tenant}|${n.caseId}`,
    codeKey: n.paymentCode ?? `#${n.id}`,
    refundKeys: refundKeys(n),
    paidDay: paidDay(n),
  };
}

/** A stored notice; those stored before refunds existed have none. */
export function fromStored(d: StoredDocument | null): Notice | null {
  const n = toEntity<Notice>(d);
  return n ? { ...n, refunds: n.refunds ?? [] } : null;
}

/** The events of a write carry the notice as stored. */
function withStored(events: readonly NoticeEvent[], n: Notice): NoticeEvent[] {
  return events.map((e) => ({ ...e, notice: n }));
}

export class MongoNoticeRepository implements NoticeRepository {
  readonly model: Model<NoticeDocument>;

  constructor(connection: Connection) {
    this.model = connection.model<NoticeDocument>('Notice', noticeSchema);
  }

  async findById(id: string): Promise<Notice | null> {
    return fromStored(await this.model.findById(id, PROJECTION).lean<StoredDocument>());
  }

  async findByCase(tenant: string, caseId: string): Promise<Notice | null> {
    return fromStored(await this.model.findOne({ caseKey: `${tenant}|${caseId}` }, PROJECTION).lean<StoredDocument>());
  }

  async findByPaymentCode(code: string): Promise<Notice | null> {
    if (!code) return null;
    return fromStored(await this.model.findOne({ codeKey: code }, PROJECTION).lean<StoredDocument>());
  }

  async insert(notice: Notice, events: NoticeEvent[], actor?: Principal) {
    const stored: Notice = { ...notice, version: 1 };
    try {
      await this.model.collection.insertOne(
        toDocument(stored, {
          ...queryFields(stored),
          ...outboxFields(toNoticeOutbox(withStored(events, stored), actor)),
        }) as never,
      );
      return { notice: stored, created: true };
    } catch (e) {
      if (!isDuplicateKeyError(e)) throw e;
      const existing = await this.findByCase(notice.tenant, notice.caseId);
      if (!existing) throw e;
      return { notice: existing, created: false };
    }
  }

  async save(next: Notice, expectedVersion: number, events: NoticeEvent[], actor?: Principal): Promise<Notice> {
    const stored: Notice = { ...next, version: expectedVersion + 1 };
    const update = entityUpdate(stored, toNoticeOutbox(withStored(events, stored), actor));
    const set = (update.$set ?? {}) as Record<string, unknown>;
    await updateVersioned(this.model, stored.id, expectedVersion, {
      ...update,
      $set: { ...set, ...queryFields(stored) },
    });
    return stored;
  }

  private async page(
    filter: Record<string, unknown>,
    page: PageQuery,
    sort: Record<string, 1 | -1> = { createdAt: -1, _id: 1 },
  ): Promise<Page<Notice>> {
    const offset = decodePageToken(page.pageToken);
    const size = pageSize(page.pageSize);
    const [docs, total] = await Promise.all([
      this.model.find(filter, PROJECTION).sort(sort).skip(offset).limit(size).lean<StoredDocument[]>(),
      this.model.countDocuments(filter),
    ]);
    return {
      items: docs.map((d) => fromStored(d)!),
      nextPageToken: offset + size < total ? encodePageToken(offset + size) : '',
      total,
    };
  }

  list(tenant: string, states: readonly NoticeState[], page: PageQuery): Promise<Page<Notice>> {
    return this.page(states.length > 0 ? { tenant, state: { $in: states } } : { tenant }, page);
  }

  listByApplicant(username: string, page: PageQuery): Promise<Page<Notice>> {
    return this.page({ applicantSubject: username }, page);
  }

  listWithRefunds(tenant: string, states: readonly RefundState[], page: PageQuery): Promise<Page<Notice>> {
    const keys = states.length > 0 ? states.map((s) => `${tenant}|${s}`) : [`${tenant}|*`];
    const filter = keys.length === 1 ? { refundKeys: keys[0] } : { tenant, refundKeys: { $in: keys } };
    return this.page(filter, page, { updatedAt: -1, _id: 1 });
  }

  async forReport(tenant: string, from: string, to: string): Promise<Notice[]> {
    const [paid, refunded] = await Promise.all([
      this.model.find({ tenant, paidDay: { $gte: from, $lte: to } }, PROJECTION).lean<StoredDocument[]>(),
      this.model.find({ refundKeys: `${tenant}|refunded` }, PROJECTION).lean<StoredDocument[]>(),
    ]);
    const byId = new Map<string, Notice>();
    for (const d of [...paid, ...refunded]) {
      const n = fromStored(d)!;
      byId.set(n.id, n);
    }
    return [...byId.values()];
  }

  async withApprovedRefunds(limit: number): Promise<Notice[]> {
    const docs = await this.model
      .find({ refundKeys: '*|approved' }, PROJECTION)
      .sort({ updatedAt: 1, _id: 1 })
      .limit(limit)
      .lean<StoredDocument[]>();
    return docs.map((d) => fromStored(d)!);
  }
}
