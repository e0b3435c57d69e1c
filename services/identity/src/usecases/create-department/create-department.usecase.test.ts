import { ConflictError, ForbiddenError, NotFoundError, PreconditionError, ValidationError } from '@govhall/errors';
import { actors, seedTree, tenancySetup } from '../in-memory-tenancy.test-double';

const command = { tenant: '620321', abbreviation: 'SCJG', name: '市场监督管理局' };

function setup(hostedTenants?: string[]) {
  const s = tenancySetup({ hostedTenants });
  seedTree(s);
  return s;
}

describe('create department', () => {
  it('seats a department coded <tenant>-<abbreviation> and queues DepartmentCreated', async () => {
    const { uc, departments } = setup();
    const department = await uc.createDepartment(command, actors.ycAdmin);
    expect(department).toMatchObject({ code: '620321-SCJG', tenant: '620321', version: 1 });
    expect(departments.events.map((e) => e.type)).toEqual(['DepartmentCreated']);
  });

  it('refuses a duplicate code with DEPARTMENT_EXISTS', async () => {
    const { uc } = setup();
    await uc.createDepartment(command, actors.ycAdmin);
    const err = await uc.createDepartment({ ...command, name: '市场监管局' }, actors.ycAdmin).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).code).toBe('DEPARTMENT_EXISTS');
  });

  it('does not let a city admin create a department in a county (TENANT_OUT_OF_SCOPE)', async () => {
    const { uc, departments } = setup();
    const err = await uc.createDepartment(command, actors.jcsAdmin).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ForbiddenError);
    expect((err as ForbiddenError).code).toBe('TENANT_OUT_OF_SCOPE');
    expect(departments.saved.size).toBe(0);
  });

  it('needs a center administrator or ops admin', async () => {
    const { uc } = setup();
    await expect(uc.createDepartment(command, actors.ycClerk)).rejects.toMatchObject({ code: 'ROLE_REQUIRED' });
  });

  it('needs an existing tenant and valid fields', async () => {
    const { uc } = tenancySetup();
    await expect(uc.createDepartment(command, actors.ycAdmin)).rejects.toBeInstanceOf(NotFoundError);
    await expect(uc.createDepartment({ ...command, abbreviation: 'scjg' }, actors.ycAdmin)).rejects.toBeInstanceOf(
      ValidationError,
    );
  });

  it('refuses a tenant this deployment does not host', async () => {
    const { uc } = setup(['620300']);
    await expect(uc.createDepartment(command, actors.ycAdmin)).rejects.toBeInstanceOf(PreconditionError);
  });
});
