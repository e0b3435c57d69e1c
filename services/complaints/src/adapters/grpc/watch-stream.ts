/**
 * A watch as an async iterable for a server stream: what it sends, in order, until it ends (`end`) or `signal`
 * aborts (the caller went away, or the server shuts down). A refusal by `watch` is thrown before anything is
 * yielded. `watch` answers its unwatch, called when the stream is over either way.
 */
export async function* watchedValues<T>(
  watch: (send: (value: T) => void, end: () => void) => (() => void) | Promise<() => void>,
  signal: AbortSignal,
): AsyncGenerator<T> {
  const queue: T[] = [];
  let ended = false;
  let wake: (() => void) | undefined;
  const unwatch = await watch(
    (value) => {
      queue.push(value);
      wake?.();
    },
    () => {
      ended = true;
      wake?.();
    },
  );
  const aborted = new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
  try {
    while (!signal.aborted) {
      if (queue.length > 0) {
        yield queue.shift()!;
        continue;
      }
      if (ended) return;
      await Promise.race([new Promise<void>((resolve) => (wake = resolve)), aborted]);
      wake = undefined;
    }
  } finally {
    unwatch();
  }
}
