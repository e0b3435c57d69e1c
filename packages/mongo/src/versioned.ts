import { ConcurrencyError } from '@govhall/errors';
import type { Model } from 'mongoose';
import { documentKey, documentLocks } from './document-lock';
import { definedFields } from './entities';
import { withOutbox } from './outbox-fields';

/**
 * Optimistic concurrency: applies `update` only if the document still has `expectedVersion`, and bumps the
 * version in the same single-document write. Throws ConcurrencyError when someone else changed it first.
 * Every read-modify-write of an aggregate document goes through here (or documentLocks), see DocumentLocks.
 */
export async function updateVersioned(
  model: Model<any>,
  id: string,
  expectedVersion: number,
  update: Record<string, unknown>,
): Promise<void> {
  const inc = (update.$inc as Record<string, number> | undefined) ?? {};
  const result = await documentLocks.run(documentKey(model.collection.collectionName, id), () =>
    model.updateOne({ _id: id, version: expectedVersion }, { ...update, $inc: { ...inc, version: 1 } }),
  );
  if (result.matchedCount === 0) throw new ConcurrencyError();
}

/**
 * The update that saves an entity's new state: its fields that have a value (`id` and `version` aside), the
 * `clearable` fields it no longer has removed, and the outbox messages of its events appended (see withOutbox).
 */
export function entityUpdate<T extends { id: string; version: number }>(
  entity: T,
  outbox: readonly unknown[],
  clearable: readonly (keyof T & string)[] = [],
): Record<string, unknown> {
  const { id: _id, version: _version, ...fields } = entity;
  const unset = clearable.filter((k) => entity[k] === undefined);
  return withOutbox(
    {
      $set: definedFields(fields),
      ...(unset.length ? { $unset: Object.fromEntries(unset.map((k) => [k, ''])) } : {}),
    },
    outbox,
  );
}

/** Saves an entity's new state and its outbox messages in one versioned write (see entityUpdate, updateVersioned). */
export async function saveVersioned<T extends { id: string; version: number }>(
  model: Model<any>,
  entity: T,
  expectedVersion: number,
  outbox: readonly unknown[],
  clearable: readonly (keyof T & string)[] = [],
): Promise<void> {
  await updateVersioned(model, entity.id, expectedVersion, entityUpdate(entity, outbox, clearable));
}
