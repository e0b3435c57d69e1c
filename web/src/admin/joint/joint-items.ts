import { api, call } from '../../shared/api';
import type { CatalogueItem, JointFlow } from './types';

/** The tenant's published joint items (联办件), one per series (pages of 100, at most 2 000 items). */
export async function jointItemsOf(tenant: string): Promise<CatalogueItem[]> {
  const items: CatalogueItem[] = [];
  let pageToken: string | undefined;
  for (let i = 0; i < 20; i++) {
    const page = await call(
      api.GET('/api/v1/catalogue/items', {
        params: { query: { tenant, status: 'published', pageSize: 100, pageToken } },
      }),
    );
    items.push(...page.items.filter((item) => item.handlingCategory === 'joint'));
    pageToken = page.nextPageToken;
    if (!pageToken) break;
  }
  const bySeries = new Map<string, CatalogueItem>();
  for (const item of items) bySeries.set(item.seriesId, item);
  return [...bySeries.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

/** The tenant's configured flows, by item series (pages of 100). */
export async function configuredFlowsOf(tenant: string): Promise<Map<string, JointFlow>> {
  const flows = new Map<string, JointFlow>();
  let pageToken: string | undefined;
  for (let i = 0; i < 20; i++) {
    const page = await call(
      api.GET('/api/v1/joint-review/flows', { params: { query: { tenant, pageSize: 100, pageToken } } }),
    );
    for (const f of page.flows) flows.set(f.itemSeriesId, f);
    pageToken = page.nextPageToken;
    if (!pageToken) break;
  }
  return flows;
}

/** What a flow's stages mean to a reader: 并联 (one stage), 串联 (one department per stage) or mixed. */
export function flowShape(flow: Pick<JointFlow, 'participants'>): string {
  const stages = new Set(flow.participants.map((p) => p.stage));
  if (stages.size <= 1) return '并联';
  if (stages.size === flow.participants.length) return '串联';
  return `${stages.size}个环节`;
}
