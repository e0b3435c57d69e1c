import type { ServiceCenter } from '../domain/tenant';
import type { NewWindowInput, WindowKind } from '../domain/window';

/**
 * Seed data of the demo and test deployments: two 甘肃 cities, each with a district and a county, their
 * service centers, seated departments and two windows. Region codes are the real GB/T 2260 codes. Center
 * names follow the official naming; street addresses are given as far as known when this was written and should
 * be checked against each center's own notice before being shown to the public. Phone numbers are the local
 * 12345 government service hotlines (区号-12345), which every center publishes.
 *
 * Data only: the seed runner creates the tenants in this order (parents first), then the departments, then the
 * staff, and resolves the windows' usernames to staff ids.
 */

export interface SeedTenant {
  code: string;
  name: string;
  /** Absent for a root. */
  parentCode?: string;
  center: ServiceCenter;
}

export interface SeedDepartment {
  tenant: string;
  /** The department code is `${tenant}-${abbreviation}`. */
  abbreviation: string;
  name: string;
}

/** A window with its posts named by username (`<prefix>-<role-slug>`), resolved to staff ids by the seed runner. */
export interface SeedWindow extends Omit<NewWindowInput, 'kind' | 'aPostStaffId' | 'bPostStaffId'> {
  kind: WindowKind;
  aPostUsername: string;
  bPostUsername: string;
}

const WEEKDAYS = '周一至周五 9:00-12:00 14:30-18:00（法定节假日除外）';

/** Parents before children. */
export const SEED_TENANTS: readonly SeedTenant[] = [
  {
    code: '620300',
    name: '金昌市',
    center: {
      name: '金昌市政务服务中心',
      address: '甘肃省金昌市金川区新华西路',
      hours: WEEKDAYS,
      phones: ['0935-12345'],
    },
  },
  {
    code: '620302',
    name: '金川区',
    parentCode: '620300',
    center: {
      name: '金川区政务服务中心',
      address: '甘肃省金昌市金川区北京路',
      hours: WEEKDAYS,
      phones: ['0935-12345'],
    },
  },
  {
    code: '620321',
    name: '永昌县',
    parentCode: '620300',
    center: {
      name: '永昌县政务服务中心',
      address: '甘肃省金昌市永昌县城关镇北海子路',
      hours: WEEKDAYS,
      phones: ['0935-12345'],
    },
  },
  {
    code: '620100',
    name: '兰州市',
    center: {
      name: '兰州市政务服务中心',
      address: '甘肃省兰州市城关区北滨河东路',
      hours: WEEKDAYS,
      phones: ['0931-12345'],
    },
  },
  {
    code: '620102',
    name: '城关区',
    parentCode: '620100',
    center: {
      name: '城关区政务服务中心',
      address: '甘肃省兰州市城关区张掖路',
      hours: WEEKDAYS,
      phones: ['0931-12345'],
    },
  },
  {
    code: '620123',
    name: '榆中县',
    parentCode: '620100',
    center: {
      name: '榆中县政务服务中心',
      address: '甘肃省兰州市榆中县城关镇栖云北路',
      hours: WEEKDAYS,
      phones: ['0931-12345'],
    },
  },
];

/** Username prefix of each seeded tenant's staff: `<prefix>-<role-slug>`, e.g. ycx-clerk (the realm file's yc-admin, yc-clerk … are separate test logins). */
export const STAFF_USERNAME_PREFIXES: Readonly<Record<string, string>> = {
  '620300': 'jcs',
  '620302': 'jcq',
  '620321': 'ycx',
  '620100': 'lzs',
  '620102': 'cgq',
  '620123': 'yzx',
};

/** Role slugs of the seeded staff of every tenant. */
export const STAFF_ROLE_SLUGS = [
  'clerk',
  'clerk-b',
  'reviewer',
  'approver',
  'head',
  'admin',
  'supervisor',
  'complaints',
  'finance',
  'ops',
  'legal',
] as const;
export type StaffRoleSlug = (typeof STAFF_ROLE_SLUGS)[number];

export function seedUsername(tenant: string, slug: StaffRoleSlug): string {
  const prefix = STAFF_USERNAME_PREFIXES[tenant];
  if (!prefix) throw new Error(`no seeded tenant ${tenant}`);
  return `${prefix}-${slug}`;
}

/**
 * The department of each tenant that its windows belong to: the seed runner seats `clerk`, `clerk-b` and `head`
 * in it, so both windows' posts belong to it and its head is the queue's last resort before the administrator.
 */
