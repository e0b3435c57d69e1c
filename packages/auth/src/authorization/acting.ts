/** What the authorization model needs to know about an agent grant (经办人授权) of a legal person. */
export interface AgentGrantFacts {
  id: string;
  agentSubject: string;
  status: 'active' | 'revoked';
  scope: { allDepartments: boolean; departments: readonly string[]; itemCodes: readonly string[] };
  /** Last day the grant is valid (inclusive), YYYY-MM-DD; none means open-ended. */
  validUntil?: string;
}

export type ActingDecision =
  | { allowed: true; grantId: string }
  | { allowed: false; reason: 'NO_GRANT' | 'GRANT_REVOKED' | 'GRANT_EXPIRED' | 'OUTSIDE_SCOPE'; message: string };

function covers(grant: AgentGrantFacts, department: string, itemCode: string | undefined): boolean {
  const { allDepartments, departments, itemCodes } = grant.scope;
  return allDepartments || departments.includes(department) || (!!itemCode && itemCodes.includes(itemCode));
}

/**
 * May `agentSubject` act for the legal person whose grants these are, at `department` (and for `itemCode`)
 * on `today` (YYYY-MM-DD)? Needs an active, unexpired grant whose scope covers the department or the item.
 */
export function decideActing(
  grants: readonly AgentGrantFacts[],
  agentSubject: string,
  request: { department: string; itemCode?: string; today: string },
): ActingDecision {
  const own = grants.filter((g) => agentSubject !== '' && g.agentSubject === agentSubject);
  if (own.length === 0) {
    return { allowed: false, reason: 'NO_GRANT', message: '您未获得该单位的经办授权，不能以该单位名义办理' };
  }
  const active = own.filter((g) => g.status === 'active');
  if (active.length === 0) {
    return { allowed: false, reason: 'GRANT_REVOKED', message: '该单位已撤销您的经办授权，不能以该单位名义办理' };
  }
  const current = active.filter((g) => !g.validUntil || g.validUntil >= request.today);
  if (current.length === 0) {
    return {
      allowed: false,
      reason: 'GRANT_EXPIRED',
      message: '您的经办授权已过期，请联系该单位重新授权',
    };
  }
  const grant = current.find((g) => covers(g, request.department, request.itemCode));
  if (!grant) {
    return {
      allowed: false,
      reason: 'OUTSIDE_SCOPE',
      message: `您的经办授权不包含该部门（${request.department}）${request.itemCode ? `或该事项（${request.itemCode}）` : ''}，不能以该单位名义办理`,
    };
  }
  return { allowed: true, grantId: grant.id };
}
