import type { Principal } from '@govhall/auth';
import { chinaDate } from '@govhall/identifiers';
import { decodePageToken, encodePageToken, pageSize } from '@govhall/paging';
import type { Rectification } from '../../../domain/rectifications/rectification';
import type { Clock } from '../../ports';
import type { RectificationRepository } from '../ports';
import { listFilterFor, type RectificationListRequest } from '../rectification-access';

/** The rectifications the caller may read (rectification-access.ts), open ones first by deadline, a page at a time. */
export function listRectificationsUseCase(deps: { rectifications: RectificationRepository; clock: Clock }) {
  return async (
    request: RectificationListRequest & { pageSize?: number; pageToken?: string },
    actor: Principal,
  ): Promise<{ rectifications: Rectification[]; total: number; nextPageToken: string }> => {
    const filter = listFilterFor(actor, request, chinaDate(deps.clock.now()));
    const size = pageSize(request.pageSize, { max: 100, defaultSize: 20 });
    const offset = decodePageToken(request.pageToken);
    const { items, total } = await deps.rectifications.list(filter, offset, size);
    const next = offset + items.length;
    return { rectifications: items, total, nextPageToken: next < total ? encodePageToken(next) : '' };
  };
}
