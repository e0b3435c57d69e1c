import { identityV1 } from '@govhall/proto';
import { enumMapping } from '../../../../lib/enum-map';

const L = identityV1.TenantLevel;
export const tenantLevel = enumMapping('identity', 'TenantLevel', [
  [L.TENANT_LEVEL_CITY, 'city'],
  [L.TENANT_LEVEL_DISTRICT, 'district'],
  [L.TENANT_LEVEL_COUNTY, 'county'],
  [L.TENANT_LEVEL_TOWN, 'town'],
  [L.TENANT_LEVEL_VILLAGE, 'village'],
]);

const K = identityV1.WindowKind;
export const windowKind = enumMapping('identity', 'WindowKind', [
  [K.WINDOW_KIND_DEPARTMENT, 'department'],
  [K.WINDOW_KIND_COMPREHENSIVE, 'comprehensive'],
]);

const B = identityV1.ResponsibilityBasis;
export const responsibilityBasis = enumMapping('identity', 'ResponsibilityBasis', [
  [B.RESPONSIBILITY_BASIS_A_POST, 'a_post'],
  [B.RESPONSIBILITY_BASIS_B_POST, 'b_post'],
  [B.RESPONSIBILITY_BASIS_DEPARTMENT_HEAD, 'department_head'],
  [B.RESPONSIBILITY_BASIS_CENTER_ADMIN, 'center_admin'],
]);

const S = identityV1.StaffStatus;
export const staffStatus = enumMapping('identity', 'StaffStatus', [
  [S.STAFF_STATUS_PROVISIONING, 'provisioning'],
  [S.STAFF_STATUS_ACTIVE, 'active'],
  [S.STAFF_STATUS_DISABLED, 'disabled'],
]);

const G = identityV1.AgentGrantStatus;
export const grantStatus = enumMapping('identity', 'AgentGrantStatus', [
  [G.AGENT_GRANT_STATUS_ACTIVE, 'active'],
  [G.AGENT_GRANT_STATUS_REVOKED, 'revoked'],
]);
