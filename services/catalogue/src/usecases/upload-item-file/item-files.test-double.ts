import type { ItemFile, ItemFileRepository } from '../public.ports';

/** Item files in memory, with the repository's dedupe of (tenant, sha256, fileName, contentType). */
export class InMemoryItemFiles implements ItemFileRepository {
  readonly stored = new Map<string, { file: ItemFile; content: Buffer }>();

  async insert(file: ItemFile, content: Buffer) {
    const same = [...this.stored.values()].find(
      (s) =>
        s.file.tenant === file.tenant &&
        s.file.sha256 === file.sha256 &&
        s.file.fileName === file.fileName &&
        s.file.contentType === file.contentType,
    );
    if (same) return { file: same.file, created: false };
    this.stored.set(file.id, { file, content: Buffer.from(content) });
    return { file, created: true };
  }

  async findById(id: string) {
    return this.stored.get(id) ?? null;
  }
}
