import type { Principal } from '@govhall/auth';
import { ConcurrencyError } from '@govhall/errors';
import type { Agreement } from '../../domain/delegation/agreement';
import type { DelegatedCase, DelegatedCaseEvent } from '../../domain/delegation/delegated-case';
import type { Page, PageQuery } from '../ports';
import type {
  AgreementFilter,
  AgreementRepository,
  DelegatedCaseFilter,
  DelegatedCaseRepository,
} from './delegation.ports';

const pageOf = <T>(items: T[], page: PageQuery): Page<T> => {
  const offset = Number(page.pageToken || 0);
  const end = offset + (page.pageSize || 20);
  return {
    items: items.slice(offset, end),
    nextPageToken: end < items.length ? String(end) : '',
    totalSize: items.length,
  };
};

/** Agreements in memory, with the repository's one-per-request-id rule. */
export class InMemoryAgreements implements AgreementRepository {
  readonly byId = new Map<string, Agreement>();

  async insert(agreement: Agreement) {
    const existing = await this.findByRequest(agreement.tenant, agreement.requestId);
    if (existing) return { agreement: existing, created: false };
    this.byId.set(agreement.id, agreement);
    return { agreement, created: true };
  }
  async findById(id: string) {
    return this.byId.get(id) ?? null;
  }
  async findByRequest(tenant: string, requestId: string) {
    return [...this.byId.values()].find((a) => a.tenant === tenant && a.requestId === requestId) ?? null;
  }
  async save(next: Agreement, expectedVersion: number) {
    if (this.byId.get(next.id)?.version !== expectedVersion) throw new ConcurrencyError();
    const stored = { ...next, version: expectedVersion + 1 };
    this.byId.set(next.id, stored);
    return stored;
  }
  async list(filter: AgreementFilter, page: PageQuery) {
    const all = [...this.byId.values()]
      .filter((a) => a.tenant === filter.tenant)
      .filter((a) => !filter.department || a.department === filter.department)
      .filter((a) => !filter.state || a.state === filter.state)
      .filter((a) => !filter.itemSeriesId || a.items.some((i) => i.itemSeriesId === filter.itemSeriesId))
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
    return pageOf(all, page);
  }
  async coveringSeries(tenant: string, itemSeriesId: string) {
    return [...this.byId.values()].filter(
      (a) => a.tenant === tenant && a.items.some((i) => i.itemSeriesId === itemSeriesId),
    );
  }
}

/** Delegated cases in memory; every write's events are kept in order, with who acted. */
export class InMemoryDelegatedCases implements DelegatedCaseRepository {
  readonly byId = new Map<string, DelegatedCase>();
  readonly events: { event: DelegatedCaseEvent; actor?: Principal }[] = [];

  async insert(dc: DelegatedCase, events: DelegatedCaseEvent[]) {
    const existing = await this.findByCase(dc.tenant, dc.caseId);
    if (existing) return { delegatedCase: existing, created: false };
    this.byId.set(dc.id, dc);
    this.events.push(...events.map((event) => ({ event })));
    return { delegatedCase: dc, created: true };
  }
  async findById(id: string) {
    return this.byId.get(id) ?? null;
  }
  async findByCase(tenant: string, caseId: string) {
    return [...this.byId.values()].find((d) => d.tenant === tenant && d.caseId === caseId) ?? null;
  }
  async findByTaskId(taskId: string) {
    return [...this.byId.values()].find((d) => !!taskId && d.task?.id === taskId) ?? null;
  }
  async save(next: DelegatedCase, expectedVersion: number, events: DelegatedCaseEvent[], actor?: Principal) {
    if (this.byId.get(next.id)?.version !== expectedVersion) throw new ConcurrencyError();
    const stored = { ...next, version: expectedVersion + 1 };
    this.byId.set(next.id, stored);
    this.events.push(...events.map((event) => ({ event, ...(actor ? { actor } : {}) })));
    return stored;
  }
  async list(filter: DelegatedCaseFilter, page: PageQuery) {
    const all = [...this.byId.values()].filter(
      (d) =>
        d.tenant === filter.tenant &&
        (!filter.department || d.department === filter.department) &&
        (!filter.windowId || d.windowId === filter.windowId) &&
        filter.states.includes(d.state),
    );
    return pageOf(all, page);
  }
  async acceptedBetween(tenant: string, from: Date, to: Date, department?: string) {
    return [...this.byId.values()].filter(
      (d) =>
        d.tenant === tenant &&
        d.acceptedAt >= from &&
        d.acceptedAt < to &&
        (!department || d.department === department),
    );
  }

  /** The names of the events written so far. */
  names(): string[] {
    return this.events.map((e) => e.event.type);
  }
}
