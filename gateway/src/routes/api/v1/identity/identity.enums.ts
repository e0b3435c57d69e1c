import { identityV1 } from '@govhall/proto';

/** A proto enum ⇄ its lower-case REST spelling. UNSPECIFIED has no spelling: the service never answers it. */
function enumMapping<P extends number, R extends string>(name: string, pairs: readonly (readonly [P, R])[]) {
  const toRest = new Map<number, R>(pairs);
  const toProto = new Map<string, P>(pairs.map(([p, r]) => [r, p]));
  return {
    rest(value: number): R {
      const r = toRest.get(value);
      if (r === undefined) throw new Error(`identity answered ${name} ${value}, which the gateway does not know`);
      return r;
    },
    proto(value: R): P {
      return toProto.get(value)!;
    },
  };
}

const L = identityV1.TenantLevel;
export const tenantLevel = enumMapping('TenantLevel', [
  [L.TENANT_LEVEL_CITY, 'city'],
  [L.TENANT_LEVEL_DISTRICT, 'district'],
  [L.TENANT_LEVEL_COUNTY, 'county'],
  [L.TENANT_LEVEL_TOWN, 'town'],
  [L.TENANT_LEVEL_VILLAGE, 'village'],
] as const);

const K = identityV1.WindowKind;
export const windowKind = enumMapping('WindowKind', [
  [K.WINDOW_KIND_DEPARTMENT, 'department'],
  [K.WINDOW_KIND_COMPREHENSIVE, 'comprehensive'],
] as const);

const B = identityV1.ResponsibilityBasis;
export const responsibilityBasis = enumMapping('ResponsibilityBasis', [
  [B.RESPONSIBILITY_BASIS_A_POST, 'a_post'],
  [B.RESPONSIBILITY_BASIS_B_POST, 'b_post'],
  [B.RESPONSIBILITY_BASIS_DEPARTMENT_HEAD, 'department_head'],
  [B.RESPONSIBILITY_BASIS_CENTER_ADMIN, 'center_admin'],
] as const);

const S = identityV1.StaffStatus;
export const staffStatus = enumMapping('StaffStatus', [
  [S.STAFF_STATUS_PROVISIONING, 'provisioning'],
  [S.STAFF_STATUS_ACTIVE, 'active'],
  [S.STAFF_STATUS_DISABLED, 'disabled'],
] as const);

const G = identityV1.AgentGrantStatus;
export const grantStatus = enumMapping('AgentGrantStatus', [
  [G.AGENT_GRANT_STATUS_ACTIVE, 'active'],
  [G.AGENT_GRANT_STATUS_REVOKED, 'revoked'],
] as const);
