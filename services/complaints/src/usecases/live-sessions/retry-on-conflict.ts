import { ConcurrencyError } from '@govhall/errors';

/**
 * Reads, changes and saves a session, again on a concurrent write (the asker and the staff typing at once): up to
 * `attempts` times, then the ConcurrencyError goes to the caller.
 */
export async function retryOnConflict<T>(attempt: () => Promise<T>, attempts = 4): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (err) {
      if (!(err instanceof ConcurrencyError) || i >= attempts) throw err;
    }
  }
}
