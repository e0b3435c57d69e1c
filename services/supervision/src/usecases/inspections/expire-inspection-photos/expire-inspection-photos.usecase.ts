import type { InspectionPhotoStore } from '../inspection.ports';

const DAY_MS = 86_400_000;

/**
 * Inspection photos are kept `retentionDays` after their upload, then deleted (whole days); a violation whose
 * evidence names an expired photo keeps the photo's id, and the photo answers NOT_FOUND. Answers how many went.
 */
export function expireInspectionPhotosUseCase(deps: {
  photos: Pick<InspectionPhotoStore, 'expire'>;
  retentionDays: number;
}) {
  return (now: Date): Promise<number> => deps.photos.expire(now, deps.retentionDays * DAY_MS);
}
