import { createHash } from 'node:crypto';
import { canonicalJson, sha256Hex } from './content-hash';

describe('canonicalJson / sha256Hex', () => {
  it('sorts members at every depth and writes no white space (RFC 8785)', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: '申请' } })).toBe(
      '{"a":{"c":"申请","d":[3,{"y":null,"z":true}]},"b":1}',
    );
    // Member names sorted by UTF-16 code units: 中 (4E2D) before 𠀀 (D840 DC00).
    expect(canonicalJson({ '\u{20000}': 1, 中: 2, a: 3 })).toBe('{"a":3,"中":2,"\u{20000}":1}');
    expect(canonicalJson({ n: 1e21, m: 0.1, k: -0 })).toBe('{"k":0,"m":0.1,"n":1e+21}');
  });

  it('gives the same hash whatever the key order, another for other content', () => {
    const a = sha256Hex({ name: '张三', items: ['a', 'b'], at: new Date('2026-03-02T00:00:00Z') });
    const b = sha256Hex({ at: '2026-03-02T00:00:00.000Z', items: ['a', 'b'], name: '张三' });
    expect(a).toBe(b);
    expect(a).toBe(
      createHash('sha256').update('{"at":"2026-03-02T00:00:00.000Z","items":["a","b"],"name":"张三"}').digest('hex'),
    );
    expect(sha256Hex({ name: '张三', items: ['b', 'a'] })).not.toBe(sha256Hex({ name: '张三', items: ['a', 'b'] }));
  });

  it('leaves out undefined members but refuses values JSON cannot hold', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
    expect(() => canonicalJson({ a: [undefined] })).toThrow('$.a[0]: a undefined has no JSON form');
    expect(() => canonicalJson({ a: NaN })).toThrow('$.a: NaN has no JSON form');
    expect(() => canonicalJson({ a: 1n })).toThrow('bigint');
  });
});
