import { isRegionDescendant, parseRegionCode, type RegionLevel } from '@govhall/identifiers';
import MiniSearch, { type SearchResult } from 'minisearch';
import type { Item } from '../../domain/item';
import type { ItemSearch, ItemSummary, SearchFilters, SearchPage, SearchQuery } from '../../usecases/public.ports';
import { indexTokens, isCodeTerm, normalizeText, queryTokens } from './cjk-tokenizer';

/**
 * The public catalogue's search index, in process, over published items only.
 *
 * MiniSearch (BM25 scoring, per-field boosts, prefix search, document replacement) does the matching and
 * scoring; we only supply a tokenizer that makes Chinese searchable (unigrams + bigrams, see cjk-tokenizer) and
 * a deterministic order on top. Chosen over FlexSearch for its typed API, BM25 with field boosts and the per-term
 * match report (which fields each hit came from). Indexing costs about 3 ms per item (the full texts are
 * tokenized into bigrams): a catalogue of a few thousand items loads in seconds, at start.
 *
 * Order of results: the kind of name (or code) match first — exact, prefix, the name contains every query term,
 * then matches in other fields only — then the level closest to the applicant (county before city: 就近办理),
 * then the BM25 score, then the shorter name, then the basic code, then id.
 */

/** Field boosts: the name and codes first, then legal basis, materials, conditions and FAQ. */
const BOOST = { name: 8, codes: 8, legal: 2, materials: 1.5, conditions: 1.2, faq: 1 } as const;
const FIELDS = Object.keys(BOOST);

interface IndexedDoc {
  id: string;
  name: string;
  codes: string;
  legal: string;
  materials: string;
  conditions: string;
  faq: string;
}

interface Entry {
  summary: Omit<ItemSummary, 'score'>;
  version: number;
  /** Normalized name and codes, for the match tier. */
  name: string;
  codes: string[];
  /** Item level (1 national … 4 county, 5 town, 6 village): the higher, the closer to the applicant. */
  level: number;
}

function toDoc(item: Item): IndexedDoc {
  const c = item.content;
  return {
    id: item.id,
    name: item.name,
    codes: [item.basicCode, c.implementationCode, ...c.localCodes].filter(Boolean).join(' '),
    legal: c.legalBases.map((b) => `${b.law} ${b.article} ${b.text}`).join('\n'),
    materials: c.materials.map((m) => `${m.name} ${m.condition} ${m.notes}`).join('\n'),
    conditions: c.acceptanceConditions.join('\n'),
    faq: c.faq.map((f) => `${f.question} ${f.answer}`).join('\n'),
  };
}

function toEntry(item: Item): Entry {
  const c = item.content;
  return {
    version: item.version,
    name: normalizeText(item.name).replace(/\s+/g, ''),
    codes: [item.basicCode, c.implementationCode, ...c.localCodes].filter(Boolean).map(normalizeText),
    level: c.level,
    summary: {
      id: item.id,
      tenant: item.tenant,
      name: item.name,
      basicCode: item.basicCode,
      kind: item.kind,
      handlingCategory: item.handlingCategory,
      department: item.department,
      edition: item.edition,
      promisedLimit: { ...c.promisedLimit },
      onlineDepth: c.onlineDepth,
    },
  };
}

/** 0 exact name or code, 1 name or code starts with the query, 2 name holds every query word, 3 other fields. */
function matchTier(entry: Entry, keyword: string): number {
  const compact = keyword.replace(/\s+/g, '');
  if (entry.name === compact || entry.codes.includes(compact)) return 0;
  const words = keyword.split(/\s+/).filter(Boolean);
  if (entry.name.startsWith(words[0]!) && words.every((w) => entry.name.includes(w))) return 1;
  if (entry.codes.some((code) => code.startsWith(compact))) return 1;
  if (words.every((w) => entry.name.includes(w))) return 2;
  return 3;
}

/** Scores compared to 9 significant digits, so float noise cannot reorder equal matches between runs. */
const rounded = (score: number) => Number(score.toPrecision(9));

function byListOrder(a: Entry, b: Entry): number {
  const x = a.summary;
  const y = b.summary;
  return (
    x.tenant.localeCompare(y.tenant) ||
    x.department.localeCompare(y.department) ||
    x.basicCode.localeCompare(y.basicCode) ||
    x.id.localeCompare(y.id)
  );
}

/** How far down a region code lies (province 1 … village 6): among a region's own tenant and those above it, the
 * deeper, the closer to the applicant. */
const DEPTH: Record<RegionLevel, number> = { province: 1, city: 2, district: 3, county: 3, town: 4, village: 5 };
function depthOf(code: string): number {
  const parsed = parseRegionCode(code);
  return parsed.ok ? DEPTH[parsed.value.level] : 0;
}

