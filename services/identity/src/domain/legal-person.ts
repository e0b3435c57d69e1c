import { NotFoundError, ValidationError, type Violation } from '@govhall/errors';
import { maskIdNumber, normalizeText, parseCreditCode, textViolations } from '@govhall/identifiers';
import { checkIdNumber, personNameViolation, tenantViolation, type RealNameVerification } from './natural-person';

/** What an agent (经办人) may do for the legal person: every department, or the listed departments and items. */
export interface AgentScope {
  allDepartments: boolean;
  /** Department codes, e.g. 620321-SCJG. */
  departments: string[];
  /** Basic codes (基本编码, 12 characters) of items, whatever the department. */
  itemCodes: string[];
}

export type AgentGrantStatus = 'active' | 'revoked';

export interface AgentGrant {
  id: string;
  agentPersonId: string;
  agentName: string;
  agentSubject: string;
  scope: AgentScope;
  /** Inclusive last day, YYYY-MM-DD; absent for no end date. */
  validUntil?: string;
  status: AgentGrantStatus;
  grantedAt: Date;
  /** Keycloak subject of the holder who granted it. */
  grantedBy: string;
  revokedAt?: Date;
  revokedBy?: string;
  revokeReason?: string;
}

/** A legal person (法人) registered by a natural person, its account holder, who authorises agents. */
export interface LegalPerson {
  id: string;
  tenant: string;
  name: string;
  /** 统一社会信用代码, normalized (18 characters, upper-case). */
  creditCode: string;
  legalRepresentativeName: string;
  legalRepresentativeIdNumber: string;
  holderPersonId: string;
  holderSubject: string;
  agents: AgentGrant[];
  verification: RealNameVerification;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface LegalPersonInput {
  tenant: string;
  name: string;
  creditCode: string;
  legalRepresentativeName: string;
  legalRepresentativeIdNumber: string;
}

export interface AgentGrantInput {
  scope: AgentScope;
  /** YYYY-MM-DD or empty for no end date. */
  validUntil: string;
}

export type LegalPersonEvent =
  | { type: 'LegalPersonRegistered'; legalPerson: LegalPerson }
  | { type: 'AgentAuthorized'; legalPerson: LegalPerson; grant: AgentGrant }
  | { type: 'AgentRevoked'; legalPerson: LegalPerson; grant: AgentGrant };

const DEPARTMENT = /^\d{6,12}-[A-Z][A-Z0-9]{1,11}$/;
const ITEM_CODE = /^[0-9A-Z]{12}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Revoke reason given to a grant that a newer grant for the same agent replaces. */
export const REPLACED_REASON = '已由新的经办授权取代';

export function validateLegalPerson(input: LegalPersonInput, today: Date): Violation[] {
  const v: Violation[] = [];
  const tenant = tenantViolation(input.tenant);
  if (tenant) v.push(tenant);
  v.push(...textViolations('name', input.name, { label: '单位名称（与营业执照或登记证书一致）', min: 2, max: 100 }));
  const code = parseCreditCode(input.creditCode);
  if (!code.ok) v.push({ path: 'creditCode', reason: code.violation.reason, message: code.violation.message });
  const representative = personNameViolation('legalRepresentativeName', input.legalRepresentativeName);
  if (representative) v.push(representative);
  const id = checkIdNumber('legalRepresentativeIdNumber', input.legalRepresentativeIdNumber, today);
  if (!id.ok) v.push(id.violation);
  return v;
}

/** A new legal person held by the registering natural person. Input validated beforehand. */
export function newLegalPerson(
  input: LegalPersonInput,
  id: string,
  holder: { personId: string; subject: string },
  verification: RealNameVerification,
  now: Date,
): { legalPerson: LegalPerson; events: LegalPersonEvent[] } {
  const legalPerson: LegalPerson = {
    id,
    tenant: input.tenant,
    name: normalizeText(input.name),
    creditCode: input.creditCode.trim().toUpperCase(),
    legalRepresentativeName: normalizeText(input.legalRepresentativeName),
    legalRepresentativeIdNumber: input.legalRepresentativeIdNumber.trim().toUpperCase(),
    holderPersonId: holder.personId,
    holderSubject: holder.subject,
    agents: [],
    verification,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  return { legalPerson, events: [{ type: 'LegalPersonRegistered', legalPerson }] };
}

function isRealDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** Checks a grant's scope and end date against `today` (YYYY-MM-DD). */
export function validateAgentGrant(input: AgentGrantInput, today: string): Violation[] {
  const v: Violation[] = [];
  const { allDepartments, departments, itemCodes } = input.scope;
  if (!allDepartments && departments.length === 0 && itemCodes.length === 0) {
    v.push({ path: 'scope', reason: 'REQUIRED', message: '请选择“全部部门”，或至少指定一个部门或事项' });
  }
  if (!allDepartments) {
    departments.forEach((d, i) => {
      if (!DEPARTMENT.test(d)) {
        v.push({
          path: `scope.departments.${i}`,
          reason: 'PATTERN',
          message: `部门编码“${d}”格式不正确，应为“行政区划代码-部门简称”，如 620321-SCJG`,
        });
      }
    });
    itemCodes.forEach((c, i) => {
      if (!ITEM_CODE.test(c)) {
        v.push({ path: `scope.itemCodes.${i}`, reason: 'PATTERN', message: `事项编码“${c}”应为12位数字或大写字母` });
      }
    });
  }
  if (input.validUntil !== '') {
    if (!isRealDate(input.validUntil)) {
      v.push({ path: 'validUntil', reason: 'DATE', message: '有效期至应为有效日期，格式为 YYYY-MM-DD' });
    } else if (input.validUntil < today) {
      v.push({ path: 'validUntil', reason: 'IN_THE_PAST', message: `有效期至不能早于今天（${today}）` });
    }
  }
  return v;
}

/** "All departments" makes lists meaningless; duplicates are dropped. */
function normalizedScope(scope: AgentScope): AgentScope {
  if (scope.allDepartments) return { allDepartments: true, departments: [], itemCodes: [] };
  return {
    allDepartments: false,
    departments: [...new Set(scope.departments)],
    itemCodes: [...new Set(scope.itemCodes)],
  };
}

function revoked(grant: AgentGrant, by: string, reason: string, now: Date): AgentGrant {
  return { ...grant, status: 'revoked', revokedAt: now, revokedBy: by, ...(reason ? { revokeReason: reason } : {}) };
}

/**
 * The holder authorises a natural person as agent. An agent has at most one active grant: an earlier one is
 * revoked (AgentRevoked) and the new one granted (AgentAuthorized) in the same change.
 */
export function authorizeAgent(
  legalPerson: LegalPerson,
  input: AgentGrantInput & {
    grantId: string;
    agent: { personId: string; name: string; subject: string };
    grantedBy: string;
    today: string;
    now: Date;
  },
): { legalPerson: LegalPerson; grant: AgentGrant; events: LegalPersonEvent[] } {
  const violations = validateAgentGrant(input, input.today);
  if (input.agent.personId === legalPerson.holderPersonId || input.agent.subject === legalPerson.holderSubject) {
    violations.push({
      path: 'agentIdNumber',
      reason: 'AGENT_IS_HOLDER',
      message: '账户持有人本人即可以该单位名义办理，无需授权自己为经办人',
    });
  }
  if (violations.length > 0) throw new ValidationError(violations);

  const grant: AgentGrant = {
    id: input.grantId,
    agentPersonId: input.agent.personId,
    agentName: input.agent.name,
    agentSubject: input.agent.subject,
    scope: normalizedScope(input.scope),
    ...(input.validUntil ? { validUntil: input.validUntil } : {}),
    status: 'active',
    grantedAt: input.now,
    grantedBy: input.grantedBy,
  };
  const replaced: AgentGrant[] = [];
  const agents = legalPerson.agents.map((g) => {
    if (g.status !== 'active' || g.agentSubject !== grant.agentSubject) return g;
    const old = revoked(g, input.grantedBy, REPLACED_REASON, input.now);
    replaced.push(old);
    return old;
  });
  const next: LegalPerson = {
    ...legalPerson,
    agents: [...agents, grant],
    version: legalPerson.version + 1,
    updatedAt: input.now,
  };
  const events: LegalPersonEvent[] = [
    ...replaced.map((g) => ({ type: 'AgentRevoked' as const, legalPerson: next, grant: g })),
    { type: 'AgentAuthorized', legalPerson: next, grant },
  ];
  return { legalPerson: next, grant, events };
}

/** The holder revokes a grant. Revoking a revoked grant changes nothing (a retry). */
export function revokeAgent(
  legalPerson: LegalPerson,
  input: { grantId: string; reason: string; revokedBy: string; now: Date },
): { legalPerson: LegalPerson; grant: AgentGrant; events: LegalPersonEvent[] } {
  const grant = legalPerson.agents.find((g) => g.id === input.grantId);
  if (!grant) throw new NotFoundError('GRANT_NOT_FOUND', '未找到该经办授权');
  if (grant.status === 'revoked') return { legalPerson, grant, events: [] };
  const done = revoked(grant, input.revokedBy, normalizeText(input.reason), input.now);
  const next: LegalPerson = {
    ...legalPerson,
    agents: legalPerson.agents.map((g) => (g.id === grant.id ? done : g)),
    version: legalPerson.version + 1,
    updatedAt: input.now,
  };
  return { legalPerson: next, grant: done, events: [{ type: 'AgentRevoked', legalPerson: next, grant: done }] };
}

export function activeGrantOf(legalPerson: LegalPerson, agentSubject: string): AgentGrant | undefined {
  return legalPerson.agents.find((g) => g.status === 'active' && g.agentSubject === agentSubject);
}

/** The agent's grant that is active and not past its last day (`today`, YYYY-MM-DD). */
export function currentGrantOf(legalPerson: LegalPerson, agentSubject: string, today: string): AgentGrant | undefined {
  const grant = activeGrantOf(legalPerson, agentSubject);
  return grant && (!grant.validUntil || grant.validUntil >= today) ? grant : undefined;
}

/** What an agent sees: their own active grant only, the representative's ID number masked. */
export function agentView(legalPerson: LegalPerson, agentSubject: string): LegalPerson {
  return {
    ...legalPerson,
    legalRepresentativeIdNumber: maskIdNumber(legalPerson.legalRepresentativeIdNumber),
    agents: legalPerson.agents.filter((g) => g.status === 'active' && g.agentSubject === agentSubject),
  };
}

/** What staff see: every grant, the representative's ID number masked. */
export function staffView(legalPerson: LegalPerson): LegalPerson {
  return { ...legalPerson, legalRepresentativeIdNumber: maskIdNumber(legalPerson.legalRepresentativeIdNumber) };
}
