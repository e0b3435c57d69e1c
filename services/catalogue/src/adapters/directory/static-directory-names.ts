import type { ServiceLocation } from '../../domain/item-content';
import type { DirectoryNames } from '../../usecases/public.ports';

/**
 * Department and tenant names for the guide, copied from the identity seed (services/identity/src/seed/
 * tenancy.seed.ts): the six seeded tenants, their service centers, and the five departments seated in every
 * center, named `${tenantName}${departmentName}`; plus the departments the catalogue seed adds (公安局, 税务局 …). Services do not import each other and the catalogue has no
 * identity client yet; a later issue replaces this map with a lookup of the identity service (GetTenant,
 * ListDepartments). An unknown code is shown as the code itself.
 */

interface SeedCenter {
  name: string;
  address: string;
  phone: string;
}

const WEEKDAYS = '周一至周五 9:00-12:00 14:30-18:00（法定节假日除外）';

const TENANTS: Readonly<Record<string, { name: string; center: SeedCenter }>> = {
  '620300': {
    name: '金昌市',
    center: { name: '金昌市政务服务中心', address: '甘肃省金昌市金川区新华西路', phone: '0935-12345' },
  },
  '620302': {
    name: '金川区',
    center: { name: '金川区政务服务中心', address: '甘肃省金昌市金川区北京路', phone: '0935-12345' },
  },
  '620321': {
    name: '永昌县',
    center: { name: '永昌县政务服务中心', address: '甘肃省金昌市永昌县城关镇北海子路', phone: '0935-12345' },
  },
  '620100': {
    name: '兰州市',
    center: { name: '兰州市政务服务中心', address: '甘肃省兰州市城关区北滨河东路', phone: '0931-12345' },
  },
  '620102': {
    name: '城关区',
    center: { name: '城关区政务服务中心', address: '甘肃省兰州市城关区张掖路', phone: '0931-12345' },
  },
  '620123': {
    name: '榆中县',
    center: { name: '榆中县政务服务中心', address: '甘肃省兰州市榆中县城关镇栖云北路', phone: '0931-12345' },
  },
};

/** Parent city of each seeded district and county. */
const PARENTS: Readonly<Record<string, string>> = {
  '620302': '620300',
  '620321': '620300',
  '620102': '620100',
  '620123': '620100',
};

/** Departments named `${tenantName}${suffix}`: identity's five seats, then those the catalogue seed adds. */
const SUFFIXES: Readonly<Record<string, string>> = {
  SCJG: '市场监督管理局',
  RSJ: '人力资源和社会保障局',
  ZRZY: '自然资源局',
  ZJJ: '住房和城乡建设局',
  GAJ: '公安局',
  JYJ: '教育局',
  JTYS: '交通运输局',
  MZJ: '民政局',
  NYNC: '农业农村局',
  SLJ: '水务局',
  YJGL: '应急管理局',
  WHLY: '文化和旅游局',
};

function departmentOf(tenant: string, abbreviation: string): string | undefined {
  const name = TENANTS[tenant]?.name;
  if (!name) return undefined;
  const parent = PARENTS[tenant] ? TENANTS[PARENTS[tenant]]?.name : undefined;
  switch (abbreviation) {
    // Cities keep a 卫生健康委员会; districts and counties run a 卫生健康局.
    case 'WJW':
      return `${name}${parent ? '卫生健康局' : '卫生健康委员会'}`;
    // Tax offices are vertical: 国家税务总局永昌县税务局.
    case 'SWJ':
      return `国家税务总局${name}税务局`;
    // A county's ecology office is a branch of the city bureau: 金昌市生态环境局永昌分局.
    case 'STHJ':
      return parent ? `${parent}生态环境局${name.slice(0, -1)}分局` : `${name}生态环境局`;
    default:
      return SUFFIXES[abbreviation] && `${name}${SUFFIXES[abbreviation]}`;
  }
}

export class StaticDirectoryNames implements DirectoryNames {
  tenantName(code: string): string {
    return TENANTS[code]?.name ?? code;
  }

  departmentName(code: string): string {
    const [tenant = '', abbreviation = ''] = code.split('-');
    return departmentOf(tenant, abbreviation) ?? code;
  }

  serviceCenter(tenant: string): ServiceLocation | undefined {
    const center = TENANTS[tenant]?.center;
    if (!center) return undefined;
    return {
      windowLocation: `${center.name}（${center.address}）`,
      hours: WEEKDAYS,
      consultationPhone: center.phone,
      // The 12345 government service hotline takes complaints as well as questions.
      complaintPhone: center.phone,
    };
  }
}
