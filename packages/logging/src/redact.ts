import { ID_NUMBER_IN_TEXT, MOBILE_IN_TEXT, maskIdNumber, maskPhone } from '@govhall/identifiers';

/** What a redacted value is replaced by. */
export const REDACTED = '[redacted]';

/**
 * Fragments of field names whose values never reach a log line, compared against the name lower-cased with `_` and
 * `-` removed, at any depth: `idNumber`, `id_number`, `legalRepresentativeIdNumber`, `phone`, `phones`, `mobile`,
 * `authorization`, `access_token`, `refresh_token`, `id_token`, `token`, `clientSecret`, `client_secret`,
 * `password`, `initialPassword`, `cookie`, `apiKey`.
 */
export const SENSITIVE_KEY_FRAGMENTS = [
  'idnumber',
  'idcard',
  'phone',
  'mobile',
  'password',
  'passwd',
  'secret',
  'token',
  'authorization',
  'cookie',
  'apikey',
] as const;

const SENSITIVE_KEY = new RegExp(SENSITIVE_KEY_FRAGMENTS.join('|'));
const keyVerdicts = new Map<string, boolean>();

/** Whether a field of this name is redacted (memoised: log objects reuse a small set of names). */
export function isSensitiveKey(key: string): boolean {
  let verdict = keyVerdicts.get(key);
  if (verdict === undefined) {
    verdict = SENSITIVE_KEY.test(key.toLowerCase().replace(/[_-]/g, ''));
    if (keyVerdicts.size < 10_000) keyVerdicts.set(key, verdict);
  }
  return verdict;
}

const MAX_DEPTH = 8;

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * A copy of a log object whose sensitive fields (isSensitiveKey) are replaced by REDACTED at any depth. Only plain
 * objects and arrays are walked (errors, requests, buffers are left to their serializers and to maskLogLine); an
 * object without a sensitive field is returned as it is, so the common case allocates nothing.
 */
export function redactKeys<T>(value: T, depth = 0): T {
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return value;
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i += 1) {
      const next = redactKeys(value[i] as unknown, depth + 1);
      if (next !== value[i]) (out ??= value.slice())[i] = next;
    }
    return (out ?? value) as T;
  }
  if (!isPlainObject(value)) return value;
  let out: Record<string, unknown> | undefined;
  for (const key in value) {
    const current = value[key];
    const next = current !== undefined && isSensitiveKey(key) ? REDACTED : redactKeys(current, depth + 1);
    if (next !== current) (out ??= { ...value })[key] = next;
  }
  return (out ?? value) as T;
}

// One pass over the finished JSON line. Alternatives, in order: a resident ID number (18 characters, GB 11643
// shape, not part of a longer digit run); a mobile number (11 digits, not inside a word or a longer number; a JSON
// escape such as \n before it still counts as a boundary); a JWT; what follows "Bearer".
const LINE_PATTERN = new RegExp(
  [
    `(${ID_NUMBER_IN_TEXT})`,
    `(${MOBILE_IN_TEXT})`,
    String.raw`(eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*)`,
    String.raw`(?<=\b[Bb][Ee][Aa][Rr][Ee][Rr]\s+)(?!\[redacted)([A-Za-z0-9._~+/=-]{8,})`,
  ].join('|'),
  'g',
);

function replaceMatch(match: string, id?: string, mobile?: string, jwt?: string): string {
  if (id) return maskIdNumber(id);
  if (mobile) return maskPhone(mobile);
  if (jwt) return REDACTED;
  return REDACTED;
}

/**
 * Masks, in a finished log line, every resident ID number (6203**********123X) and mobile number (139****5678)
 * and removes every JWT and bearer credential, wherever they are: message text, error messages and stacks, fields
 * of unknown names, output of serializers. The backstop behind redactKeys.
 */
export function maskLogLine(line: string): string {
  // Most lines hold none of these; a cheap scan first halves the cost of those that do not.
  return MAYBE.test(line) ? line.replace(LINE_PATTERN, replaceMatch) : line;
}

const MAYBE = /\d{11}|eyJ|[Bb][Ee][Aa][Rr][Ee][Rr]/;
