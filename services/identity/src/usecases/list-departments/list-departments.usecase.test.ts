import { NotFoundError } from '@govhall/errors';
import { hallSetup, tenancySetup } from '../in-memory-tenancy.test-double';

describe('list departments', () => {
  it("lists a tenant's departments ordered by code", async () => {
    const { uc, seedDepartment } = hallSetup();
    seedDepartment('620302', 'SCJG', '市场监督管理局');
    expect((await uc.listDepartments('620321')).map((d) => d.code)).toEqual(['620321-RSJ', '620321-SCJG']);
  });

  it('answers NOT_FOUND for an unknown tenant', async () => {
    const { uc } = tenancySetup();
    await expect(uc.listDepartments('620321')).rejects.toBeInstanceOf(NotFoundError);
  });
});
