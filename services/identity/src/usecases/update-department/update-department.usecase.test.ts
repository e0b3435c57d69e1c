import { ConcurrencyError, NotFoundError, ValidationError } from '@govhall/errors';
import { actors, seedTree, tenancySetup } from '../in-memory-tenancy.test-double';

function setup() {
  const s = tenancySetup();
  seedTree(s);
  s.seedDepartment('620321', 'SCJG', '市场监督管理局');
  return s;
}

describe('update department', () => {
  it('renames the department, keeps its code and queues DepartmentUpdated', async () => {
    const { uc, departments } = setup();
    const department = await uc.updateDepartment(
      { code: '620321-SCJG', name: ' 永昌县市场监督管理局 ', expectedVersion: 1 },
      actors.ycAdmin,
    );
    expect(department).toMatchObject({ code: '620321-SCJG', name: '永昌县市场监督管理局', version: 2 });
    expect(departments.saved.get('620321-SCJG')?.name).toBe('永昌县市场监督管理局');
    expect(departments.events.map((e) => e.type)).toEqual(['DepartmentUpdated']);
  });

  it('refuses a name too short at the field and changes nothing', async () => {
    const { uc, departments } = setup();
    const err = await uc
      .updateDepartment({ code: '620321-SCJG', name: '局', expectedVersion: 1 }, actors.ycAdmin)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).violations.map((v) => v.path)).toEqual(['name']);
    expect(departments.saved.get('620321-SCJG')?.name).toBe('市场监督管理局');
  });

  it('refuses a stale version, an unknown department and a clerk', async () => {
    const { uc } = setup();
    const command = { code: '620321-SCJG', name: '市场监管局', expectedVersion: 1 };
    await expect(uc.updateDepartment({ ...command, expectedVersion: 2 }, actors.ycAdmin)).rejects.toBeInstanceOf(
      ConcurrencyError,
    );
    await expect(uc.updateDepartment({ ...command, code: '620321-XX' }, actors.ycAdmin)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(uc.updateDepartment(command, actors.ycClerk)).rejects.toMatchObject({ code: 'ROLE_REQUIRED' });
    await expect(uc.updateDepartment(command, actors.lzsAdmin)).rejects.toMatchObject({ code: 'TENANT_OUT_OF_SCOPE' });
  });
});
