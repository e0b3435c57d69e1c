import type { Item } from '../../domain/item';
import type { ItemSearchIndex } from './item-search-index';

/** Where the index reads published items from (the database). */
export interface PublishedItemsSource {
  /** id → version of every published item. */
  publishedVersions(): Promise<Map<string, number>>;
  /** The items with these ids, whatever their status now. */
  findByIds(ids: readonly string[]): Promise<Item[]>;
}

interface Logger {
  warn(obj: object, msg: string): void;
}

/**
 * Keeps the in-process index equal to the database: a full load at start, then every `intervalMs` a cheap
 * comparison of (id, version) pairs that fetches only what changed. Replicas thus converge on what other
 * replicas published, superseded or retired within one interval; this process's own writes reach its index at
 * once through `index.upsert/remove`.
 */
export class SearchIndexRefresher {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private queued: Promise<void> | undefined;

  constructor(
    private readonly index: ItemSearchIndex,
    private readonly source: PublishedItemsSource,
    private readonly options: { intervalMs: number; logger: Logger },
  ) {}

  /**
   * One refresh now (the first one loads everything). A call while a refresh is in flight gets a new refresh
   * right after it (its snapshot may predate the caller's write); calls meanwhile share that one.
   */
  refresh(): Promise<void> {
    if (!this.running) {
      this.running = this.run().finally(() => (this.running = undefined));
      return this.running;
    }
    this.queued ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = undefined;
        return this.refresh();
      });
    return this.queued;
  }

  /** Loads the index, then refreshes it every interval; a failed refresh is logged and retried next time. */
  async start(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => {
      this.refresh().catch((err: unknown) => this.options.logger.warn({ err }, 'search index refresh failed'));
    }, this.options.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.queued?.catch(() => undefined);
    await this.running?.catch(() => undefined);
  }

  private async run(): Promise<void> {
    const mark = this.index.beginRefresh();
    const published = await this.source.publishedVersions();
    const changed = [...published].filter(([id, version]) => this.index.versionOf(id) !== version).map(([id]) => id);
    const fetched = changed.length ? await this.source.findByIds(changed) : [];
    this.index.reconcile(mark, published, fetched);
  }
}
