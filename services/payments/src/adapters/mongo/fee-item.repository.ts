import type { Principal } from '@govhall/auth';
import { ConflictError } from '@govhall/errors';
import {
  isDuplicateKeyError,
  mongoose,
  outboxFields,
  updateVersioned,
  withOutbox,
  type Connection,
  type Model,
} from '@govhall/mongo';
import { declareOutboxIndex, outboxSchemaFields } from '@govhall/kafka';
import type { FeeItem } from '../../domain/fee-items/fee-item';
import type { FeeItemRepository } from '../../usecases/ports';
import { toFeeItemOutbox } from '../kafka/notice-events';

/** Collection `fee_items`: the tenants' fee registers, `_id` "<tenant>:<code>", with the outbox. */
const feeItemSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    tenant: { type: String, required: true },
    code: { type: String, required: true },
    name: { type: String, required: true },
    legalBasis: { type: String, required: true },
    category: { type: String, required: true },
    department: { type: String, required: true },
    collectingUnitCode: { type: String, required: true },
    revenueCode: { type: String, required: true },
    standardFen: { type: Number, required: true },
    unit: { type: String, default: '' },
    formula: { type: String, default: '' },
    active: { type: Boolean, required: true },
    version: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
    updatedBy: { type: String, required: true },
    ...outboxSchemaFields,
  },
  { collection: 'fee_items', versionKey: false, minimize: false },
);
// ListFeeItems: a tenant's register by code.
feeItemSchema.index({ tenant: 1, code: 1 });
declareOutboxIndex(feeItemSchema);

type FeeItemDocument = mongoose.InferSchemaType<typeof feeItemSchema>;
const PROJECTION = { _id: 0, outbox: 0, outboxLease: 0, outboxPending: 0 } as const;

export class MongoFeeItems implements FeeItemRepository {
  readonly model: Model<FeeItemDocument>;

  constructor(connection: Connection) {
    this.model = connection.model<FeeItemDocument>('FeeItem', feeItemSchema);
  }

  async list(tenant: string, includeRetired: boolean): Promise<FeeItem[]> {
    const items = await this.model.find({ tenant }, PROJECTION).sort({ code: 1 }).lean<FeeItem[]>();
    return includeRetired ? items : items.filter((i) => i.active);
  }

  async byCodes(tenant: string, codes: readonly string[]): Promise<FeeItem[]> {
    return this.model
      .find({ _id: { $in: [...new Set(codes)].map((c) => `${tenant}:${c}`) } }, PROJECTION)
      .lean<FeeItem[]>();
  }

  async put(item: FeeItem, expectedVersion: number, actor: Principal): Promise<FeeItem> {
    const id = `${item.tenant}:${item.code}`;
    if (expectedVersion === 0) {
      const outbox = outboxFields(toFeeItemOutbox(item, actor));
      try {
        await this.model.collection.insertOne({ _id: id, ...item, ...outbox } as never);
        return item;
      } catch (e) {
        if (isDuplicateKeyError(e)) throw new ConflictError('FEE_CODE_TAKEN', `收费项目编码 ${item.code} 已存在`);
        throw e;
      }
    }
    const { version: _version, ...fields } = item;
    await updateVersioned(this.model, id, expectedVersion, withOutbox({ $set: fields }, toFeeItemOutbox(item, actor)));
    return item;
  }
}
