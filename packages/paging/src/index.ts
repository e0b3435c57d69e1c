import { ValidationError } from '@govhall/errors';

/** Page size limits of a list RPC: `pageSize` 0 or absent means `defaultSize`. */
export interface PageLimits {
  max: number;
  defaultSize?: number;
}

/** The page size a request asks for, within `limits` (20 by default, at most 100). Out of range: ValidationError at `page.pageSize`. */
export function pageSize(requested: number | undefined, limits: PageLimits = { max: 100 }): number {
  if (requested === undefined || requested === 0) return limits.defaultSize ?? 20;
  if (!Number.isInteger(requested) || requested < 0 || requested > limits.max) {
    throw new ValidationError([{ path: 'page.pageSize', reason: 'RANGE', message: `每页条数应为1至${limits.max}` }]);
  }
  return requested;
}

/** Page tokens are opaque to clients: base64url of the offset. */
export function encodePageToken(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

/** The offset a page token stands for (0 without a token). A token not made by encodePageToken: ValidationError at `page.pageToken`. */
export function decodePageToken(token: string | undefined): number {
  if (!token) return 0;
  const match = /^o:(\d{1,9})$/.exec(Buffer.from(token, 'base64url').toString());
  if (!match) throw new ValidationError([{ path: 'page.pageToken', reason: 'INVALID', message: '分页标记无效' }]);
  return Number(match[1]);
}
