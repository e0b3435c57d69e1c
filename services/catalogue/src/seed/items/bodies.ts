import { creditCodeCheckCharacter, organizationCodeCheckCharacter } from '@govhall/identifiers';

/**
 * The implementing bodies (实施主体) of the seed catalogue: who they are, where their window is and who is
 * responsible for each workflow step. The people and their phone numbers are fictional (realistic 0935 numbers:
 * 永昌县 0935-75xxxxx, 金昌市 and 金川区 0935-8xxxxxx); the organisation codes are generated, and the credit codes
 * built from them carry check characters computed with GB 11714 / GB 32100, so they validate but belong to nobody.
 */

export interface Person {
  name: string;
  phone: string;
}

/** The staff a workflow step can name, by GovHall role. */
export interface BodyStaff {
  window_clerk: Person;
  reviewer: Person;
  approver: Person;
}

export interface ImplementingBody {
  name: string;
  /** 8 characters of the organisation code (组织机构代码) before its check character. */
  organization8: string;
  windowLocation: string;
  consultationPhone: string;
  staff: BodyStaff;
}

/** Working hours of the seeded centers (the same text as identity's tenancy seed). */
export const CENTER_HOURS = '周一至周五 9:00-12:00 14:30-18:00（法定节假日除外）';
/** 12345 government service hotline of 金昌市 (the complaint line every center publishes). */
export const COMPLAINT_PHONE = '0935-12345';

const YC = '永昌县政务服务中心';

function staff(clerk: [string, string], reviewer: [string, string], approver: [string, string]): BodyStaff {
  return {
    window_clerk: { name: clerk[0], phone: clerk[1] },
    reviewer: { name: reviewer[0], phone: reviewer[1] },
    approver: { name: approver[0], phone: approver[1] },
  };
}

