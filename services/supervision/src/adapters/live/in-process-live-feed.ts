import type { LiveFeed, LiveUpdate } from '../../usecases/clocks.ports';

/**
 * Fan-out of live updates to the WatchLive streams of this process. Supervision has one writer process per
 * database (ADR 0011), so every update of its clocks passes here. A listener that throws is dropped, not the feed.
 */
export class InProcessLiveFeed implements LiveFeed {
  private readonly listeners = new Set<(u: LiveUpdate) => void>();

  publish(update: LiveUpdate): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(update);
      } catch {
        this.listeners.delete(listener);
      }
    }
  }

  subscribe(listener: (u: LiveUpdate) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get watchers(): number {
    return this.listeners.size;
  }
}
