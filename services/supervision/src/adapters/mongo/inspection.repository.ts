import {
  expiryDay,
  sweepExpiredDays,
  insertNew,
  toBuffer,
  toDocument,
  toEntity,
  type Connection,
  type Model,
  type StoredDocument,
} from '@govhall/mongo';
import { DEFAULT_CHECKLIST, type ChecklistItem, type Inspection } from '../../domain/inspections/inspection';
import type { InspectionPhoto } from '../../domain/inspections/inspection-photo';
import type {
  InspectionChecklists,
  InspectionPhotoStore,
  InspectionStore,
} from '../../usecases/inspections/inspection.ports';
import { inspectionChecklistSchema, inspectionPhotoSchema, inspectionSchema } from './inspection.schema';

export class MongoInspectionStore implements InspectionStore {
  readonly model: Model<any>;

  constructor(connection: Connection) {
    this.model = connection.model('Inspection', inspectionSchema);
  }

  async insertOrGet(inspection: Inspection): Promise<Inspection> {
    if (await insertNew(this.model, toDocument(inspection))) return inspection;
    const stored = await this.model.findById(inspection.id).lean<StoredDocument>();
    return toEntity<Inspection>(stored!);
  }

  async list(
    f: { tenant: string; windowId?: string; fromDate?: string; toDate?: string },
    offset: number,
    limit: number,
  ): Promise<Inspection[]> {
    const query: Record<string, unknown> = { tenant: f.tenant };
    if (f.windowId) query.windowId = f.windowId;
    if (f.fromDate || f.toDate) {
      query.date = { ...(f.fromDate ? { $gte: f.fromDate } : {}), ...(f.toDate ? { $lte: f.toDate } : {}) };
    }
    const docs = await this.model
      .find(query)
      .sort({ date: -1, _id: 1 })
      .skip(offset)
      .limit(limit)
      .lean<StoredDocument[]>();
    return docs.map((d) => toEntity<Inspection>(d));
  }
}

export class MongoInspectionPhotoStore implements InspectionPhotoStore {
  readonly model: Model<any>;

  constructor(connection: Connection) {
    this.model = connection.model('InspectionPhoto', inspectionPhotoSchema);
  }

  async save(photo: InspectionPhoto, content: Buffer): Promise<void> {
    await this.model.collection.insertOne(toDocument(photo, { content, day: expiryDay(photo.uploadedAt) }) as never);
  }

  async find(ids: string[]): Promise<InspectionPhoto[]> {
    if (ids.length === 0) return [];
    const docs = await this.model.find({ _id: { $in: ids } }, { content: 0, day: 0 }).lean<StoredDocument[]>();
    return docs.map((d) => toEntity<InspectionPhoto>(d));
  }

  async get(id: string): Promise<{ photo: InspectionPhoto; content: Buffer } | null> {
    const doc = await this.model.findById(id, { day: 0 }).lean<StoredDocument>();
    if (!doc) return null;
    const { content, ...photo } = doc;
    return { photo: toEntity<InspectionPhoto>(photo as StoredDocument), content: toBuffer(content) };
  }

  /** Deletes the photos uploaded more than `retentionMs` ago, a day at a time. */
  async expire(now: Date, retentionMs: number): Promise<number> {
    return sweepExpiredDays(this.model.collection, {
      retentionMs,
      now,
      // Photos carry `day` since expiry came (before any deployment of inspections): no range scan is needed.
      firstSweep: { lookBackDays: 60 },
      state: { collection: this.model.collection, id: '#expiry-sweep' },
    });
  }
}

export class MongoInspectionChecklists implements InspectionChecklists {
  readonly model: Model<any>;

  constructor(connection: Connection) {
    this.model = connection.model('InspectionChecklist', inspectionChecklistSchema);
  }

  async forTenant(tenant: string): Promise<readonly ChecklistItem[]> {
    const doc = await this.model.findById(tenant).lean<{ items?: ChecklistItem[] }>();
    return doc?.items?.length ? doc.items : DEFAULT_CHECKLIST;
  }
}
