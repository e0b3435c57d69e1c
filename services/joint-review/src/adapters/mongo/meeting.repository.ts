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
import { decodePageToken, encodePageToken } from '@govhall/paging';
import type { Meeting, MeetingEvent } from '../../domain/meetings/meeting';
import type { MeetingFilter, MeetingRepository } from '../../usecases/meetings/meeting.ports';
import type { Page, PageQuery } from '../../usecases/ports';
import { toMeetingOutbox } from '../kafka/meeting-events';
import { meetingSchema, type MeetingDocument } from './meeting.schema';

/** Fields that exist only in storage (outbox and query copies), never on the entity. */
const PROJECTION = { outbox: 0, outboxLease: 0, outboxPending: 0, listKeys: 0 } as const;

const listKey = (tenant: string, department: string, state: string) => `${tenant}|${department}|${state}`;

/** The list keys of a meeting: the tenant's and each invited department's, in any state and in its own. */
export function meetingListKeys(meeting: Meeting): string[] {
  return ['', ...meeting.participants.map((p) => p.department)].flatMap((d) => [
    listKey(meeting.tenant, d, ''),
    listKey(meeting.tenant, d, meeting.state),
  ]);
}

/** The meeting events of a write carry the stored version. */
function withVersion(events: readonly MeetingEvent[], meeting: Meeting): MeetingEvent[] {
  return events.map((e) => ({ ...e, meeting }));
}

export class MongoMeetingRepository implements MeetingRepository {
  readonly model: Model<MeetingDocument>;

  constructor(connection: Connection) {
    this.model = connection.model<MeetingDocument>('JointMeeting', meetingSchema);
  }

  async insert(meeting: Meeting, events: MeetingEvent[], actor: Principal) {
    try {
      const document = toDocument(meeting, {
        listKeys: meetingListKeys(meeting),
        ...outboxFields(toMeetingOutbox(withVersion(events, meeting), meeting, actor)),
      });
      await this.model.collection.insertOne(document as never);
      return { meeting, created: true };
    } catch (e) {
      if (!isDuplicateKeyError(e)) throw e;
      const existing = await this.findByRequest(meeting.tenant, meeting.requestId);
      if (!existing) throw e;
      return { meeting: existing, created: false };
    }
  }

  async findById(id: string): Promise<Meeting | null> {
    const doc = await this.model.findById(id, PROJECTION).lean<StoredDocument>();
    return doc ? toEntity<Meeting>(doc) : null;
  }

  async findByRequest(tenant: string, requestId: string): Promise<Meeting | null> {
    const doc = await this.model.findOne({ tenant, requestId }, PROJECTION).lean<StoredDocument>();
    return doc ? toEntity<Meeting>(doc) : null;
  }

  async save(next: Meeting, expectedVersion: number, events: MeetingEvent[], actor: Principal): Promise<Meeting> {
    const stored: Meeting = { ...next, version: expectedVersion + 1 };
    const update = entityUpdate(stored, toMeetingOutbox(withVersion(events, stored), stored, actor));
    const set = (update.$set ?? {}) as Record<string, unknown>;
    await updateVersioned(this.model, stored.id, expectedVersion, {
      ...update,
      $set: { ...set, listKeys: meetingListKeys(stored) },
    });
    return stored;
  }

  /** One indexed read of the list key, newest first; the project and review filters and the page are applied here. */
  async list(filter: MeetingFilter, page: PageQuery): Promise<Page<Meeting>> {
    const key = listKey(filter.tenant, filter.department ?? '', filter.state ?? '');
    const docs = await this.model
      .find({ listKeys: key }, PROJECTION)
      .sort({ createdAt: -1, _id: 1 })
      .lean<StoredDocument[]>();
    const meetings = docs
      .map((d) => toEntity<Meeting>(d))
      .filter((m) => !filter.projectId || m.projectId === filter.projectId)
      .filter((m) => !filter.reviewId || m.agenda.some((a) => a.reviewId === filter.reviewId));
    const offset = decodePageToken(page.pageToken);
    const end = offset + (page.pageSize > 0 ? page.pageSize : 20);
    return {
      items: meetings.slice(offset, end),
      nextPageToken: end < meetings.length ? encodePageToken(end) : '',
      totalSize: meetings.length,
    };
  }
}
