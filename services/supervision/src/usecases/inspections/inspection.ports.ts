import type { ChecklistItem, Inspection } from '../../domain/inspections/inspection';
import type { InspectionPhoto } from '../../domain/inspections/inspection-photo';

export interface InspectionStore {
  /** Stores a new inspection; when `id` is stored already (a retried request) answers the stored one. */
  insertOrGet(inspection: Inspection): Promise<Inspection>;
  list(
    filter: { tenant: string; windowId?: string; fromDate?: string; toDate?: string },
    offset: number,
    limit: number,
  ): Promise<Inspection[]>;
}

export interface InspectionPhotoStore {
  save(photo: InspectionPhoto, content: Buffer): Promise<void>;
  /** The photos' records (without content) of those ids that exist. */
  find(ids: string[]): Promise<InspectionPhoto[]>;
  get(id: string): Promise<{ photo: InspectionPhoto; content: Buffer } | null>;
  /** Deletes the photos uploaded before `before` (whole UTC days); answers how many. */
  expire(now: Date, retentionMs: number): Promise<number>;
}

/** The daily-inspection checklist of a tenant: its own when it set one, else DEFAULT_CHECKLIST. */
export interface InspectionChecklists {
  forTenant(tenant: string): Promise<readonly ChecklistItem[]>;
}
