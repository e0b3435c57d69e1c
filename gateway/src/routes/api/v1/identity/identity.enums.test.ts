import { identityV1 } from '@govhall/proto';
import {
  grantStatus,
  naturalPersonStatus,
  responsibilityBasis,
  staffStatus,
  tenantLevel,
  windowKind,
} from './identity.enums';

describe('identity enum mapping', () => {
  it.each([
    [tenantLevel, identityV1.TenantLevel.TENANT_LEVEL_CITY, 'city'],
    [tenantLevel, identityV1.TenantLevel.TENANT_LEVEL_DISTRICT, 'district'],
    [tenantLevel, identityV1.TenantLevel.TENANT_LEVEL_COUNTY, 'county'],
    [tenantLevel, identityV1.TenantLevel.TENANT_LEVEL_TOWN, 'town'],
    [tenantLevel, identityV1.TenantLevel.TENANT_LEVEL_VILLAGE, 'village'],
    [windowKind, identityV1.WindowKind.WINDOW_KIND_DEPARTMENT, 'department'],
    [windowKind, identityV1.WindowKind.WINDOW_KIND_COMPREHENSIVE, 'comprehensive'],
    [responsibilityBasis, identityV1.ResponsibilityBasis.RESPONSIBILITY_BASIS_A_POST, 'a_post'],
    [responsibilityBasis, identityV1.ResponsibilityBasis.RESPONSIBILITY_BASIS_B_POST, 'b_post'],
    [responsibilityBasis, identityV1.ResponsibilityBasis.RESPONSIBILITY_BASIS_DEPARTMENT_HEAD, 'department_head'],
    [responsibilityBasis, identityV1.ResponsibilityBasis.RESPONSIBILITY_BASIS_CENTER_ADMIN, 'center_admin'],
    [staffStatus, identityV1.StaffStatus.STAFF_STATUS_PROVISIONING, 'provisioning'],
    [staffStatus, identityV1.StaffStatus.STAFF_STATUS_ACTIVE, 'active'],
    [staffStatus, identityV1.StaffStatus.STAFF_STATUS_DISABLED, 'disabled'],
    [naturalPersonStatus, identityV1.NaturalPersonStatus.NATURAL_PERSON_STATUS_PROVISIONING, 'provisioning'],
    [naturalPersonStatus, identityV1.NaturalPersonStatus.NATURAL_PERSON_STATUS_ACTIVE, 'active'],
    [naturalPersonStatus, identityV1.NaturalPersonStatus.NATURAL_PERSON_STATUS_DISABLED, 'disabled'],
    [grantStatus, identityV1.AgentGrantStatus.AGENT_GRANT_STATUS_ACTIVE, 'active'],
    [grantStatus, identityV1.AgentGrantStatus.AGENT_GRANT_STATUS_REVOKED, 'revoked'],
  ] as const)('%#: proto %s ⇄ "%s"', (mapping, proto, rest) => {
    const m = mapping as { rest(v: number): string; proto(v: string): number };
    expect(m.rest(proto)).toBe(rest);
    expect(m.proto(rest)).toBe(proto);
  });

  it('treats UNSPECIFIED or an unknown value from the service as a contract breach', () => {
    expect(() => tenantLevel.rest(identityV1.TenantLevel.TENANT_LEVEL_UNSPECIFIED)).toThrow(/TenantLevel 0/);
    expect(() => staffStatus.rest(42)).toThrow(/StaffStatus 42/);
  });
});
