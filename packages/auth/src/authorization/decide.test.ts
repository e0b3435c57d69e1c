import type { Principal } from '../principal';
import { decide, type AccessPolicy } from './decide';

function staff(overrides: Partial<Principal>): Principal {
  return {
    kind: 'user',
    subject: 'u1',
    username: 'u1',
    tenant: '620321',
    roles: [],
    clientId: 'govhall-portal',
    ...overrides,
  };
}

const CASES: AccessPolicy = {
  roles: ['window_clerk', 'reviewer', 'approver', 'department_head', 'center_admin', 'supervisor'],
  owner: true,
};
const TENANT_DATA: AccessPolicy = { roles: ['center_admin', 'supervisor', 'window_clerk'] };

describe('decide: tenant scope', () => {
  it('lets staff act in their own tenant', () => {
    const clerk = staff({ roles: ['window_clerk'], department: '620321-SCJG' });
    expect(decide(clerk, 'write', { type: 'case', tenant: '620321', department: '620321-SCJG' }, CASES)).toEqual({
      allowed: true,
      basis: 'OWN_TENANT',
    });
  });

  it('keeps county staff out of a district record (a sibling)', () => {
    const admin = staff({ roles: ['center_admin'], tenant: '620321' });
    expect(decide(admin, 'read', { type: 'case', tenant: '620302' }, CASES)).toEqual({
      allowed: false,
      reason: 'TENANT_OUT_OF_SCOPE',
      message: '无权访问其他地区（620302）的数据',
    });
  });

  it('lets a city supervisor read its own county, but not another city’s county, and never write below', () => {
    const supervisor = staff({ roles: ['supervisor'], tenant: '620300' });
    expect(decide(supervisor, 'read', { type: 'case', tenant: '620321' }, CASES)).toEqual({
      allowed: true,
      basis: 'DESCENDANT_TENANT',
    });
    expect(decide(supervisor, 'read', { type: 'case', tenant: '620123' }, CASES)).toMatchObject({
      allowed: false,
      reason: 'TENANT_OUT_OF_SCOPE',
    });
    expect(decide(supervisor, 'write', { type: 'case', tenant: '620321' }, CASES)).toEqual({
      allowed: false,
      reason: 'TENANT_OUT_OF_SCOPE',
      message: '无权修改其他地区（620321）的数据',
    });
  });

  it('lets a city center admin read towns below its counties', () => {
    const admin = staff({ roles: ['center_admin'], tenant: '620300' });
    expect(decide(admin, 'read', { type: 'window', tenant: '620321100' }, TENANT_DATA)).toMatchObject({
      allowed: true,
      basis: 'DESCENDANT_TENANT',
    });
  });

  it('does not extend descendant reading to non-supervising roles', () => {
    const clerk = staff({ roles: ['window_clerk'], tenant: '620300' });
    expect(decide(clerk, 'read', { type: 'window', tenant: '620321' }, TENANT_DATA)).toMatchObject({
      allowed: false,
      reason: 'TENANT_OUT_OF_SCOPE',
    });
  });

  it('only counts supervising roles the policy grants', () => {
    const both = staff({ roles: ['supervisor', 'window_clerk'], tenant: '620300' });
    const clerksOnly: AccessPolicy = { roles: ['window_clerk'] };
    expect(decide(both, 'read', { type: 'case', tenant: '620321' }, clerksOnly)).toMatchObject({
      allowed: false,
      reason: 'TENANT_OUT_OF_SCOPE',
    });
  });

  it('never matches an empty tenant', () => {
    const noTenant = staff({ roles: ['center_admin'], tenant: '' });
    expect(decide(noTenant, 'read', { type: 'case', tenant: '' }, CASES)).toMatchObject({
      allowed: false,
      reason: 'TENANT_OUT_OF_SCOPE',
      message: '您的账号未分配所属地区，无权访问该数据',
    });
    const admin = staff({ roles: ['center_admin'] });
    expect(decide(admin, 'read', { type: 'case', tenant: '' }, CASES)).toMatchObject({ allowed: false });
  });
});

