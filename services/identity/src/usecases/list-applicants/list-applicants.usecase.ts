import type { Authorizer, Principal } from '@govhall/auth';
import { ValidationError } from '@govhall/errors';
import { maskIdNumber } from '@govhall/identifiers';
import { tenantViolation } from '../../domain/natural-person';
import {
  APPLICANT_READERS,
  type ApplicantRow,
  type LegalPersonRepository,
  type NaturalPersonRepository,
} from '../applicants.ports';
import { decodePageToken, encodePageToken, pageSize } from '@govhall/paging';

export interface ListApplicantsQuery {
  tenant: string;
  pageSize?: number;
  pageToken?: string;
}

/** Paging merges two collections by reading offset + size rows of each, so deep pages are cut off here. */
const MAX_OFFSET = 10_000;

const newestFirst = (a: ApplicantRow, b: ApplicantRow) =>
  b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** Staff list the natural and legal persons registered at a tenant, newest first, ID numbers masked. */
export function listApplicantsUseCase(deps: {
  naturalPersons: NaturalPersonRepository;
  legalPersons: LegalPersonRepository;
  authorizer: Authorizer;
}) {
  return async (
    query: ListApplicantsQuery,
    actor: Principal,
  ): Promise<{ applicants: ApplicantRow[]; nextPageToken: string; total: number }> => {
    const tenant = tenantViolation(query.tenant);
    if (tenant) throw new ValidationError([tenant]);
    const size = pageSize(query.pageSize);
    const offset = decodePageToken(query.pageToken);
    if (offset > MAX_OFFSET) {
      throw new ValidationError([
        { path: 'page.pageToken', reason: 'RANGE', message: `最多只能翻到第${MAX_OFFSET}条，请缩小查询范围` },
      ]);
    }
    deps.authorizer.ensure(actor, 'read', { type: 'applicant', tenant: query.tenant }, APPLICANT_READERS);

    const [natural, legal] = await Promise.all([
      deps.naturalPersons.newestOfTenant(query.tenant, offset + size),
      deps.legalPersons.newestOfTenant(query.tenant, offset + size),
    ]);
    const applicants = [...natural.rows, ...legal.rows]
      .sort(newestFirst)
      .slice(offset, offset + size)
      .map((row) => (row.kind === 'natural' ? { ...row, identifier: maskIdNumber(row.identifier) } : row));
    const total = natural.total + legal.total;
    return { applicants, nextPageToken: offset + size < total ? encodePageToken(offset + size) : '', total };
  };
}
