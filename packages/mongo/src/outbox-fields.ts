/**
 * How an aggregate document stores its outbox: the pending messages in `outbox`, and `outboxPending: true` while
 * there is at least one. The relay finds pending documents by that top-level marker, which every store serves
 * from an index (MongoDB's, and on the local FerretDB/PostgreSQL store the GIN twin of it; a dotted path such as
 * `outbox.createdAt` is never pushed down there). Writers set the marker in the same write as the messages; only
 * the relay clears it, when it removes the last message it sent.
 */
export const OUTBOX_PENDING_FIELD = 'outboxPending';

/** The outbox fields of a new document carrying `messages`. */
export function outboxFields(messages: readonly unknown[]): Record<string, unknown> {
  return messages.length ? { outbox: [...messages], [OUTBOX_PENDING_FIELD]: true } : { outbox: [] };
}

/** `update` that also appends `messages` to the outbox and marks the document pending, in the same write. */
export function withOutbox(update: Record<string, unknown>, messages: readonly unknown[]): Record<string, unknown> {
  if (!messages.length) return update;
  const set = (update.$set as Record<string, unknown> | undefined) ?? {};
  const push = (update.$push as Record<string, unknown> | undefined) ?? {};
  return {
    ...update,
    $set: { ...set, [OUTBOX_PENDING_FIELD]: true },
    $push: { ...push, outbox: { $each: [...messages] } },
  };
}
