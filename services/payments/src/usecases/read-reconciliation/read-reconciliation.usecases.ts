import type { Principal } from '@govhall/auth';
import type { Mismatch } from '../../domain/reconciliation/mismatch';
import type { Page, PageQuery } from '../ports';
import { requireReconciliationReader } from '../reconciliation/reconciliation.access';
import type {
  MismatchFilter,
  MismatchRepository,
  Statement,
  StatementRepository,
} from '../reconciliation/reconciliation.ports';

/** The tenant's statements, newest settlement date first. */
export function listStatementsUseCase(deps: { statements: StatementRepository }) {
  return async (request: { tenant: string; page: PageQuery }, actor: Principal): Promise<Page<Statement>> => {
    const tenant = request.tenant || actor.tenant;
    requireReconciliationReader(actor, tenant);
    return deps.statements.list(tenant, request.page);
  };
}

/** The tenant's mismatches, newest first, optionally of one statement, kind or state. */
export function listMismatchesUseCase(deps: { mismatches: MismatchRepository }) {
  return async (
    request: { tenant: string; filter: MismatchFilter; page: PageQuery },
    actor: Principal,
  ): Promise<Page<Mismatch>> => {
    const tenant = request.tenant || actor.tenant;
    requireReconciliationReader(actor, tenant);
    return deps.mismatches.list(tenant, request.filter, request.page);
  };
}
