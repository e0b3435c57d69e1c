import { NotFoundError, ValidationError } from '@govhall/errors';
import { seedTree, tenancySetup } from '../in-memory-tenancy.test-double';

describe('get tenant', () => {
  it('returns the tenant with its center to anyone', async () => {
    const setup = tenancySetup();
    seedTree(setup);
    const tenant = await setup.uc.getTenant(' 620321 ');
    expect(tenant).toMatchObject({ code: '620321', name: '永昌县', level: 'county', parentCode: '620300' });
    expect(tenant.center.name).toBe('永昌县政务服务中心');
  });

  it('answers NOT_FOUND for an unknown tenant and VALIDATION for a malformed code', async () => {
    const { uc } = tenancySetup();
    await expect(uc.getTenant('620321')).rejects.toMatchObject({ code: 'TENANT_NOT_FOUND' });
    await expect(uc.getTenant('620321')).rejects.toBeInstanceOf(NotFoundError);
    await expect(uc.getTenant('62-321')).rejects.toBeInstanceOf(ValidationError);
  });
});
