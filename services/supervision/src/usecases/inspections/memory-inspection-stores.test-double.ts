import type { Inspection } from '../../domain/inspections/inspection';
import { DEFAULT_CHECKLIST } from '../../domain/inspections/inspection';
import type { InspectionPhoto } from '../../domain/inspections/inspection-photo';
import type { InspectionChecklists, InspectionPhotoStore, InspectionStore } from './inspection.ports';

/** In-memory inspection stores for unit tests (the contracts of the Mongo ones). */
export class MemoryInspectionStore implements InspectionStore {
  readonly stored = new Map<string, Inspection>();
  async insertOrGet(i: Inspection) {
    const existing = this.stored.get(i.id);
    if (existing) return existing;
    this.stored.set(i.id, i);
    return i;
  }
  async list(
    f: { tenant: string; windowId?: string; fromDate?: string; toDate?: string },
    offset: number,
    limit: number,
  ) {
    return [...this.stored.values()]
      .filter((i) => i.tenant === f.tenant && (!f.windowId || i.windowId === f.windowId))
      .filter((i) => (!f.fromDate || i.date >= f.fromDate) && (!f.toDate || i.date <= f.toDate))
      .sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id))
      .slice(offset, offset + limit);
  }
}

export class MemoryPhotoStore implements InspectionPhotoStore {
  readonly stored = new Map<string, { photo: InspectionPhoto; content: Buffer }>();
  async save(photo: InspectionPhoto, content: Buffer) {
    this.stored.set(photo.id, { photo, content });
  }
  async find(ids: string[]) {
    return ids.flatMap((id) => (this.stored.has(id) ? [this.stored.get(id)!.photo] : []));
  }
  async get(id: string) {
    return this.stored.get(id) ?? null;
  }
  async expire(now: Date, retentionMs: number) {
    const cutoff = new Date(now.getTime() - retentionMs).toISOString().slice(0, 10);
    const old = [...this.stored.values()].filter((p) => p.photo.uploadedAt.toISOString().slice(0, 10) < cutoff);
    for (const p of old) this.stored.delete(p.photo.id);
    return old.length;
  }
}

export const defaultChecklists: InspectionChecklists = { forTenant: async () => DEFAULT_CHECKLIST };
