import { expiryDay, insertNew, mongoose, sweepExpiredDays, type Connection, type Model } from '@govhall/mongo';
import type { NotificationKind } from '@govhall/notify';
import type { SiteNotification } from '../../domain/site-notification';
import type { NotificationInbox } from '../../usecases/notifications.ports';

/**
 * Collection `site_notifications`: the applicants' in-site notifications, `_id` = `<event id>:site`. `read` is a
 * top-level boolean next to `readAt` because FerretDB pushes down equality, not `$exists`. Personal data: the text
 * names the case and its problems (no ID or phone numbers: the templates print none). `day` (the UTC day of
 * `createdAt`) is what expiry deletes by (NOTIFICATION_RETENTION_DAYS; `@govhall/mongo` day sweeps); the sweep keeps
 * how far it got in the document `_id: '#expiry-sweep'` (no recipient: no list or count ever finds it).
 */
const siteNotificationSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    recipient: { type: String, required: true },
    tenant: { type: String, required: true },
    kind: { type: String, required: true },
    caseId: { type: String, required: true },
    caseNumber: { type: String, required: true },
    itemName: { type: String, required: true },
    title: { type: String, required: true },
    text: { type: String, required: true },
    createdAt: { type: Date, required: true },
    read: { type: Boolean, required: true },
    readAt: { type: Date },
    day: { type: String },
  },
  { collection: 'site_notifications', versionKey: false, minimize: false },
);
// ListMyNotifications: one recipient's notifications, newest first (id breaks ties).
siteNotificationSchema.index({ recipient: 1, createdAt: -1, _id: 1 });
// The unread ones (the badge's count, the unread filter, MarkNotificationsRead's `all`).
siteNotificationSchema.index({ recipient: 1, read: 1, createdAt: -1, _id: 1 });
// The expiry sweep: one day's notifications at a time.
siteNotificationSchema.index({ day: 1 });

interface StoredNotification extends Omit<SiteNotification, 'id' | 'kind'> {
  _id: string;
  kind: string;
  read: boolean;
  day?: string;
}

function toNotification({ _id, read: _read, day: _day, kind, readAt, ...rest }: StoredNotification): SiteNotification {
  return { id: _id, kind: kind as NotificationKind, ...rest, ...(readAt ? { readAt } : {}) };
}

export class MongoNotificationInbox implements NotificationInbox {
  readonly model: Model<any>;

  constructor(connection: Connection) {
    this.model = connection.model('SiteNotification', siteNotificationSchema);
  }

  async add(n: SiteNotification): Promise<boolean> {
    const { id, readAt, ...rest } = n;
    return insertNew(this.model, {
      _id: id,
      ...rest,
      read: Boolean(readAt),
      ...(readAt ? { readAt } : {}),
      day: expiryDay(n.createdAt),
    });
  }

  async listFor(recipient: string, filter: { unreadOnly: boolean }, offset: number, limit: number) {
    const query = filter.unreadOnly ? { recipient, read: false } : { recipient };
    const [docs, total, unread] = await Promise.all([
      this.model.find(query).sort({ createdAt: -1, _id: 1 }).skip(offset).limit(limit).lean<StoredNotification[]>(),
      this.model.countDocuments(query),
      filter.unreadOnly ? undefined : this.unreadCount(recipient),
    ]);
    return { notifications: docs.map(toNotification), total, unread: unread ?? total };
  }

  async markRead(recipient: string, ids: readonly string[] | 'all', at: Date): Promise<number> {
    const filter = ids === 'all' ? { recipient, read: false } : { recipient, read: false, _id: { $in: [...ids] } };
    const res = await this.model.updateMany(filter, { $set: { read: true, readAt: at } });
    return res.modifiedCount;
  }

  async unreadCount(recipient: string): Promise<number> {
    return this.model.countDocuments({ recipient, read: false });
  }

  /** Deletes the notifications created more than `retentionMs` ago (read or not), a day at a time. */
  async expire(now: Date, retentionMs: number): Promise<number> {
    return sweepExpiredDays(this.model.collection, {
      retentionMs,
      now,
      // Every notification has had its `day` since it existed (ADR 0030): a first sweep needs no range scan.
      firstSweep: { lookBackDays: 60 },
      state: { collection: this.model.collection, id: '#expiry-sweep' },
    });
  }
}
