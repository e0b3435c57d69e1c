import { isDuplicateKeyError, mongoose, type Connection, type Model } from '@govhall/mongo';
import type { Task } from '../../domain/tasks/task';
import type { SystemRequests } from '../../usecases/ports';
import { compact } from './joint-review.repository';

/**
 * Collection `system_requests`: the first result of a department system's idempotent write, `_id` =
 * "<account>:<request id>" (account "service:<client id>"), read by `_id` only.
 */
const requestSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    taskId: { type: String, required: true },
    task: { type: mongoose.Schema.Types.Mixed, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'system_requests', versionKey: false, minimize: false },
);

interface Stored {
  _id: string;
  taskId: string;
  task: Task;
  at: Date;
}

const requestKey = (account: string, requestId: string): string => `${account}:${requestId}`;

export class MongoSystemRequests implements SystemRequests {
  readonly model: Model<Stored>;

  constructor(connection: Connection) {
    this.model = connection.model<Stored>('SystemRequest', requestSchema);
  }

  async find(account: string, requestId: string): Promise<{ taskId: string; task: Task } | null> {
    const doc = await this.model.findById(requestKey(account, requestId)).lean<Stored>();
    return doc ? { taskId: doc.taskId, task: doc.task } : null;
  }

  async record(account: string, requestId: string, result: { taskId: string; task: Task }, at: Date): Promise<void> {
    const task = compact(result.task);
    try {
      await this.model.collection.insertOne({
        _id: requestKey(account, requestId),
        taskId: result.taskId,
        task,
        at,
      } as never);
    } catch (e) {
      if (!isDuplicateKeyError(e)) throw e;
    }
  }
}
