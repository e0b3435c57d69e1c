// Copied from services/identity/src/usecases/paging.ts (services share no code but packages/).
import { ValidationError } from '@govhall/errors';

/** Page sizes: 0/absent means 20, at most 100. */
export function pageSize(requested: number | undefined): number {
  if (requested === undefined || requested === 0) return 20;
  if (!Number.isInteger(requested) || requested < 0 || requested > 100) {
    throw new ValidationError([{ path: 'page.pageSize', reason: 'RANGE', message: '每页条数应为1至100' }]);
  }
  return requested;
}

/** Page tokens are opaque to clients: base64url of the offset. */
export function encodePageToken(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

export function decodePageToken(token: string | undefined): number {
  if (!token) return 0;
  const match = /^o:(\d{1,9})$/.exec(Buffer.from(token, 'base64url').toString());
  if (!match) throw new ValidationError([{ path: 'page.pageToken', reason: 'INVALID', message: '分页标记无效' }]);
  return Number(match[1]);
}
