// Scenario `search`: GET /api/v1/catalogue/search?q=<keyword>, public (no token), each connection cycling through
// the keywords (config.searchQueries): gateway → gRPC → the catalogue's in-process search index. The harness's
// catalogue is seeded first (processes.ts), so its index holds the published seed items. Baseline: a bare Fastify
// route answering each keyword with the very page the gateway answered for it. Latency is also kept per keyword.
import { jsonRequest, type Load } from '../load.ts';
import type { SearchProbe } from '../report.ts';
import type { Scenario, ScenarioContext } from './scenario.ts';

export const searchPath = (q: string): string => `/api/v1/catalogue/search?q=${encodeURIComponent(q)}`;

/** Requests cycling through the keywords; `key` names the keyword of the response handed to the run's hook next. */
function cycle(url: string, queries: readonly string[], pathOf: (q: string) => string): Load {
  let answered = '';
  return {
    url,
    requests: queries.map((q) => ({ method: 'GET' as const, path: pathOf(q), onResponse: () => void (answered = q) })),
    key: () => answered,
  };
}

export function searchScenario(ctx: ScenarioContext): Scenario & { probes(): SearchProbe[] } {
  const queries = ctx.config.searchQueries;
  const probes: SearchProbe[] = [];
  const pages: Record<string, unknown> = {};
  return {
    name: 'search',
    label: 'gateway GET search',
    baselineLabel: 'baseline: bare Fastify search',
    unloaded: true,
    probes: () => probes,

    /** Sends each keyword once: what every request of the runs gets back (and what the baseline will answer). */
    async prepare() {
      for (const q of queries) {
        const res = await jsonRequest(`${ctx.gatewayUrl}${searchPath(q)}`, {});
        if (res.status !== 200) {
          throw new Error(`searching ${q} failed: HTTP ${res.status} ${JSON.stringify(res.body).slice(0, 500)}`);
        }
        const page = res.body as { items: { name: string }[]; total: number };
        pages[q] = page;
        probes.push({
          q,
          total: page.total,
          returned: page.items.length,
          bytes: Buffer.byteLength(JSON.stringify(page)),
          first: page.items[0]?.name ?? '',
        });
      }
      const empty = probes.filter((p) => p.total === 0).map((p) => p.q);
      if (empty.length === probes.length) {
        throw new Error('every search keyword found nothing: the search index is empty (was the catalogue seeded?)');
      }
      if (empty.length) ctx.notes.push(`WARNING: search keywords with no hit: ${empty.join(', ')}`);
    },

    baselinePages: () => pages,
    gateway: async () => cycle(ctx.gatewayUrl, queries, searchPath),
    baseline: (baselineUrl) => cycle(baselineUrl, queries, (q) => `/baseline/search?q=${encodeURIComponent(q)}`),
  };
}
