import { createHash } from 'node:crypto';

/**
 * The JSON Canonicalization Scheme (RFC 8785) of a JSON value: object members sorted by their names' UTF-16 code
 * units, no white space, strings and numbers as ECMAScript's JSON.stringify writes them (which is what RFC 8785
 * prescribes). `toJSON` is honoured (a Date becomes its ISO string), as JSON.stringify does. Values JSON cannot
 * hold (undefined at the top or in an array, a function, a symbol, a bigint, NaN or ±Infinity) are refused rather
 * than silently dropped or turned into null, so two different records never share a hash; object members whose
 * value is undefined are left out, as JSON.stringify leaves them.
 */
export function canonicalJson(value: unknown): string {
  return write(value, '$');
}

/** SHA-256, lower-case hex, of the canonical JSON of a value: the content hash printed on documents. */
export function sha256Hex(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex');
}

function write(value: unknown, path: string): string {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return write((value as { toJSON: () => unknown }).toJSON(), path);
  }
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`${path}: ${value} has no JSON form`);
      return JSON.stringify(value);
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) return `[${value.map((v, i) => write(v, `${path}[${i}]`)).join(',')}]`;
      const members = Object.keys(value)
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .sort()
        .map((k) => `${JSON.stringify(k)}:${write((value as Record<string, unknown>)[k], `${path}.${k}`)}`);
      return `{${members.join(',')}}`;
    }
    default:
      throw new TypeError(`${path}: a ${typeof value} has no JSON form`);
  }
}
