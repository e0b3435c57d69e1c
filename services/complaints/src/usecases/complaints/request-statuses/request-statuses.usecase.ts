import { chinaToday, periodViolations } from '@govhall/calendar';
import { ValidationError, type Violation } from '@govhall/errors';
import type { Clock } from '../../ports';
import type { ComplaintKind } from '../../../domain/complaints/complaint';
import {
  requestStatusOf,
  STATUSES_OF_STATE,
  type RequestState,
  type RequestStatus,
} from '../../../domain/complaints/request-status';
import { complaintPage, everyComplaint } from '../complaint-pages';
import type { ComplaintRepository } from '../ports';

const MAX_NUMBERS = 50;
/** Open311's default period: the last 90 days; no longer one is listed (ADR 0067). */
const MAX_DAYS = 90;
const NUMBER = /^TS\d{6}\d{8}\d{5}$/;
const DAY_MS = 86_400_000;

export interface RequestStatusesRequest {
  tenant: string;
  numbers: string[];
  kind: ComplaintKind | '';
  from: string;
  to: string;
  state: RequestState | '';
  pageSize?: number;
  pageToken?: string;
}

/**
 * Where complaints stand, for anyone (the gateway's Open311 facade): the tenant's complaints by number, in the order
 * asked (unknown and other tenants' left out), or those received in a period (the last 90 days unless told), open or
 * closed, newest first. Nothing of the complainant; content only once answered (requestStatusOf).
 */
export function listRequestStatusesUseCase(deps: { complaints: ComplaintRepository; clock: Clock }) {
  return async (
    request: RequestStatusesRequest,
  ): Promise<{ statuses: RequestStatus[]; total: number; nextPageToken: string }> => {
    const v: Violation[] = [];
    if (!/^\d{6}$/.test(request.tenant ?? '')) {
      v.push({ path: 'tenant', reason: 'PATTERN', message: '请指定地区（6位行政区划代码）' });
    }
    if (request.numbers.length > MAX_NUMBERS) {
      v.push({ path: 'numbers', reason: 'MAX_ITEMS', message: `一次最多查询${MAX_NUMBERS}件` });
    }
    request.numbers.forEach((n, i) => {
      if (!NUMBER.test(n)) v.push({ path: `numbers.${i}`, reason: 'PATTERN', message: '投诉编号格式不正确' });
    });
    const today = chinaToday(deps.clock.now());
    const period =
      request.from || request.to
        ? { from: request.from, to: request.to }
        : { from: chinaToday(new Date(deps.clock.now().getTime() - (MAX_DAYS - 1) * DAY_MS)), to: today };
    if (request.numbers.length === 0) v.push(...periodViolations(period.from, period.to, MAX_DAYS));
    if (v.length > 0) throw new ValidationError(v);

    if (request.numbers.length > 0) {
      const found = await Promise.all([...new Set(request.numbers)].map((n) => deps.complaints.findByNumber(n)));
      const statuses = found.filter((c) => c !== null && c.tenant === request.tenant).map((c) => requestStatusOf(c!));
      return { statuses, total: statuses.length, nextPageToken: '' };
    }
    const { items, total, nextPageToken } = await complaintPage(
      deps.complaints,
      {
        ...everyComplaint(request.tenant),
        ...period,
        kind: request.kind,
        statuses: request.state ? [...STATUSES_OF_STATE[request.state]] : [],
      },
      request,
    );
    return { statuses: items.map(requestStatusOf), total, nextPageToken };
  };
}
