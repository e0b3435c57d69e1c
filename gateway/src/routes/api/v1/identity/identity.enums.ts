import { identityV1 } from '@govhall/proto';
import { enumMapping } from '../../../../lib/enum-map';

export const tenantLevel = enumMapping('identity', 'TenantLevel', identityV1.TenantLevel, 'TENANT_LEVEL_');
export const windowKind = enumMapping('identity', 'WindowKind', identityV1.WindowKind, 'WINDOW_KIND_');
export const responsibilityBasis = enumMapping(
  'identity',
  'ResponsibilityBasis',
  identityV1.ResponsibilityBasis,
  'RESPONSIBILITY_BASIS_',
);
export const staffStatus = enumMapping('identity', 'StaffStatus', identityV1.StaffStatus, 'STAFF_STATUS_');
export const naturalPersonStatus = enumMapping(
  'identity',
  'NaturalPersonStatus',
  identityV1.NaturalPersonStatus,
  'NATURAL_PERSON_STATUS_',
);
export const grantStatus = enumMapping(
  'identity',
  'AgentGrantStatus',
  identityV1.AgentGrantStatus,
  'AGENT_GRANT_STATUS_',
);
