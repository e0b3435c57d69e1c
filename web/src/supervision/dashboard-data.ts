import { api, call } from '../shared/api';
import { departmentRows, monthsEnding, rollUpByTenant, type ComparisonRow } from './dashboard-figures';
import type { KpiFigures } from './types';

/*
 * What the leader's dashboard reads: ListKpis (GET /supervision/kpis) alone for the figures — its period range gives
 * the twelve-month trend and `includeSubordinates` each subordinate tenant's rows (ADR 0048: no new RPC) — and the
 * public tenant tree and department list of identity for the names.
 */

export interface Overview {
  months: string[];
  /** Per month: every visible tenant's counts added, rates derived again (ListKpis' totals). */
  trend: KpiFigures[];
  /** The selected month's totals. */
  current: KpiFigures;
  /** The tenants directly below the caller's (districts and counties), each rolled up; [] for a district. */
  subordinates: ComparisonRow[];
}

const kpis = (query: {
  level: 'tenant' | 'department';
  tenant?: string;
  fromKey: string;
  toKey?: string;
  includeSubordinates?: boolean;
}) => call(api.GET('/api/v1/supervision/kpis', { params: { query: { ...query, periodKind: 'month' } } }));

export async function loadOverview(tenant: string, month: string): Promise<Overview> {
  const months = monthsEnding(month);
  const [list, below] = await Promise.all([
    kpis({ level: 'tenant', tenant, fromKey: months[0]!, toKey: month, includeSubordinates: true }),
    call(api.GET('/api/v1/identity/tenants', { params: { query: { parentCode: tenant } } })),
  ]);
  return {
    months,
    trend: list.totals,
    current: list.totals[list.totals.length - 1]!,
    subordinates: rollUpByTenant(list.figures, below.tenants, month),
  };
}

/** One tenant's departments in a month (the drill-down), named from identity's department list. */
export async function loadDepartments(tenant: string, month: string): Promise<ComparisonRow[]> {
  const [list, departments] = await Promise.all([
    kpis({ level: 'department', tenant, fromKey: month }),
    call(api.GET('/api/v1/identity/tenants/{code}/departments', { params: { path: { code: tenant } } })),
  ]);
  return departmentRows(list.figures, departments.departments, month);
}
