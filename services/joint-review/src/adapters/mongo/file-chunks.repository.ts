import { FileChunks, type Connection, type Model } from '@govhall/mongo';
import type { EscalationFileStore, UpdateCursors } from '../../usecases/escalations/escalation.ports';
import { escalationCursorSchema } from './escalation.schema';

/** Escalation records' and attachments' bytes: the shared chunk store (@govhall/mongo), `file_chunks`. */
export class MongoFileChunks extends FileChunks implements EscalationFileStore {}

/** The parent's updates mirrored so far, per (parent, lower tenant). */
export class MongoUpdateCursors implements UpdateCursors {
  readonly model: Model<{ _id: string; sequence: number }>;

  constructor(connection: Connection) {
    this.model = connection.model<{ _id: string; sequence: number }>('EscalationCursor', escalationCursorSchema);
  }

  async get(targetTenant: string, sourceTenant: string): Promise<number> {
    const doc = await this.model.findById(`${targetTenant}>${sourceTenant}`).lean<{ sequence: number }>();
    return doc?.sequence ?? 0;
  }

  async set(targetTenant: string, sourceTenant: string, sequence: number): Promise<void> {
    await this.model.collection.updateOne(
      { _id: `${targetTenant}>${sourceTenant}` } as never,
      { $max: { sequence } } as never,
      { upsert: true },
    );
  }
}