export class ItemSearchIndex implements ItemSearch {
  private readonly engine = new MiniSearch<IndexedDoc>({
    idField: 'id',
    fields: FIELDS,
    tokenize: indexTokens,
    processTerm: (term) => term,
    searchOptions: {
      tokenize: queryTokens,
      processTerm: (term) => term,
      boost: { ...BOOST },
      prefix: (term) => isCodeTerm(term),
    },
  });
  private readonly entries = new Map<string, Entry>();
  /** Sequence number of the last write-side change of each id, so a refresh started earlier cannot undo it. */
  private readonly touched = new Map<string, number>();
  private sequence = 0;

  get size(): number {
    return this.entries.size;
  }

  /** Indexes a published item (replacing its older version); any other status removes it from the index. */
  upsert(item: Item): void {
    this.touched.set(item.id, ++this.sequence);
    this.apply(item);
  }

  /** Removes an item (superseded, retired). */
  remove(id: string): void {
    this.touched.set(id, ++this.sequence);
    this.drop(id);
  }

  versionOf(id: string): number | undefined {
    return this.entries.get(id)?.version;
  }

  ids(): string[] {
    return [...this.entries.keys()];
  }

  /** Marks the start of a refresh from the database; pass the mark to `reconcile`. */
  beginRefresh(): number {
    return this.sequence;
  }

  /**
   * Makes the index match a database snapshot taken after `mark`: `published` maps every published id to its
   * version, `fetched` holds the items whose version the index did not have. Ids changed by this process after
   * the mark are left alone (their write is newer than the snapshot may be).
   */
  reconcile(mark: number, published: ReadonlyMap<string, number>, fetched: readonly Item[]): void {
    const newer = (id: string) => (this.touched.get(id) ?? 0) > mark;
    for (const item of fetched) {
      if (!newer(item.id) && published.get(item.id) === item.version) this.apply(item);
    }
    for (const id of [...this.entries.keys()]) {
      if (!published.has(id) && !newer(id)) this.drop(id);
    }
    for (const [id, seq] of this.touched) if (seq <= mark) this.touched.delete(id);
  }

  search(query: SearchQuery): SearchPage {
    const keyword = normalizeText(query.keyword).trim().replace(/\s+/g, ' ');
    const ranked = keyword ? this.ranked(keyword, query) : this.listed(query);
    return { items: ranked.slice(query.offset, query.offset + query.limit), total: ranked.length };
  }

  private ranked(keyword: string, filters: SearchFilters): ItemSummary[] {
    const passes = (r: SearchResult) => this.passes(this.entries.get(r.id as string), filters);
    let results = this.engine.search(keyword, { combineWith: 'AND', filter: passes });
    // Nothing holds every term (e.g. a typo in one word): fall back to items holding any of them.
    if (results.length === 0) results = this.engine.search(keyword, { combineWith: 'OR', filter: passes });
    return results
      .map((r) => {
        const entry = this.entries.get(r.id as string)!;
        return { entry, tier: matchTier(entry, keyword), score: rounded(r.score) };
      })
      .sort(
        // Within one match tier, the item handled closest to the applicant comes first (就近办理: a county's
        // 食品经营许可 before the city's 食品生产许可 when both names start with 食品); then relevance.
        (a, b) =>
          a.tier - b.tier ||
          (filters.near ? depthOf(b.entry.summary.tenant) - depthOf(a.entry.summary.tenant) : 0) ||
          b.entry.level - a.entry.level ||
          b.score - a.score ||
          a.entry.summary.name.length - b.entry.summary.name.length ||
          a.entry.summary.basicCode.localeCompare(b.entry.summary.basicCode) ||
          a.entry.summary.id.localeCompare(b.entry.summary.id),
      )
      .map(({ entry, score }) => ({ ...entry.summary, score }));
  }

  private listed(filters: SearchFilters): ItemSummary[] {
    return (
      [...this.entries.values()]
        .filter((e) => this.passes(e, filters))
        // 就近: the applicant's own tenant's items first, then those of the tenants above it.
        .sort((a, b) => (filters.near ? depthOf(b.summary.tenant) - depthOf(a.summary.tenant) : 0) || byListOrder(a, b))
        .map((e) => ({ ...e.summary, score: 0 }))
    );
  }

  private passes(entry: Entry | undefined, f: SearchFilters): boolean {
    if (!entry) return false;
    const s = entry.summary;
    return (
      (!f.tenant || s.tenant === f.tenant) &&
      (!f.near || s.tenant === f.near || isRegionDescendant(s.tenant, f.near)) &&
      (!f.department || s.department === f.department) &&
      (!f.kind || s.kind === f.kind) &&
      (!f.handlingCategory || s.handlingCategory === f.handlingCategory)
    );
  }

  private apply(item: Item): void {
    if (item.status !== 'published') {
      this.drop(item.id);
      return;
    }
    const current = this.entries.get(item.id);
    if (current && current.version > item.version) return;
    if (this.engine.has(item.id)) this.engine.replace(toDoc(item));
    else this.engine.add(toDoc(item));
    this.entries.set(item.id, toEntry(item));
  }

  private drop(id: string): void {
    if (this.engine.has(id)) this.engine.discard(id);
    this.entries.delete(id);
  }
}
