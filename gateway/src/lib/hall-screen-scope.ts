import { hasAnyRole } from '@govhall/auth';
import { ForbiddenError } from '@govhall/errors';
import type { FastifyRequest } from 'fastify';

/** Roles that read as themselves even when they also hold hall_screen. */
const NOT_ONLY_A_SCREEN = ['supervisor', 'center_admin', 'ops_admin', 'service'] as const;

/**
 * A preHandler of the routes a hall screen's device account may use (ADR 0049): it reads its own tenant alone (the
 * `tenant` query or the `code` path parameter), so another tenant or the tenants below are refused here, in
 * Chinese, before the service is asked (which refuses them too). Other callers pass through to the service's own
 * scope check.
 */
export async function hallScreenOwnTenant(request: FastifyRequest): Promise<void> {
  const p = request.principal;
  if (!p || !p.roles.includes('hall_screen') || hasAnyRole(p, NOT_ONLY_A_SCREEN)) return;
  const q = request.query as { tenant?: string; includeSubordinates?: boolean } | undefined;
  const tenant = (request.params as { code?: string } | undefined)?.code ?? q?.tenant;
  if ((tenant && tenant !== p.tenant) || q?.includeSubordinates) {
    throw new ForbiddenError('TENANT_OUT_OF_SCOPE', '大屏账号只能查看本大厅（本地区）的数据');
  }
}
