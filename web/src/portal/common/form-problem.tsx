/** A fresh idempotency key (8–64 of A-Za-z0-9_-) for one create or submit. */
export function idempotencyKey(prefix: string): string {
  // getRandomValues works on plain http too (randomUUID needs a secure context).
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `${prefix}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** A link inside running text: underlined, so it is not told apart by colour alone (axe link-in-text-block). */
export const IN_TEXT_LINK = { textDecoration: 'underline' } as const;
