import { isDuplicateKeyError, mongoose, type Connection, type Model } from '@govhall/mongo';
import type { Task } from '../../domain/tasks/task';
import type { TaskChange, TaskChangeKind } from '../../domain/tasks/task-change';
import type { TaskChangeLog } from '../../usecases/ports';
import { compact } from './joint-review.repository';

/**
 * Collection `task_changes`: each (tenant, department)'s task changes, `_id` = the event id they come from, `key` =
 * "<tenant>|<department>", `sequence` increasing per key (from `task_change_counters`, `_id` = key). Written by
 * the outbox relay before it sends the review's events (TaskChangeRecorder), so a change is recorded once its
 * review write is stored, in the order the relay sends; a resent batch is skipped by event id.
 */
export const changeSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    key: { type: String, required: true },
    sequence: { type: Number, required: true },
    change: { type: String, required: true },
    task: { type: mongoose.Schema.Types.Mixed, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'task_changes', versionKey: false, minimize: false },
);
// Serves after / find / latest: one department's changes by sequence.
changeSchema.index({ key: 1, sequence: 1 });

export const counterSchema = new mongoose.Schema(
  { _id: { type: String, required: true }, sequence: { type: Number, required: true } },
  { collection: 'task_change_counters', versionKey: false },
);

interface StoredChange {
  _id: string;
  key: string;
  sequence: number;
  change: TaskChangeKind;
  task: Task;
  at: Date;
}

/** A change as the recorder hands it over: the event it comes from, what changed, the task after it. */
export interface RecordedChange {
  eventId: string;
  change: TaskChangeKind;
  task: Task;
  at: Date;
}

const keyOf = (tenant: string, department: string): string => `${tenant}|${department}`;
const toChange = (d: StoredChange): TaskChange => ({ sequence: d.sequence, change: d.change, task: d.task, at: d.at });

export class MongoTaskChanges implements TaskChangeLog {
  readonly model: Model<StoredChange>;
  readonly counters: Model<{ _id: string; sequence: number }>;

  constructor(connection: Connection) {
    this.model = connection.model<StoredChange>('TaskChange', changeSchema);
    this.counters = connection.model<{ _id: string; sequence: number }>('TaskChangeCounter', counterSchema);
  }

  /** Appends the changes in order, each once (by event id). */
  async append(changes: RecordedChange[]): Promise<void> {
    for (const c of changes) {
      if (await this.model.exists({ _id: c.eventId })) continue;
      const key = keyOf(c.task.tenant, c.task.department);
      const counter = await this.counters
        .findOneAndUpdate({ _id: key }, { $inc: { sequence: 1 } }, { upsert: true, returnDocument: 'after' })
        .lean<{ sequence: number }>();
      if (!counter) throw new Error(`no task change counter for ${key}`);
      const doc = {
        _id: c.eventId,
        key,
        sequence: counter.sequence,
        change: c.change,
        task: compact(c.task),
        at: c.at,
      };
      try {
        await this.model.collection.insertOne(doc as never);
      } catch (e) {
        if (!isDuplicateKeyError(e)) throw e;
      }
    }
  }

  async after(tenant: string, department: string, sequence: number, limit: number): Promise<TaskChange[]> {
    const docs = await this.model
      .find({ key: keyOf(tenant, department), sequence: { $gt: sequence } })
      .sort({ sequence: 1 })
      .limit(limit)
      .lean<StoredChange[]>();
    return docs.map(toChange);
  }

  async find(tenant: string, department: string, sequence: number): Promise<TaskChange | null> {
    const doc = await this.model.findOne({ key: keyOf(tenant, department), sequence }).lean<StoredChange>();
    return doc ? toChange(doc) : null;
  }

  async latest(tenant: string, department: string): Promise<number> {
    const [doc] = await this.model
      .find({ key: keyOf(tenant, department) })
      .sort({ sequence: -1 })
      .limit(1)
      .lean<StoredChange[]>();
    return doc?.sequence ?? 0;
  }
}
