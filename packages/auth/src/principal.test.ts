import { actsInTenant, hasAnyRole, principalFromClaims } from './principal';

describe('principalFromClaims', () => {
  it('keeps only known roles and reads tenant and department', () => {
    const p = principalFromClaims({
      sub: 's1',
      preferred_username: 'yc-clerk',
      roles: ['window_clerk', 'offline_access', 'uma_authorization'],
      tenant: '620321',
      department: '620321-SCJG',
      azp: 'govhall-workbench',
    });
    expect(p).toMatchObject({ kind: 'user', roles: ['window_clerk'], tenant: '620321', department: '620321-SCJG' });
    expect(hasAnyRole(p, ['center_admin'])).toBe(false);
    expect(actsInTenant(p, '620321')).toBe(true);
    expect(actsInTenant(p, '620302')).toBe(false);
  });

  it('recognises service accounts and never lets an empty tenant match', () => {
    const p = principalFromClaims({
      sub: 's2',
      preferred_username: 'service-account-govhall-dept-demo',
      roles: ['service'],
    });
    expect(p.kind).toBe('service');
    expect(actsInTenant(p, '')).toBe(false);
  });

  it('a citizen-portal token carries at most the applicant role, a workbench token at most staff roles', () => {
    const claims = { sub: 's3', preferred_username: 'both', roles: ['applicant', 'center_admin', 'reviewer'] };
    expect(principalFromClaims({ ...claims, azp: 'govhall-portal' }).roles).toEqual(['applicant']);
    expect(principalFromClaims({ ...claims, azp: 'govhall-workbench' }).roles).toEqual(['center_admin', 'reviewer']);
    expect(principalFromClaims({ ...claims, azp: 'govhall-test-shortlived' }).roles).toEqual(claims.roles);
    const portalAdmin = principalFromClaims({ ...claims, roles: ['center_admin'], azp: 'govhall-portal' });
    expect(hasAnyRole(portalAdmin, ['center_admin'])).toBe(false);
  });

  it("a hall screen's device role is carried by a workbench token, never by a citizen-portal one", () => {
    const claims = { sub: 's4', preferred_username: 'ycx-screen', tenant: '620321', roles: ['hall_screen', 'service'] };
    expect(principalFromClaims({ ...claims, azp: 'govhall-workbench' }).roles).toEqual(['hall_screen']);
    expect(principalFromClaims({ ...claims, azp: 'govhall-portal' }).roles).toEqual([]);
  });

  it("a rating device's token carries its role and its window's number; a token without the claim has no window", () => {
    const claims = { sub: 's5', preferred_username: 'ycx-rating-a01', tenant: '620321', roles: ['rating_device'] };
    const device = principalFromClaims({ ...claims, window: 'A01', azp: 'govhall-workbench' });
    expect(device).toMatchObject({ roles: ['rating_device'], window: 'A01', tenant: '620321' });
    expect(principalFromClaims({ ...claims, window: 'A01', azp: 'govhall-portal' }).roles).toEqual([]);
    expect(principalFromClaims({ ...claims, azp: 'govhall-workbench' }).window).toBeUndefined();
  });
});