export const BODIES: Readonly<Record<string, ImplementingBody>> = {
  '620321-SCJG': {
    name: '永昌县市场监督管理局',
    organization8: '01394521',
    windowLocation: `${YC}一楼大厅市场准入区（B01 市场监管窗口）`,
    consultationPhone: '0935-7521100',
    staff: staff(['马晓燕', '0935-7521101'], ['陈永刚', '0935-7521102'], ['王建军', '0935-7521103']),
  },
  '620321-RSJ': {
    name: '永昌县人力资源和社会保障局',
    organization8: '01394537',
    windowLocation: `${YC}一楼大厅社会保障区（人社窗口）`,
    consultationPhone: '0935-7522200',
    staff: staff(['刘晓燕', '0935-7522201'], ['杨志明', '0935-7522202'], ['周海燕', '0935-7522203']),
  },
  '620321-ZRZY': {
    name: '永昌县自然资源局',
    organization8: '01394542',
    windowLocation: `${YC}二楼工程建设项目审批区（自然资源窗口）`,
    consultationPhone: '0935-7523300',
    staff: staff(['孙立新', '0935-7523301'], ['何玉兰', '0935-7523302'], ['魏宏伟', '0935-7523303']),
  },
  '620321-ZJJ': {
    name: '永昌县住房和城乡建设局',
    organization8: '01394558',
    windowLocation: `${YC}二楼工程建设项目审批区（住房城乡建设窗口）`,
    consultationPhone: '0935-7524400',
    staff: staff(['蒋丽娟', '0935-7524401'], ['韩德明', '0935-7524402'], ['冯秀英', '0935-7524403']),
  },
  '620321-WJW': {
    name: '永昌县卫生健康局',
    organization8: '01394563',
    windowLocation: `${YC}一楼大厅社会事务区（卫生健康窗口）`,
    consultationPhone: '0935-7525500',
    staff: staff(['郭建华', '0935-7525501'], ['吴海霞', '0935-7525502'], ['朱永平', '0935-7525503']),
  },
  '620321-GAJ': {
    name: '永昌县公安局',
    organization8: '01394579',
    windowLocation: `${YC}一楼公安户政窗口`,
    consultationPhone: '0935-7526600',
    staff: staff(['胡晓东', '0935-7526601'], ['徐静', '0935-7526602'], ['高建平', '0935-7526603']),
  },
  '620321-JYJ': {
    name: '永昌县教育局',
    organization8: '01394584',
    windowLocation: `${YC}二楼社会事务区（教育窗口）`,
    consultationPhone: '0935-7527700',
    staff: staff(['罗红霞', '0935-7527701'], ['梁志强', '0935-7527702'], ['宋玉梅', '0935-7527703']),
  },
  '620321-JTYS': {
    name: '永昌县交通运输局',
    organization8: '01394590',
    windowLocation: `${YC}二楼综合审批区（交通运输窗口）`,
    consultationPhone: '0935-7528800',
    staff: staff(['谢文军', '0935-7528801'], ['唐晓丽', '0935-7528802'], ['许国栋', '0935-7528803']),
  },
  '620321-STHJ': {
    name: '金昌市生态环境局永昌分局',
    organization8: '01394606',
    windowLocation: `${YC}二楼综合审批区（生态环境窗口）`,
    consultationPhone: '0935-7529900',
    staff: staff(['邓春燕', '0935-7529901'], ['曹振华', '0935-7529902'], ['彭丽萍', '0935-7529903']),
  },
  '620321-MZJ': {
    name: '永昌县民政局',
    organization8: '01394611',
    windowLocation: `${YC}二楼民政窗口（永昌县婚姻登记处）`,
    consultationPhone: '0935-7531100',
    staff: staff(['袁志刚', '0935-7531101'], ['田秀珍', '0935-7531102'], ['董建国', '0935-7531103']),
  },
  '620321-NYNC': {
    name: '永昌县农业农村局',
    organization8: '01394627',
    windowLocation: `${YC}二楼综合审批区（农业农村窗口）`,
    consultationPhone: '0935-7532200',
    staff: staff(['潘雪梅', '0935-7532201'], ['蔡永红', '0935-7532202'], ['白建忠', '0935-7532203']),
  },
  '620321-SLJ': {
    name: '永昌县水务局',
    organization8: '01394632',
    windowLocation: `${YC}二楼综合审批区（水务窗口）`,
    consultationPhone: '0935-7533300',
    staff: staff(['任小燕', '0935-7533301'], ['姚振宇', '0935-7533302'], ['汪海燕', '0935-7533303']),
  },
  '620321-YJGL': {
    name: '永昌县应急管理局',
    organization8: '01394648',
    windowLocation: `${YC}二楼综合审批区（应急管理窗口）`,
    consultationPhone: '0935-7534400',
    staff: staff(['金德胜', '0935-7534401'], ['段丽华', '0935-7534402'], ['雷鸣', '0935-7534403']),
  },
  '620321-WHLY': {
    name: '永昌县文化和旅游局',
    organization8: '01394653',
    windowLocation: `${YC}二楼综合审批区（文化旅游窗口）`,
    consultationPhone: '0935-7535500',
    staff: staff(['侯建成', '0935-7535501'], ['龙小芳', '0935-7535502'], ['史红军', '0935-7535503']),
  },
  '620321-SWJ': {
    name: '国家税务总局永昌县税务局',
    organization8: '01394669',
    windowLocation: `${YC}一楼大厅税务服务区`,
    consultationPhone: '0935-7536600',
    staff: staff(['贺文静', '0935-7536601'], ['毛建新', '0935-7536602'], ['万秀兰', '0935-7536603']),
  },
  '620300-SCJG': {
    name: '金昌市市场监督管理局',
    organization8: '01392107',
    windowLocation: '金昌市政务服务中心三楼市场监管窗口',
    consultationPhone: '0935-8211100',
    staff: staff(['顾永强', '0935-8211101'], ['孟丽', '0935-8211102'], ['秦海涛', '0935-8211103']),
  },
  '620300-STHJ': {
    name: '金昌市生态环境局',
    organization8: '01392112',
    windowLocation: '金昌市政务服务中心二楼生态环境窗口',
    consultationPhone: '0935-8212200',
    staff: staff(['尹晓红', '0935-8212201'], ['薛建平', '0935-8212202'], ['闫丽君', '0935-8212203']),
  },
  '620300-JTYS': {
    name: '金昌市交通运输局',
    organization8: '01392128',
    windowLocation: '金昌市政务服务中心二楼交通运输窗口',
    consultationPhone: '0935-8213300',
    staff: staff(['余志勇', '0935-8213301'], ['杜春梅', '0935-8213302'], ['戴永军', '0935-8213303']),
  },
  '620302-WJW': {
    name: '金川区卫生健康局',
    organization8: '01393016',
    windowLocation: '金川区政务服务中心一楼社会事务区（卫生健康窗口）',
    consultationPhone: '0935-8321100',
    staff: staff(['夏雪', '0935-8321101'], ['钟国华', '0935-8321102'], ['程玉芳', '0935-8321103']),
  },
  '620302-RSJ': {
    name: '金川区人力资源和社会保障局',
    organization8: '01393021',
    windowLocation: '金川区政务服务中心一楼社会保障区（人社窗口）',
    consultationPhone: '0935-8322200',
    staff: staff(['武建明', '0935-8322201'], ['邵丽娜', '0935-8322202'], ['康志远', '0935-8322203']),
  },
};

export function bodyOf(department: string): ImplementingBody {
  const body = BODIES[department];
  if (!body) throw new Error(`no implementing body seeded for ${department}`);
  return body;
}

/** Credit code of a government body (登记管理部门 1 机构编制, 机构类别 1 机关) registered in its tenant's region. */
export function creditCodeOf(department: string): string {
  const region = department.slice(0, 6);
  const org = bodyOf(department).organization8;
  const first17 = `11${region}${org}${organizationCodeCheckCharacter(org)}`;
  return first17 + creditCodeCheckCharacter(first17);
}
