import type { Item } from '../../domain/item';
import { foodBusinessLicence, testId } from '../../usecases/get-published-item/published-item.test-double';
import { ItemSearchIndex } from './item-search-index';
import { SearchIndexRefresher, type PublishedItemsSource } from './search-index-refresher';

/** A database stand-in: items by id, whatever their status. */
class FakeSource implements PublishedItemsSource {
  readonly items = new Map<string, Item>();
  fetchedIds: string[][] = [];
  failNext = false;

  put(item: Item) {
    this.items.set(item.id, item);
  }

  async publishedVersions() {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('database unavailable');
    }
    return new Map([...this.items.values()].filter((i) => i.status === 'published').map((i) => [i.id, i.version]));
  }

  async findByIds(ids: readonly string[]) {
    this.fetchedIds.push([...ids]);
    return ids.map((id) => this.items.get(id)!).filter(Boolean);
  }
}

const names = (index: ItemSearchIndex, keyword: string) =>
  index.search({ keyword, offset: 0, limit: 50 }).items.map((i) => i.name);

describe('SearchIndexRefresher', () => {
  const logger = { warn: jest.fn() };
  let source: FakeSource;
  let index: ItemSearchIndex;
  let refresher: SearchIndexRefresher;

  beforeEach(() => {
    source = new FakeSource();
    index = new ItemSearchIndex();
    refresher = new SearchIndexRefresher(index, source, { intervalMs: 30_000, logger });
    logger.warn.mockClear();
  });

  afterEach(() => refresher.stop());

  it('loads the published items and fetches only what changed afterwards', async () => {
    const food = foodBusinessLicence({ id: testId() });
    const drug = foodBusinessLicence({ id: testId(), name: '药品零售企业许可', basicCode: '000117011000' });
    source.put(food);
    source.put(drug);
    source.put(foodBusinessLicence({ id: testId(), name: '食品生产许可', status: 'draft' }));
    await refresher.refresh();
    expect(index.ids().sort()).toEqual([food.id, drug.id].sort());

    // Another replica republished drug under a new name and retired food.
    source.put({ ...drug, name: '药品零售企业许可证核发', version: drug.version + 1 });
    source.put({ ...food, status: 'retired', version: food.version + 1 });
    source.fetchedIds = [];
    await refresher.refresh();
    expect(source.fetchedIds).toEqual([[drug.id]]);
    expect(names(index, '药品')).toEqual(['药品零售企业许可证核发']);
    expect(index.ids()).toEqual([drug.id]);
  });

  it('runs one more refresh after the one in flight for callers meanwhile, sharing it between them', async () => {
    const first = foodBusinessLicence({ id: testId() });
    source.put(first);
    const inFlight = refresher.refresh();
    // Published by this process while the first refresh had already read the database.
    const second = foodBusinessLicence({ id: testId(), name: '食品生产许可' });
    source.put(second);
    const followers = [refresher.refresh(), refresher.refresh()];
    await Promise.all([inFlight, ...followers]);
    expect(source.fetchedIds).toEqual([[first.id], [second.id]]);
    expect(index.size).toBe(2);
  });

  it('refreshes on its interval, and logs a failed refresh and recovers on the next one', async () => {
    jest.useFakeTimers();
    try {
      await refresher.start();
      expect(index.size).toBe(0);
      source.failNext = true;
      source.put(foodBusinessLicence({ id: testId() }));
      await jest.advanceTimersByTimeAsync(30_000);
      expect(logger.warn).toHaveBeenCalledWith(
        expect.objectContaining({ err: expect.any(Error) }),
        'search index refresh failed',
      );
      expect(index.size).toBe(0);
      await jest.advanceTimersByTimeAsync(30_000);
      expect(index.size).toBe(1);
      await refresher.stop();
      source.put(foodBusinessLicence({ id: testId() }));
      await jest.advanceTimersByTimeAsync(60_000);
      expect(index.size).toBe(1);
    } finally {
      jest.useRealTimers();
    }
  });
});
