import { isDuplicateKeyError, type Connection, type Model } from '@govhall/mongo';
import type { DisplayNameEntry } from '../../domain/evaluation/display-names';
import type { DisplayNameStore } from '../../usecases/evaluation/evaluation.ports';
import { displayNameSchema } from './display-name.schema';

export class MongoDisplayNameStore implements DisplayNameStore {
  readonly model: Model<any>;

  constructor(connection: Connection) {
    this.model = connection.model('DisplayName', displayNameSchema);
  }

  async put(e: DisplayNameEntry): Promise<void> {
    const _id = `${e.kind}:${e.code}`;
    const fields = { tenant: e.tenant, kind: e.kind, code: e.code, name: e.name, version: e.version };
    // One write: an older version (or none) is replaced; when a later version is stored the filter misses and the
    // upsert's insert meets the stored _id (a redelivered or out-of-order older event changes nothing).
    try {
      await this.model.collection.updateOne(
        { _id, version: { $lt: e.version } } as never,
        { $set: fields },
        { upsert: true },
      );
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
  }

  async ofTenant(tenant: string): Promise<DisplayNameEntry[]> {
    const docs = await this.model.collection.find({ tenant }).toArray();
    return docs.map((d) => ({
      tenant: d.tenant,
      kind: d.kind,
      code: d.code,
      name: d.name,
      version: d.version,
    }));
  }
}
