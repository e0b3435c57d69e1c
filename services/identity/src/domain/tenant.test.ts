import { createTenant, updateServiceCenter, validateNewTenant, type NewTenantInput, type Tenant } from './tenant';

const NOW = new Date('2026-11-26T02:00:00Z');
const center = {
  name: '金昌市政务服务中心',
  address: '甘肃省金昌市金川区新华路',
  hours: '周一至周五 9:00-12:00 14:30-17:30',
  phones: ['0935-8212345'],
};
const input = (overrides: Partial<NewTenantInput> = {}): NewTenantInput => ({
  code: '620300',
  name: '金昌市',
  level: '',
  center,
  ...overrides,
});
const tenant = (code: string, name: string, parentCode?: string): Tenant =>
  createTenant(input({ code, name, parentCode }), NOW).tenant;

const jinchang = tenant('620300', '金昌市');
const lanzhou = tenant('620100', '兰州市');
const yongchang = tenant('620321', '永昌县', '620300');
const reasons = (v: { path: string; reason?: string }[]) => v.map((x) => `${x.path}:${x.reason}`);

describe('validateNewTenant', () => {
  it('accepts a city root, a district and a county under it, and a town under the county', () => {
    expect(validateNewTenant(input(), undefined)).toEqual([]);
    expect(validateNewTenant(input({ code: '620302', name: '金川区', parentCode: '620300' }), jinchang)).toEqual([]);
    expect(validateNewTenant(input({ code: '620321', name: '永昌县', parentCode: '620300' }), jinchang)).toEqual([]);
    expect(
      validateNewTenant(input({ code: '620321100', name: '城关镇', parentCode: '620321', level: 'town' }), yongchang),
    ).toEqual([]);
  });

  it('derives the level from the code', () => {
    expect(createTenant(input({ code: '620321', parentCode: '620300' }), NOW).tenant.level).toBe('county');
    expect(createTenant(input({ code: '620302', parentCode: '620300' }), NOW).tenant.level).toBe('district');
    expect(jinchang.parentCode).toBeUndefined();
  });

  it('refuses a county under the wrong city with PARENT on parentCode', () => {
    const v = validateNewTenant(input({ code: '620321', name: '永昌县', parentCode: '620100' }), lanzhou);
    expect(reasons(v)).toEqual(['parentCode:PARENT']);
    expect(v[0]!.message).toContain('620321');
  });

  it('refuses a village directly under a county', () => {
    const v = validateNewTenant(input({ code: '620321100201', name: '某村', parentCode: '620321' }), yongchang);
    expect(reasons(v)).toEqual(['parentCode:PARENT']);
  });

  it('reports a parent that does not exist on parentCode', () => {
    const v = validateNewTenant(input({ code: '620321', name: '永昌县', parentCode: '620300' }), undefined);
    expect(reasons(v)).toEqual(['parentCode:NOT_FOUND']);
  });

  it('lets only a city or a county stand without a parent', () => {
    expect(validateNewTenant(input({ code: '620321', name: '永昌县' }), undefined)).toEqual([]);
    expect(reasons(validateNewTenant(input({ code: '620302', name: '金川区' }), undefined))).toEqual([
      'parentCode:REQUIRED',
    ]);
    expect(reasons(validateNewTenant(input({ code: '620321100', name: '城关镇' }), undefined))).toEqual([
      'parentCode:REQUIRED',
    ]);
  });

  it('refuses a province code and a level that contradicts the code', () => {
    expect(reasons(validateNewTenant(input({ code: '620000', name: '甘肃省' }), undefined))).toEqual(['code:LEVEL']);
    expect(reasons(validateNewTenant(input({ level: 'county' }), undefined))).toEqual(['level:LEVEL']);
    expect(reasons(validateNewTenant(input({ level: 'province' }), undefined))).toEqual(['level:LEVEL']);
  });

  it('passes on the region code reason of a malformed code', () => {
    expect(reasons(validateNewTenant(input({ code: '62030' }), undefined))).toEqual(['code:LENGTH']);
    expect(reasons(validateNewTenant(input({ code: '990300' }), undefined))).toEqual(['code:REGION']);
  });

  it('checks the name and every center field, reporting each problem with its path', () => {
    const v = validateNewTenant(
      input({ name: '金', center: { name: '中', address: '', hours: 'x'.repeat(101), phones: ['0935 821', '12'] } }),
      undefined,
    );
    expect(reasons(v)).toEqual([
      'name:LENGTH',
      'center.name:LENGTH',
      'center.address:REQUIRED',
      'center.hours:LENGTH',
      'center.phones.0:PATTERN',
      'center.phones.1:PATTERN',
    ]);
    expect(reasons(validateNewTenant(input({ center: { ...center, phones: [] } }), undefined))).toEqual([
      'center.phones:COUNT',
    ]);
    expect(reasons(validateNewTenant(input({ center: undefined }), undefined))).toEqual(['center:REQUIRED']);
  });
});

describe('tenant changes', () => {
  it('creates version 1 with one TenantCreated event', () => {
    const { tenant: t, events } = createTenant(input({ name: ' 金昌市 ' }), NOW);
    expect(t).toMatchObject({ code: '620300', name: '金昌市', level: 'city', version: 1, createdAt: NOW });
    expect(events).toEqual([{ type: 'TenantCreated', tenant: t }]);
  });

  it('updates the center, bumps the version and emits ServiceCenterUpdated', () => {
    const later = new Date('2026-11-27T00:00:00Z');
    const { tenant: t, events } = updateServiceCenter(jinchang, { ...center, phones: ['0935-12345', '12345'] }, later);
    expect(t).toMatchObject({ version: 2, updatedAt: later, createdAt: NOW });
    expect(t.center.phones).toEqual(['0935-12345', '12345']);
    expect(events).toEqual([{ type: 'ServiceCenterUpdated', tenant: t }]);
  });
});
