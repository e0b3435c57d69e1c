import { UnavailableError } from '@govhall/errors';
import { createLogger } from '@govhall/logging';
import { CachedDirectoryNames, type TenantDirectory, type TenantDirectoryReader } from './identity-directory-names';

const YONGCHANG: TenantDirectory = {
  name: '永昌县',
  center: {
    windowLocation: '永昌县政务服务中心（甘肃省金昌市永昌县城关镇北海子路）',
    hours: '周一至周五',
    consultationPhone: '0935-12345',
    complaintPhone: '0935-12345',
  },
  departments: new Map([['620321-SCJG', '永昌县市场监督管理局']]),
};

/** Identity as the adapter sees it: answers from `tenants`, or fails while `down`; counts the lookups. */
class ScriptedIdentity implements TenantDirectoryReader {
  reads = 0;
  down = false;
  constructor(public tenants: Record<string, TenantDirectory>) {}
  async read(tenant: string) {
    this.reads += 1;
    if (this.down) throw new Error('14 UNAVAILABLE: No connection established');
    return this.tenants[tenant] ?? null;
  }
}

describe('CachedDirectoryNames', () => {
  let now: number;
  const clock = { now: () => new Date(now) };
  const logger = createLogger('catalogue-test', 'silent');
  const setup = (tenants: Record<string, TenantDirectory> = { '620321': YONGCHANG }) => {
    const identity = new ScriptedIdentity(tenants);
    const names = new CachedDirectoryNames(identity, { clock, logger, ttlMs: 60_000, retryMs: 5_000 });
    return { identity, names };
  };
  beforeEach(() => {
    now = Date.parse('2026-03-02T08:00:00Z');
  });

  it('answers what identity knows, and a code identity does not know as the code', async () => {
    const { names } = setup();
    await expect(names.tenantName('620321')).resolves.toBe('永昌县');
    await expect(names.departmentName('620321-SCJG')).resolves.toBe('永昌县市场监督管理局');
    await expect(names.serviceCenter('620321')).resolves.toEqual(YONGCHANG.center);
    await expect(names.departmentName('620321-XYZ')).resolves.toBe('620321-XYZ');
    await expect(names.tenantName('629999')).resolves.toBe('629999');
    await expect(names.serviceCenter('629999')).resolves.toBeUndefined();
  });

  it('asks identity once per tenant within the time to live, and again after it', async () => {
    const { identity, names } = setup();
    await Promise.all([names.tenantName('620321'), names.departmentName('620321-SCJG'), names.serviceCenter('620321')]);
    expect(identity.reads).toBe(1);
    identity.tenants = { '620321': { ...YONGCHANG, name: '永昌县（新）' } };
    now += 59_000;
    await expect(names.tenantName('620321')).resolves.toBe('永昌县');
    now += 2_000;
    await expect(names.tenantName('620321')).resolves.toBe('永昌县（新）');
    expect(identity.reads).toBe(2);
  });

  it('serves the last answer while identity is unreachable, and asks again only after the retry delay', async () => {
    const { identity, names } = setup();
    await names.tenantName('620321');
    identity.down = true;
    now += 61_000;
    await expect(names.departmentName('620321-SCJG')).resolves.toBe('永昌县市场监督管理局');
    expect(identity.reads).toBe(2);
    now += 4_000;
    await expect(names.tenantName('620321')).resolves.toBe('永昌县');
    expect(identity.reads).toBe(2);
    identity.down = false;
    now += 2_000;
    await names.tenantName('620321');
    expect(identity.reads).toBe(3);
  });

  it('refuses as unavailable, not with codes for names, when identity was never reached', async () => {
    const { identity, names } = setup();
    identity.down = true;
    const answer = names.tenantName('620321');
    await expect(answer).rejects.toBeInstanceOf(UnavailableError);
    await expect(answer).rejects.toMatchObject({ code: 'DIRECTORY_UNAVAILABLE' });
    identity.down = false;
    await expect(names.tenantName('620321')).resolves.toBe('永昌县');
  });
});
