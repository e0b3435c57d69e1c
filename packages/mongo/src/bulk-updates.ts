import type { AnyBulkWriteOperation, Document } from 'mongodb';

/**
 * How many update or replace statements one `bulkWrite` command carries, and how many such commands run at once.
 *
 * Why so few: FerretDB 1.24 (the local and CI database, PostgreSQL handler) holds one PostgreSQL connection per
 * statement of an `update` command until the whole command ends. A bulk of 500 upserts took 157 connections of
 * the 250-connection pool; two of them at once exhausted it, every command waiting for a connection held by
 * another, and FerretDB stopped answering altogether (goroutine dump of 2026-12-04, ADR 0050). Ten statements per
 * command and four commands at a time keep one writer under 40 connections. MongoDB has no such limit; there the
 * chunks only cost a few round trips more.
 */
export const UPDATE_STATEMENTS_PER_COMMAND = 10;
const COMMANDS_AT_ONCE = 4;

/** Writes the update/replace operations in small unordered commands (see UPDATE_STATEMENTS_PER_COMMAND). */
export async function bulkUpdate<T extends Document>(
  collection: { bulkWrite(ops: AnyBulkWriteOperation<T>[], options: { ordered: false }): Promise<unknown> },
  operations: readonly AnyBulkWriteOperation<T>[],
): Promise<void> {
  const chunks: AnyBulkWriteOperation<T>[][] = [];
  for (let i = 0; i < operations.length; i += UPDATE_STATEMENTS_PER_COMMAND)
    chunks.push(operations.slice(i, i + UPDATE_STATEMENTS_PER_COMMAND));
  for (let i = 0; i < chunks.length; i += COMMANDS_AT_ONCE)
    await Promise.all(chunks.slice(i, i + COMMANDS_AT_ONCE).map((c) => collection.bulkWrite(c, { ordered: false })));
}
