import type { Principal } from '@govhall/auth';
import { ValidationError } from '@govhall/errors';
import { decodePageToken, encodePageToken, pageSize } from '@govhall/paging';
import type { Accountability } from '../../../domain/accountability/accountability';
import { listedTenant } from '../../violations/violation.access';
import type { AccountabilityFilter, AccountabilityStore } from '../accountability.ports';

/** Accountability records of a tenant (and below), newest proposal first. */
export function listAccountabilitiesUseCase(deps: { accountabilities: AccountabilityStore }) {
  return async (
    q: AccountabilityFilter & { pageSize?: number; pageToken?: string },
    actor: Principal,
  ): Promise<{ accountabilities: Accountability[]; nextPageToken: string }> => {
    if (q.year !== undefined && q.year !== 0 && (q.year < 2000 || q.year > 2100)) {
      throw new ValidationError([{ path: 'year', reason: 'RANGE', message: '年度应在2000至2100之间' }]);
    }
    if (q.targetId && !/^[A-Za-z0-9._@-]{1,64}$/.test(q.targetId)) {
      throw new ValidationError([{ path: 'targetId', reason: 'PATTERN', message: '追究对象格式不正确' }]);
    }
    const limit = pageSize(q.pageSize);
    const offset = decodePageToken(q.pageToken);
    const tenant = listedTenant(actor, q.tenant);
    const page = await deps.accountabilities.list({ ...q, tenant, year: q.year || undefined }, offset, limit + 1);
    return {
      accountabilities: page.slice(0, limit),
      nextPageToken: page.length > limit ? encodePageToken(offset + limit) : '',
    };
  };
}
