import { ConflictError, ForbiddenError, PreconditionError, ValidationError } from '@govhall/errors';
import { actors, center, seedTree, tenancySetup } from '../in-memory-tenancy.test-double';
import type { CreateTenantCommand } from './create-tenant.usecase';

const command = (overrides: Partial<CreateTenantCommand>): CreateTenantCommand => ({
  code: '620300',
  name: '金昌市',
  level: '',
  center: center('金昌市政务服务中心'),
  ...overrides,
});

async function failure(promise: Promise<unknown>) {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e,
  );
}

describe('create tenant', () => {
  it('builds a valid tree: a city root by its ops admin, a district and a county by the city admin', async () => {
    const { uc, tenants } = tenancySetup();
    const city = await uc.createTenant(command({}), actors.jcsOps);
    await uc.createTenant(command({ code: '620321', name: '永昌县', parentCode: '620300' }), actors.jcsAdmin);
    await uc.createTenant(command({ code: '620302', name: '金川区', parentCode: '620300' }), actors.jcsAdmin);
    expect(city).toMatchObject({ code: '620300', level: 'city', version: 1 });
    expect((await tenants.listChildren('620300')).map((t) => [t.code, t.level])).toEqual([
      ['620302', 'district'],
      ['620321', 'county'],
    ]);
    expect(tenants.events.map((e) => `${e.type}:${e.tenant.code}`)).toEqual([
      'TenantCreated:620300',
      'TenantCreated:620321',
      'TenantCreated:620302',
    ]);
  });

  it('refuses a county under the wrong city with PARENT and writes nothing', async () => {
    const setup = tenancySetup();
    seedTree(setup);
    setup.tenants.saved.delete('620321');
    const err = await failure(
      setup.uc.createTenant(command({ code: '620321', name: '永昌县', parentCode: '620100' }), actors.lzsAdmin),
    );
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).violations).toEqual([
      expect.objectContaining({ path: 'parentCode', reason: 'PARENT' }),
    ]);
    expect(setup.tenants.saved.has('620321')).toBe(false);
  });

  it('refuses a village directly under a county', async () => {
    const setup = tenancySetup();
    seedTree(setup);
    const err = await failure(
      setup.uc.createTenant(command({ code: '620321100201', name: '金川村', parentCode: '620321' }), actors.ycAdmin),
    );
    expect((err as ValidationError).violations.map((v) => `${v.path}:${v.reason}`)).toEqual(['parentCode:PARENT']);
  });

  it('refuses a duplicate code with TENANT_EXISTS', async () => {
    const setup = tenancySetup();
    seedTree(setup);
    const err = await failure(
      setup.uc.createTenant(command({ code: '620321', name: '永昌县', parentCode: '620300' }), actors.jcsAdmin),
    );
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).code).toBe('TENANT_EXISTS');
    expect(setup.tenants.events).toHaveLength(0);
  });

  it('reports a missing parent on parentCode', async () => {
    const { uc } = tenancySetup();
    const err = await failure(uc.createTenant(command({ code: '620321', parentCode: '620300' }), actors.jcsAdmin));
    expect((err as ValidationError).violations.map((v) => `${v.path}:${v.reason}`)).toEqual(['parentCode:NOT_FOUND']);
  });

  it('needs ops_admin of the root itself for a root, and a writer of the parent for a child', async () => {
    const setup = tenancySetup();
    const rootByAdmin = await failure(setup.uc.createTenant(command({}), actors.jcsAdmin));
    expect((rootByAdmin as ForbiddenError).code).toBe('ROLE_REQUIRED');
    const rootByOtherOps = await failure(
      setup.uc.createTenant(command({ code: '620100', name: '兰州市' }), actors.jcsOps),
    );
    expect((rootByOtherOps as ForbiddenError).code).toBe('TENANT_OUT_OF_SCOPE');

    seedTree(setup);
    setup.tenants.saved.delete('620302');
    const childByCounty = await failure(
      setup.uc.createTenant(command({ code: '620302', name: '金川区', parentCode: '620300' }), actors.ycAdmin),
    );
    expect(childByCounty).toBeInstanceOf(ForbiddenError);
    expect((childByCounty as ForbiddenError).code).toBe('TENANT_OUT_OF_SCOPE');
    expect(setup.tenants.saved.has('620302')).toBe(false);
  });

  it('refuses a tenant this deployment does not host', async () => {
    const { uc, tenants } = tenancySetup({ hostedTenants: ['620100'] });
    const err = await failure(uc.createTenant(command({}), actors.jcsOps));
    expect(err).toBeInstanceOf(PreconditionError);
    expect((err as PreconditionError).code).toBe('TENANT_NOT_HOSTED');
    expect(tenants.saved.size).toBe(0);
  });
});
