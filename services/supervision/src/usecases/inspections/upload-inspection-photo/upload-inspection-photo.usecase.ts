import { createHash, randomUUID } from 'node:crypto';
import type { Principal } from '@govhall/auth';
import { sniffFileType } from '@govhall/content';
import { ValidationError } from '@govhall/errors';
import { MAX_PHOTO_BYTES, PHOTO_TYPES, type InspectionPhoto } from '../../../domain/inspections/inspection-photo';
import { listedTenant, requireHandler } from '../../violations/violation.access';
import type { Clock } from '../../violations/violation.ports';
import type { InspectionPhotoStore } from '../inspection.ports';

const invalid = (path: string, reason: string, message: string) => new ValidationError([{ path, reason, message }]);

/** A supervisor of the tenant stores an inspection photo: JPEG or PNG by its content, at most 5 MiB. */
export function uploadInspectionPhotoUseCase(deps: { photos: InspectionPhotoStore; clock: Clock }) {
  return async (
    cmd: { tenant: string; fileName: string; contentType: string; content: Buffer },
    actor: Principal,
  ): Promise<InspectionPhoto> => {
    const tenant = listedTenant(actor, cmd.tenant);
    requireHandler(actor, tenant);
    const name = cmd.fileName.trim();
    if (!name || name.length > 200 || /[\\/]/.test(name)) {
      throw invalid('fileName', 'PATTERN', '请提供照片的文件名（不含路径，200字以内）');
    }
    if (cmd.content.length === 0) throw invalid('content', 'REQUIRED', '照片内容为空');
    if (cmd.content.length > MAX_PHOTO_BYTES) throw invalid('content', 'TOO_LARGE', '照片不能超过5MB');
    const sniffed = sniffFileType(cmd.content)?.contentType;
    if (!sniffed || !PHOTO_TYPES.includes(sniffed)) {
      throw invalid('content', 'FILE_TYPE', '只能上传JPEG或PNG格式的照片（按文件内容判断）');
    }
    const photo: InspectionPhoto = {
      id: randomUUID(),
      tenant,
      fileName: name,
      contentType: sniffed,
      size: cmd.content.length,
      sha256: createHash('sha256').update(cmd.content).digest('hex'),
      uploadedBy: actor.username,
      uploadedAt: deps.clock.now(),
    };
    await deps.photos.save(photo, cmd.content);
    return photo;
  };
}
