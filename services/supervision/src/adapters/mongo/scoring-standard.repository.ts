import { ConcurrencyError } from '@govhall/errors';
import { isDuplicateKeyError, type Connection, type Model, type mongoose } from '@govhall/mongo';
import type { ScoringStandard } from '../../domain/evaluation/scoring/scoring-standard';
import type { ScoringStandardStore } from '../../usecases/scoring/scoring.ports';
import { scoringStandardSchema } from './scoring-standard.schema';

type Doc = mongoose.InferSchemaType<typeof scoringStandardSchema>;

const STALE = '考核标准已被他人修改，请刷新后重试';

export class MongoScoringStandardStore implements ScoringStandardStore {
  readonly model: Model<Doc>;

  constructor(connection: Connection) {
    this.model = connection.model<Doc>('ScoringStandard', scoringStandardSchema);
  }

  async versions(tenant: string): Promise<ScoringStandard[]> {
    const docs = await this.model.collection.find({ tenant }).sort({ version: 1 }).toArray();
    return docs.map((d) => {
      const { _id, ...rest } = d as unknown as ScoringStandard & { _id: string };
      return { ...rest, updatedBy: rest.updatedBy ?? '' };
    });
  }

  /** Inserts `<tenant>/<expected + 1>` after checking the latest is `expected`; a racing save hits the key. */
  async save(standard: ScoringStandard, expectedVersion: number): Promise<ScoringStandard> {
    const latest = await this.model.collection.findOne({ tenant: standard.tenant }, { sort: { version: -1 } });
    if (((latest?.version as number | undefined) ?? 0) !== expectedVersion) throw new ConcurrencyError(STALE);
    const saved: ScoringStandard = { ...standard, version: expectedVersion + 1 };
    try {
      await this.model.collection.insertOne({ _id: `${standard.tenant}/${saved.version}` as never, ...saved });
    } catch (e) {
      if (isDuplicateKeyError(e)) throw new ConcurrencyError(STALE);
      throw e;
    }
    return saved;
  }
}
