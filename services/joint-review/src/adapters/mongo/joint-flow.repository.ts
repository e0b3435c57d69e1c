import { mongoose, type Connection, type Model } from '@govhall/mongo';
import type { JointFlow } from '../../domain/reviews/joint-flow';
import type { FlowSource } from '../../usecases/ports';

/**
 * Collection `joint_flows`: an item's joint flow (J13) per tenant and item series, `_id` = "<tenant>:<series id>",
 * read by `_id` only.
 */
const flowSchema = new mongoose.Schema(
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

type Stored = Omit<JointFlow, 'configured'> & { _id: string };

export const flowKey = (tenant: string, itemSeriesId: string): string => `${tenant}:${itemSeriesId}`;

export class MongoJointFlows implements FlowSource {
  readonly model: Model<Stored>;

  constructor(connection: Connection) {
    this.model = connection.model<Stored>('JointFlow', flowSchema);
  }

  async find(tenant: string, itemSeriesId: string): Promise<JointFlow | null> {
    const doc = await this.model.findById(flowKey(tenant, itemSeriesId)).lean<Stored>();
    if (!doc) return null;
    const { _id, ...flow } = doc;
    return { ...flow, configured: true };
  }
}
