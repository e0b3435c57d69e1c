import { mongoose, type Connection, type Model, toBuffer } from '@govhall/mongo';
import type { CaseFile } from '../../domain/case';
import type { CaseFiles } from '../../usecases/ports';

/**
 * Collection `case_files`: the content of each material file (BSON binary, at most 4 MiB — MAX_CASE_FILE_BYTES; a
 * BSON document holds 16 MiB), apart from the case so reading a case never loads its files. Read by `_id` and
 * checked against the case asked about; no other index is needed.
 */
const caseFileSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    caseId: { type: String, required: true },
    file: { type: mongoose.Schema.Types.Mixed, required: true },
    content: { type: Buffer, required: true },
  },
  { collection: 'case_files', versionKey: false },
);

export class MongoCaseFiles implements CaseFiles {
  readonly model: Model<any>;

  constructor(connection: Connection) {
    this.model = connection.model('CaseFile', caseFileSchema);
  }

  async put(caseId: string, file: CaseFile, content: Buffer): Promise<void> {
    await this.model.collection.insertOne({ _id: file.id, caseId, file, content } as never);
  }

  async get(caseId: string, fileId: string): Promise<{ file: CaseFile; content: Buffer } | null> {
    const doc = await this.model.findById(fileId).lean<{ caseId: string; file: CaseFile; content: unknown }>();
    if (!doc || doc.caseId !== caseId) return null;
    return { file: doc.file, content: toBuffer(doc.content) };
  }
}