export const WINDOW_DEPARTMENT_ABBREVIATION = 'SCJG';

/** The department of each tenant that staffs its legal-affairs window (法制办窗口). */
export const LEGAL_AFFAIRS_ABBREVIATION = 'SFJ';

const tenantName = (code: string) => SEED_TENANTS.find((t) => t.code === code)!.name;

/**
 * Seated departments: the same six in every center, named after the tenant (620321-SCJG 永昌县市场监督管理局). The
 * 司法局 staffs the legal-affairs window (法制办窗口) that takes complaints about law enforcement and 行政复议
 * applications (C16; the complaints service's LEGAL_AFFAIRS_ABBREVIATION).
 */
export const SEED_DEPARTMENTS: readonly SeedDepartment[] = SEED_TENANTS.flatMap(({ code }) => {
  const prefix = tenantName(code);
  // Cities keep a 卫生健康委员会; districts and counties run a 卫生健康局.
  const health = code.endsWith('00') ? '卫生健康委员会' : '卫生健康局';
  return [
    { tenant: code, abbreviation: 'SCJG', name: `${prefix}市场监督管理局` },
    { tenant: code, abbreviation: 'RSJ', name: `${prefix}人力资源和社会保障局` },
    { tenant: code, abbreviation: 'ZRZY', name: `${prefix}自然资源局` },
    { tenant: code, abbreviation: 'ZJJ', name: `${prefix}住房和城乡建设局` },
    { tenant: code, abbreviation: 'WJW', name: `${prefix}${health}` },
    { tenant: code, abbreviation: LEGAL_AFFAIRS_ABBREVIATION, name: `${prefix}司法局` },
  ];
});

/**
 * Further departments seated in the 永昌县 and 金昌市 centers, which implement items of the seed catalogue
 * (services/catalogue/src/seed: EXTRA_SEED_DEPARTMENTS there lists the same codes).
 */
export const EXTRA_SEED_DEPARTMENTS: readonly SeedDepartment[] = [
  { tenant: '620321', abbreviation: 'GAJ', name: '永昌县公安局' },
  { tenant: '620321', abbreviation: 'JYJ', name: '永昌县教育局' },
  { tenant: '620321', abbreviation: 'JTYS', name: '永昌县交通运输局' },
  { tenant: '620321', abbreviation: 'STHJ', name: '金昌市生态环境局永昌分局' },
  { tenant: '620321', abbreviation: 'MZJ', name: '永昌县民政局' },
  { tenant: '620321', abbreviation: 'NYNC', name: '永昌县农业农村局' },
  { tenant: '620321', abbreviation: 'SLJ', name: '永昌县水务局' },
  { tenant: '620321', abbreviation: 'YJGL', name: '永昌县应急管理局' },
  { tenant: '620321', abbreviation: 'WHLY', name: '永昌县文化和旅游局' },
  { tenant: '620321', abbreviation: 'SWJ', name: '国家税务总局永昌县税务局' },
  { tenant: '620300', abbreviation: 'JTYS', name: '金昌市交通运输局' },
  { tenant: '620300', abbreviation: 'STHJ', name: '金昌市生态环境局' },
];

/**
 * Two windows per tenant: a comprehensive window (综合窗口, 一窗受理) for market regulation, human resources and
 * natural resources, and the market regulation department window. The two clerks hold the A and B posts of both
 * windows, crosswise, so each window has a different A post.
 */
export const SEED_WINDOWS: readonly SeedWindow[] = SEED_TENANTS.flatMap(({ code }) => {
  const department = `${code}-${WINDOW_DEPARTMENT_ABBREVIATION}`;
  return [
    {
      tenant: code,
      number: 'A01',
      name: '综合窗口',
      kind: 'comprehensive' as const,
      department,
      servesDepartments: [department, `${code}-RSJ`, `${code}-ZRZY`],
      aPostUsername: seedUsername(code, 'clerk'),
      bPostUsername: seedUsername(code, 'clerk-b'),
      location: '一楼大厅综合受理区',
    },
    {
      tenant: code,
      number: 'B01',
      name: '市场监管窗口',
      kind: 'department' as const,
      department,
      servesDepartments: [department],
      aPostUsername: seedUsername(code, 'clerk-b'),
      bPostUsername: seedUsername(code, 'clerk'),
      location: '一楼大厅市场准入区',
    },
  ];
});
