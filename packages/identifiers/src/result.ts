/** Why an identifier was rejected: a stable reason code and a message for people (Simplified Chinese). */
export type IdentifierViolation = {
  reason:
    | 'REQUIRED'
    | 'LENGTH'
    | 'ALPHABET'
    | 'BIRTH_DATE'
    | 'CHECK_CHARACTER'
    | 'REGION'
    | 'REGISTRATION_AUTHORITY'
    | 'ENTITY_TYPE'
    | 'ORGANIZATION_CODE_CHECK'
    | 'STRUCTURE'
    | 'LEVEL'
    | 'PARENT';
  message: string;
};

export type IdentifierResult<T> = { ok: true; value: T } | { ok: false; violation: IdentifierViolation };

export function ok<T>(value: T): IdentifierResult<T> {
  return { ok: true, value };
}

export function fail<T>(reason: IdentifierViolation['reason'], message: string): IdentifierResult<T> {
  return { ok: false, violation: { reason, message } };
}
