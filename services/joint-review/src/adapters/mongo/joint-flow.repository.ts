import { isDuplicateKeyError, mongoose, type Connection, type Model } from '@govhall/mongo';
import { ConcurrencyError } from '@govhall/errors';
import { decodePageToken, encodePageToken } from '@govhall/paging';
import type { JointFlow } from '../../domain/reviews/joint-flow';
import type { Page, PageQuery } from '../../usecases/ports';
import type { FlowRepository } from '../../usecases/settings/settings.ports';

/**
 * Collection `joint_flows`: an item's joint flow (J13) per tenant and item series, `_id` = "<tenant>:<series id>",
 * read by `_id`, listed by tenant in item-name order.
 */
export const flowSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    tenant: { type: String, required: true },
    itemSeriesId: { type: String, required: true },
    itemName: { type: String, default: '' },
    leadDepartment: { type: String, default: '' },
    leadWindowId: { type: String, default: '' },
    participants: { type: mongoose.Schema.Types.Mixed, default: [] },
    meetingExpected: { type: Boolean, default: false },
    version: { type: Number, required: true },
    updatedBy: { type: String, default: '' },
    updatedAt: { type: Date },
  },
  { collection: 'joint_flows', versionKey: false, minimize: false },
);
flowSchema.index({ tenant: 1, itemName: 1, _id: 1 });

type Stored = Omit<JointFlow, 'configured'> & { _id: string };

export const flowKey = (tenant: string, itemSeriesId: string): string => `${tenant}:${itemSeriesId}`;

const stale = () => new ConcurrencyError('联办流程已被他人修改，请刷新后重试');

export class MongoJointFlows implements FlowRepository {
  readonly model: Model<Stored>;

  constructor(connection: Connection) {
    this.model = connection.model<Stored>('JointFlow', flowSchema);
  }

  async find(tenant: string, itemSeriesId: string): Promise<JointFlow | null> {
    const doc = await this.model.findById(flowKey(tenant, itemSeriesId)).lean<Stored>();
    return doc ? toFlow(doc) : null;
  }

  /** Version 0: the first write inserts (a concurrent first write loses with ABORTED); later ones compare versions. */
  async save(next: JointFlow, expectedVersion: number): Promise<JointFlow> {
    const { configured: _c, version: _v, ...fields } = next;
    const id = flowKey(next.tenant, next.itemSeriesId);
    const stored: JointFlow = { ...next, configured: true, version: expectedVersion + 1 };
    if (expectedVersion === 0) {
      try {
        await this.model.collection.insertOne({ _id: id, ...fields, version: 1 } as never);
      } catch (e) {
        if (isDuplicateKeyError(e)) throw stale();
        throw e;
      }
      return stored;
    }
    const result = await this.model.updateOne(
      { _id: id, version: expectedVersion },
      { $set: { ...fields, version: expectedVersion + 1 } },
    );
    if (result.matchedCount === 0) throw stale();
    return stored;
  }

  async list(tenant: string, page: PageQuery): Promise<Page<JointFlow>> {
    const offset = decodePageToken(page.pageToken);
    const [docs, totalSize] = await Promise.all([
      this.model.find({ tenant }).sort({ itemName: 1, _id: 1 }).skip(offset).limit(page.pageSize).lean<Stored[]>(),
      this.model.countDocuments({ tenant }),
    ]);
    const end = offset + docs.length;
    return { items: docs.map(toFlow), nextPageToken: end < totalSize ? encodePageToken(end) : '', totalSize };
  }
}

function toFlow(doc: Stored): JointFlow {
  const { _id, ...flow } = doc;
  return { ...flow, configured: true };
}
