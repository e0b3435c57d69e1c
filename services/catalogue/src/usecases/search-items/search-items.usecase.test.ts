import { ValidationError } from '@govhall/errors';
import type { ItemSearch, ItemSummary, SearchQuery } from '../public.ports';
import { searchItemsUseCase } from './search-items.usecase';

function summary(n: number): ItemSummary {
  return {
    id: `id-${n}`,
    tenant: '620321',
    name: `事项${n}`,
    basicCode: String(n).padStart(12, '0'),
    kind: '01',
    handlingCategory: 'promised',
    department: '620321-SCJG',
    edition: 1,
    promisedLimit: { days: 5, unit: 'working_day' },
    onlineDepth: 'fully_online',
    score: 0,
  };
}

/** Holds 45 items and records the queries it receives. */
class FakeSearch implements ItemSearch {
  readonly queries: SearchQuery[] = [];
  private readonly all = Array.from({ length: 45 }, (_, i) => summary(i + 1));
  search(query: SearchQuery) {
    this.queries.push(query);
    return { items: this.all.slice(query.offset, query.offset + query.limit), total: this.all.length };
  }
}

describe('searchItems', () => {
  let search: FakeSearch;
  let searchItems: ReturnType<typeof searchItemsUseCase>;

  beforeEach(() => {
    search = new FakeSearch();
    searchItems = searchItemsUseCase({ search });
  });

  it('passes the filters and keyword, 20 per page by default, and pages to the end with opaque tokens', async () => {
    const first = await searchItems({
      tenant: '620321',
      near: '620321100',
      department: '620321-SCJG',
      kind: '01',
      keyword: '食品',
    });
    expect(search.queries[0]).toEqual({
      tenant: '620321',
      near: '620321100',
      department: '620321-SCJG',
      kind: '01',
      handlingCategory: undefined,
      keyword: '食品',
      offset: 0,
      limit: 20,
    });
    expect(first.items).toHaveLength(20);
    expect(first.total).toBe(45);
    const second = await searchItems({ keyword: '食品', pageToken: first.nextPageToken });
    const third = await searchItems({ keyword: '食品', pageToken: second.nextPageToken });
    expect(third.items.map((i) => i.id)).toEqual(['id-41', 'id-42', 'id-43', 'id-44', 'id-45']);
    expect(third.nextPageToken).toBe('');
  });

  it('treats empty filters as none and accepts up to 50 per page', async () => {
    const result = await searchItems({ tenant: '', department: '', kind: '', handlingCategory: '', pageSize: 50 });
    expect(search.queries[0]).toMatchObject({ tenant: undefined, near: undefined, keyword: '', limit: 50 });
    expect(result.items).toHaveLength(45);
    expect(result.nextPageToken).toBe('');
  });

  it('reports every bad filter, page size and token at once and does not search', async () => {
    const error = await searchItems({
      tenant: '62032',
      near: '6203',
      department: 'SCJG',
      kind: '11',
      handlingCategory: 'urgent',
      keyword: '食'.repeat(101),
      pageSize: 51,
      pageToken: 'bm9wZQ',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).violations.map((v) => `${v.path} ${v.reason}`)).toEqual([
      'tenant PATTERN',
      'near PATTERN',
      'department PATTERN',
      'kind ENUM',
      'handlingCategory ENUM',
      'keyword LENGTH',
      'page.pageSize RANGE',
      'page.pageToken INVALID',
    ]);
    expect(search.queries).toHaveLength(0);
  });
});
