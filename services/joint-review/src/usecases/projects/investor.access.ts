import { hasAnyRole, STAFF_ROLES, type Principal } from '@govhall/auth';
import { ForbiddenError } from '@govhall/errors';
import type { InvestorIdentity } from './project.ports';

/** A person of the portal (an applicant), not staff. */
export function isApplicant(actor: Principal): boolean {
  return actor.kind === 'user' && hasAnyRole(actor, ['applicant']) && !hasAnyRole(actor, STAFF_ROLES);
}

/**
 * The investors (legal person ids) whose projects the caller sees: the one it names in `onBehalfOf`, if it holds it
 * or acts for it today (PERMISSION_DENIED NO_GRANT otherwise), else every one it holds or acts for.
 */
export async function investorsOf(
  identity: InvestorIdentity,
  authorization: string,
  onBehalfOf: string,
): Promise<string[]> {
  const { held, actingFor } = await identity.organisationsOf(authorization);
  const mine = [...new Set([...held, ...actingFor])];
  if (!onBehalfOf) return mine;
  if (!mine.includes(onBehalfOf)) {
    throw new ForbiddenError('NO_GRANT', '您不是该法人的账号持有人，也没有代其办事的有效授权');
  }
  return [onBehalfOf];
}
