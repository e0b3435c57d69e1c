/** How long after the gateway starts listening an event-loop lag is taken for its own start-up, not for load. */
export const STARTUP_GRACE_MS = 3_000;

/**
 * Whether a pressure @fastify/under-pressure reports should shed the request. Its event-loop samples (one a second)
 * right after start-up measure the gateway's own start — every route's schemas compiled in `ready()` — so on a busy
 * machine the first requests of a freshly started gateway were answered 503 OVERLOADED; they are let through until
 * `STARTUP_GRACE_MS` after listening. Heap pressure always counts. `listeningAt` 0: not listening (inject).
 */
export function shedsLoad(type: string, listeningAt: number, now: number): boolean {
  if (type !== 'eventLoopDelay') return true;
  return listeningAt > 0 && now - listeningAt >= STARTUP_GRACE_MS;
}
