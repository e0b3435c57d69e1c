import { NotFoundError } from '@govhall/errors';
import { seedTree, tenancySetup } from '../in-memory-tenancy.test-double';

describe('list tenants', () => {
  it('lists the roots without a parent and the children of a parent, ordered by code', async () => {
    const setup = tenancySetup();
    seedTree(setup);
    expect((await setup.uc.listTenants('')).map((t) => t.code)).toEqual(['620100', '620300']);
    expect((await setup.uc.listTenants('620300')).map((t) => t.code)).toEqual(['620302', '620321']);
    expect(await setup.uc.listTenants('620321')).toEqual([]);
  });

  it('answers NOT_FOUND for an unknown parent', async () => {
    const { uc } = tenancySetup();
    await expect(uc.listTenants('620300')).rejects.toBeInstanceOf(NotFoundError);
  });
});
