import { ConcurrencyError } from '@govhall/errors';
import type { JointFlow } from '../../domain/reviews/joint-flow';
import { defaultReviewSettings, type ReviewSettings } from '../../domain/reviews/review-settings';
import type { Page, PageQuery } from '../ports';
import type { FlowRepository, SettingsRepository } from './settings.ports';

/** Settings kept in a map, versioned as the Mongo adapter does. */
export class InMemorySettings implements SettingsRepository {
  readonly byTenant = new Map<string, ReviewSettings>();

  async forTenant(tenant: string): Promise<ReviewSettings> {
    return structuredClone(this.byTenant.get(tenant) ?? defaultReviewSettings(tenant));
  }

  async save(next: ReviewSettings, expectedVersion: number): Promise<ReviewSettings> {
    if ((this.byTenant.get(next.tenant)?.version ?? 0) !== expectedVersion) throw new ConcurrencyError();
    const stored = { ...structuredClone(next), version: expectedVersion + 1 };
    this.byTenant.set(next.tenant, stored);
    return structuredClone(stored);
  }
}

/** Flows kept in a map, listed by item name. */
export class InMemoryFlows implements FlowRepository {
  readonly byKey = new Map<string, JointFlow>();

  async find(tenant: string, itemSeriesId: string): Promise<JointFlow | null> {
    const flow = this.byKey.get(`${tenant}:${itemSeriesId}`);
    return flow ? structuredClone(flow) : null;
  }

  async save(next: JointFlow, expectedVersion: number): Promise<JointFlow> {
    const key = `${next.tenant}:${next.itemSeriesId}`;
    if ((this.byKey.get(key)?.version ?? 0) !== expectedVersion) throw new ConcurrencyError();
    const stored = { ...structuredClone(next), configured: true, version: expectedVersion + 1 };
    this.byKey.set(key, stored);
    return structuredClone(stored);
  }

  async list(tenant: string, page: PageQuery): Promise<Page<JointFlow>> {
    const all = [...this.byKey.values()]
      .filter((f) => f.tenant === tenant)
      .sort((a, b) => a.itemName.localeCompare(b.itemName));
    const offset = Number(page.pageToken || 0);
    const items = all.slice(offset, offset + page.pageSize);
    const end = offset + items.length;
    return { items, nextPageToken: end < all.length ? String(end) : '', totalSize: all.length };
  }
}
