import { ConcurrencyError, ForbiddenError, PreconditionError, ValidationError } from '@govhall/errors';
import { actors, center, seedTree, tenancySetup } from '../in-memory-tenancy.test-double';

const newCenter = {
  ...center('永昌县政务服务中心'),
  hours: '周一至周六 8:30-12:00 14:30-18:00',
  phones: ['0935-7520000'],
};

function setup(hostedTenants?: string[]) {
  const s = tenancySetup({ hostedTenants });
  seedTree(s);
  return s;
}

describe('update service center', () => {
  it('replaces the center, bumps the version and queues ServiceCenterUpdated', async () => {
    const { uc, tenants } = setup();
    const tenant = await uc.updateServiceCenter(
      { code: '620321', center: newCenter, expectedVersion: 1 },
      actors.ycAdmin,
    );
    expect(tenant.version).toBe(2);
    expect((await tenants.findByCode('620321'))!.center.hours).toBe('周一至周六 8:30-12:00 14:30-18:00');
    expect(tenants.events.map((e) => e.type)).toEqual(['ServiceCenterUpdated']);
  });

  it('refuses a stale version and changes nothing', async () => {
    const { uc, tenants } = setup();
    await uc.updateServiceCenter({ code: '620321', center: newCenter, expectedVersion: 1 }, actors.ycAdmin);
    await expect(
      uc.updateServiceCenter({ code: '620321', center: center('旧名称中心'), expectedVersion: 1 }, actors.ycAdmin),
    ).rejects.toBeInstanceOf(ConcurrencyError);
    expect((await tenants.findByCode('620321'))!.center.name).toBe('永昌县政务服务中心');
  });

  it('lets only the tenant itself write: the city admin cannot change a county center', async () => {
    const { uc, denials } = setup();
    const err = await uc
      .updateServiceCenter({ code: '620321', center: newCenter, expectedVersion: 1 }, actors.jcsAdmin)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ForbiddenError);
    expect((err as ForbiddenError).code).toBe('TENANT_OUT_OF_SCOPE');
    expect(denials).toHaveLength(1);
  });

  it('validates the center and requires the expected version', async () => {
    const { uc } = setup();
    const err = await uc
      .updateServiceCenter(
        { code: '620321', center: { ...newCenter, phones: ['电话'] }, expectedVersion: 0 },
        actors.ycAdmin,
      )
      .catch((e: unknown) => e);
    expect((err as ValidationError).violations.map((v) => v.path)).toEqual(['center.phones.0', 'expectedVersion']);
  });

  it('refuses a tenant this deployment does not host', async () => {
    const { uc } = setup(['620300']);
    await expect(
      uc.updateServiceCenter({ code: '620321', center: newCenter, expectedVersion: 1 }, actors.ycAdmin),
    ).rejects.toBeInstanceOf(PreconditionError);
  });
});
