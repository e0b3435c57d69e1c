import type { Principal } from '@govhall/auth';
import { NotFoundError } from '@govhall/errors';
import { checkId, readable } from '../../violations/violation.access';
import type { InspectionPhotoStore } from '../inspection.ports';

/** An inspection photo, for readers of its tenant (and the tenants above); others are told it does not exist. */
export function getInspectionPhotoUseCase(deps: { photos: InspectionPhotoStore }) {
  return async (fileId: string, actor: Principal) => {
    checkId(fileId, 'fileId');
    const found = await deps.photos.get(fileId);
    const notFound = new NotFoundError('PHOTO_NOT_FOUND', '照片不存在');
    readable(actor, found?.photo ?? null, notFound);
    return found!;
  };
}
