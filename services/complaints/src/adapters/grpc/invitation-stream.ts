import type { RatingInvitation } from '../../domain/ratings/invitation';

type Watch = (send: (invitation: RatingInvitation | null) => void) => () => void;

/**
 * A device's watch as an async iterable for the server stream: what `watch` sends, in order, until `signal` aborts
 * (the device went away, or the server shuts down). A refusal by `watch` is thrown before anything is yielded.
 */
export async function* invitationsOf(watch: Watch, signal: AbortSignal): AsyncGenerator<RatingInvitation | null> {
  const queue: (RatingInvitation | null)[] = [];
  let wake: (() => void) | undefined;
  const unwatch = watch((invitation) => {
    queue.push(invitation);
    wake?.();
  });
  const aborted = new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
  try {
    while (!signal.aborted) {
      const next = queue.shift();
      if (next !== undefined) {
        yield next;
        continue;
      }
      await Promise.race([new Promise<void>((resolve) => (wake = resolve)), aborted]);
      wake = undefined;
    }
  } finally {
    unwatch();
  }
}
