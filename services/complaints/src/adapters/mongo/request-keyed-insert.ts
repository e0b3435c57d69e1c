import { ConcurrencyError } from '@govhall/errors';
import { definedFields, insertNew, outboxFields, type Model } from '@govhall/mongo';
import type { OutboxMessage } from '@govhall/kafka';

/**
 * Inserts a new aggregate (`_id` its id; its fields, query copies and outbox) under a unique request key of its
 * tenant. When a retry with the same key raced the first and lost, the one stored first is answered instead
 * (`stored`); neither stored is a concurrency error.
 */
export async function insertUnderRequestKey<A extends { id: string }>(
  model: Model<any>,
  aggregate: A,
  extra: { queryCopies: Record<string, unknown>; outbox: OutboxMessage[] },
  stored: () => Promise<A | null>,
): Promise<A> {
  const { id, ...fields } = aggregate;
  const inserted = await insertNew(model, {
    _id: id,
    ...definedFields(fields),
    ...extra.queryCopies,
    ...outboxFields(extra.outbox),
  });
  if (inserted) return aggregate;
  const first = await stored();
  if (!first) throw new ConcurrencyError();
  return first;
}
