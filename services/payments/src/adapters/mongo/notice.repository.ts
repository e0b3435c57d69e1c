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
import type { NoticeRepository, Page, PageQuery } from '../../usecases/ports';
import { toNoticeOutbox } from '../kafka/notice-events';
import { noticeSchema, type NoticeDocument } from './notice.schema';

const PROJECTION = { outbox: 0, outboxLease: 0, outboxPending: 0, caseKey: 0, codeKey: 0 } as const;

function queryFields(n: Notice) {
  return { caseKey: `${n.tenant}|${n.caseId}`, codeKey: n.paymentCode ?? `#${n.id}` };
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
    return toEntity<Notice>(await this.model.findById(id, PROJECTION).lean<StoredDocument>());
  }

  async findByCase(tenant: string, caseId: string): Promise<Notice | null> {
    return toEntity<Notice>(
      await this.model.findOne({ caseKey: `${tenant}|${caseId}` }, PROJECTION).lean<StoredDocument>(),
    );
  }

  async findByPaymentCode(code: string): Promise<Notice | null> {
    if (!code) return null;
    return toEntity<Notice>(await this.model.findOne({ codeKey: code }, PROJECTION).lean<StoredDocument>());
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

  private async page(filter: Record<string, unknown>, page: PageQuery): Promise<Page<Notice>> {
    const offset = decodePageToken(page.pageToken);
    const size = pageSize(page.pageSize);
    const [docs, total] = await Promise.all([
      this.model
        .find(filter, PROJECTION)
        .sort({ createdAt: -1, _id: 1 })
        .skip(offset)
        .limit(size)
        .lean<StoredDocument[]>(),
      this.model.countDocuments(filter),
    ]);
    return {
      items: docs.map((d) => toEntity<Notice>(d)),
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
}
