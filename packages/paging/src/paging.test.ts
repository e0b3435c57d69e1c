import { ValidationError } from '@govhall/errors';
import { decodePageToken, encodePageToken, pageSize } from './index';

function violationsOf(work: () => unknown) {
  try {
    work();
  } catch (e) {
    if (e instanceof ValidationError) return e.violations;
    throw e;
  }
  throw new Error('accepted');
}

describe('paging', () => {
  it('defaults the page size and keeps it within the limit', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(0)).toBe(20);
    expect(pageSize(100)).toBe(100);
    expect(pageSize(50, { max: 50 })).toBe(50);
    expect(violationsOf(() => pageSize(51, { max: 50 }))).toEqual([
      { path: 'page.pageSize', reason: 'RANGE', message: '每页条数应为1至50' },
    ]);
    for (const bad of [101, -1, 2.5]) {
      expect(() => pageSize(bad)).toThrow(ValidationError);
    }
  });

  it('round-trips offsets through opaque tokens and refuses forged ones', () => {
    expect(decodePageToken(undefined)).toBe(0);
    expect(decodePageToken(encodePageToken(40))).toBe(40);
    expect(encodePageToken(40)).not.toContain('40');
    expect(violationsOf(() => decodePageToken('not-a-token'))).toEqual([
      { path: 'page.pageToken', reason: 'INVALID', message: '分页标记无效' },
    ]);
  });
});