describe('decide: roles and owner', () => {
  it('requires one of the policy roles and names them', () => {
    const clerk = staff({ roles: ['window_clerk'] });
    expect(decide(clerk, 'write', { type: 'tenant', tenant: '620321' }, { roles: ['center_admin'] })).toEqual({
      allowed: false,
      reason: 'ROLE_REQUIRED',
      message: '您没有执行此操作的权限（需要以下角色之一：政务服务中心管理员）',
    });
  });

  it('lets the owner reach their own record whatever the tenant', () => {
    const applicant = staff({ subject: 'zhang-san', roles: ['applicant'], tenant: '' });
    const record = { type: 'case', tenant: '620321', ownerSubject: 'zhang-san' };
    expect(decide(applicant, 'write', record, CASES)).toEqual({ allowed: true, basis: 'OWNER' });
  });

  it('tells an applicant they can reach only their own records', () => {
    const other = staff({ subject: 'li-si', roles: ['applicant'], tenant: '' });
    expect(decide(other, 'read', { type: 'case', tenant: '620321', ownerSubject: 'zhang-san' }, CASES)).toEqual({
      allowed: false,
      reason: 'NOT_OWNER',
      message: '只能访问本人的数据',
    });
  });

  it('ignores ownership when the policy does not grant it', () => {
    const applicant = staff({ subject: 'zhang-san', roles: ['applicant'] });
    const record = { type: 'case', tenant: '620321', ownerSubject: 'zhang-san' };
    expect(decide(applicant, 'read', record, { roles: ['window_clerk'] })).toMatchObject({ reason: 'ROLE_REQUIRED' });
  });

  it('never treats an empty subject as the owner', () => {
    const anonymous = staff({ subject: '', roles: [] });
    expect(decide(anonymous, 'read', { type: 'case', tenant: '620321', ownerSubject: '' }, CASES)).toMatchObject({
      allowed: false,
    });
  });
});

describe('decide: department scope', () => {
  const record = { type: 'case', tenant: '620321', department: '620321-SCJG' };

  it('keeps a department-scoped clerk of another department out', () => {
    const clerk = staff({ roles: ['window_clerk'], department: '620321-GTZY' });
    expect(decide(clerk, 'read', record, CASES)).toEqual({
      allowed: false,
      reason: 'DEPARTMENT_OUT_OF_SCOPE',
      message: '无权访问其他部门（620321-SCJG）的数据',
    });
  });

  it('keeps a department-scoped clerk without a department out of departmental records', () => {
    expect(decide(staff({ roles: ['reviewer'] }), 'read', record, CASES)).toMatchObject({
      reason: 'DEPARTMENT_OUT_OF_SCOPE',
    });
  });

  it('lets tenant-wide roles reach every department of their tenant', () => {
    const admin = staff({ roles: ['center_admin', 'window_clerk'], department: '620321-GTZY' });
    expect(decide(admin, 'write', record, CASES)).toEqual({ allowed: true, basis: 'OWN_TENANT' });
  });

  it('follows the policy’s own list of department-scoped roles', () => {
    const admin = staff({ roles: ['center_admin'], department: '620321-GTZY' });
    const policy: AccessPolicy = { roles: ['center_admin'], departmentScoped: ['center_admin'] };
    expect(decide(admin, 'read', record, policy)).toMatchObject({ reason: 'DEPARTMENT_OUT_OF_SCOPE' });
    const clerk = staff({ roles: ['window_clerk'], department: '620321-GTZY' });
    expect(decide(clerk, 'read', record, { roles: ['window_clerk'], departmentScoped: [] })).toMatchObject({
      allowed: true,
    });
  });

  it('does not restrict records that belong to no department', () => {
    const clerk = staff({ roles: ['window_clerk'], department: '620321-GTZY' });
    expect(decide(clerk, 'read', { type: 'case', tenant: '620321' }, CASES)).toMatchObject({ allowed: true });
  });
});

describe('decide: service accounts', () => {
  const service = (overrides: Partial<Principal>) =>
    staff({ kind: 'service', username: 'service-account-x', roles: ['service'], ...overrides });
  const policy: AccessPolicy = { roles: ['service'] };

  it('writes only in its own tenant', () => {
    expect(decide(service({}), 'write', { type: 'case', tenant: '620321' }, policy)).toMatchObject({ allowed: true });
    expect(decide(service({}), 'write', { type: 'case', tenant: '620302' }, policy)).toMatchObject({
      reason: 'TENANT_OUT_OF_SCOPE',
    });
    expect(decide(service({ tenant: '620300' }), 'read', { type: 'case', tenant: '620321' }, policy)).toMatchObject({
      reason: 'TENANT_OUT_OF_SCOPE',
    });
  });

  it('is held to its own department when it has one', () => {
    const record = { type: 'case', tenant: '620321', department: '620321-SCJG' };
    expect(decide(service({ department: '620321-GTZY' }), 'read', record, policy)).toMatchObject({
      reason: 'DEPARTMENT_OUT_OF_SCOPE',
    });
    expect(decide(service({ department: '620321-SCJG' }), 'read', record, policy)).toMatchObject({ allowed: true });
    expect(decide(service({}), 'read', record, policy)).toMatchObject({ allowed: true });
  });
});
