import type { Case } from '../domain/case';
import type { MyList, QueueKind } from '../domain/case-lists';

/** Which queue: a window's pre-review queue, a department's role queue, or all open cases of a department. */
export type { QueueSelector } from '../domain/case-lists';
import type { QueueSelector } from '../domain/case-lists';

export interface CaseQueries {
  /** The applicant's cases of one list, most recently changed first. */
  listMine(
    ownerSubject: string,
    list: MyList,
    offset: number,
    limit: number,
  ): Promise<{ cases: Case[]; total: number }>;
  /** Open cases of a queue, in the tenant, earliest due first; `kind` filters by the seed's names. */
  listQueue(
    tenant: string,
    queue: QueueSelector,
    kind: QueueKind | undefined,
    offset: number,
    limit: number,
  ): Promise<{ cases: Case[]; total: number }>;
  /** Every case of a tenant received in a month (YYYY-MM), optionally of one department, by case number. */
  ledger(tenant: string, month: string, department: string | undefined): Promise<Case[]>;
}
