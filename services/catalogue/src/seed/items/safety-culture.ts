import {
  compareRule,
  creditCodeRule,
  faq,
  identityDocument,
  law,
  material,
  materialRule,
  naturalDays,
  powerOfAttorney,
  residentIdRule,
  seedItem,
  sharedCopy,
  workingDays,
  type SeedItem,
} from './build';
import { choice, decimal, formSchema, group, integer, organisation, person, text, yesNo } from './forms';
import { LICENSING_DEFAULT_LIMIT } from './laws';

// 永昌县应急管理局 and 永昌县文化和旅游局.

const FIREWORKS_REGULATION = '《烟花爆竹安全管理条例》';
const LICENCE_NOTE = '已在电子证照库中的营业执照，窗口通过数据共享获取，无需提交';

const fireworksRetailLicence = seedItem({
  department: '620321-YJGL',
  name: '烟花爆竹经营（零售）许可',
  basicCode: '000123004000',
  kind: '01',
  handlingCategory: 'promised',
  serviceObject: 'both',
  legalBases: [
    law(
      FIREWORKS_REGULATION,
      '第三条第一款',
      '国家对烟花爆竹的生产、经营、运输和举办焰火晚会以及其他大型焰火燃放活动，实行许可证制度。',
    ),
    law(
      FIREWORKS_REGULATION,
      '第十八条',
      '烟花爆竹零售经营者，应当具备下列条件：（一）主要负责人经过安全知识教育；（二）实行专店或者专柜销售，设专人负责安全' +
        '管理；（三）经营场所配备必要的消防器材，张贴明显的安全警示标志；（四）法律、法规规定的其他条件。',
    ),
    law(
      FIREWORKS_REGULATION,
      '第十九条第二款',
      '申请从事烟花爆竹零售的经营者，应当向所在地县级人民政府安全生产监督管理部门提出申请，并提供能够证明符合本条例第十八条规定条件的' +
        '有关材料。受理申请的安全生产监督管理部门应当自受理申请之日起20日内对提交的有关材料和经营场所进行审查，对符合条件的，' +
        '核发《烟花爆竹经营（零售）许可证》；……',
    ),
  ],
  acceptanceConditions: [
    '主要负责人经过安全知识教育',
    '实行专店或者专柜销售，设专人负责安全管理',
    '经营场所配备必要的消防器材，张贴明显的安全警示标志',
  ],
  materials: [
    material('application-form', '烟花爆竹经营（零售）许可证申请书', { formats: ['pdf', 'ofd'] }),
    sharedCopy('business-licence', '营业执照', LICENCE_NOTE),
    material('safety-training', '主要负责人安全知识教育合格证明', { form: 'copy', originalCount: 0, copyCount: 1 }),
    material('premises-description', '零售经营场所平面图及消防器材配备、安全警示标志设置情况说明'),
    powerOfAttorney(),
  ],
  form: formSchema('烟花爆竹经营（零售）许可申请', {
    operator: organisation('经营者'),
    manager: person('主要负责人'),
    store: group('零售场所', {
      address: text('经营场所地址', { maxLength: 200 }),
      area: decimal('经营面积（平方米）', { exclusiveMinimum: 0 }),
      saleMode: choice('销售方式', ['专店销售', '专柜销售']),
      fireExtinguishers: integer('配备灭火器数量'),
    }),
    safety: group('安全管理', {
      managerTrained: yesNo('主要负责人经过安全知识教育'),
      safetyOfficer: text('安全管理专人姓名', { maxLength: 30 }),
    }),
  }),
  rules: [
    creditCodeRule('operator-credit-code', 'operator.creditCode', '经营者'),
    residentIdRule('manager-id-number', 'manager.idNumber', '主要负责人'),
    compareRule(
      'manager-trained',
      'safety.managerTrained',
      'eq',
      true,
      '主要负责人应当经过安全知识教育（《烟花爆竹安全管理条例》第十八条）',
    ),
    compareRule(
      'fire-extinguishers',
      'store.fireExtinguishers',
      'gte',
      1,
      '经营场所应当配备必要的消防器材（《烟花爆竹安全管理条例》第十八条）',
    ),
    materialRule('safety-training-present', 'safety-training', '请提交主要负责人安全知识教育合格证明'),
  ],
  // 第十九条: "20日", recorded literally as natural days.
  statutory: naturalDays(20),
  promised: naturalDays(10),
  visits: 1,
  workflow: [
    ['受理', 'window_clerk', 1],
    ['材料审查和经营场所核查', 'reviewer', 3],
    ['决定', 'approver', 1],
    ['制证送达', 'window_clerk', 1],
  ],
  onlineDepth: 'online_pre_review',
  deliveryOptions: ['window_pickup', 'post'],
  faq: [
    faq(
      '零售烟花爆竹有哪些安全要求？',
      '实行专店或者专柜销售，设专人负责安全管理，经营场所配备必要的消防器材并张贴明显的安全警示标志（《烟花爆竹安全管理条例》第十八条）。',
    ),
  ],
});

const ENTERTAINMENT_REGULATION = '《娱乐场所管理条例》';

const entertainmentLicence = seedItem({
  department: '620321-WHLY',
  name: '娱乐场所经营许可',
  basicCode: '000119002000',
  kind: '01',
  handlingCategory: 'promised',
  serviceObject: 'enterprise',
  legalBases: [
    law(
      ENTERTAINMENT_REGULATION,
      '第七条第一款',
      '娱乐场所不得设在下列地点：（一）居民楼、博物馆、图书馆和被核定为文物保护单位的建筑物内；（二）居民住宅区和学校、医院、机关' +
        '周围；（三）车站、机场等人群密集的场所；（四）建筑物地下一层以下；（五）与危险化学品仓库毗连的区域。',
    ),
    law(
      ENTERTAINMENT_REGULATION,
      '第九条第一款',
      '娱乐场所申请从事娱乐场所经营活动，应当向所在地县级人民政府文化主管部门提出申请；外商投资的娱乐场所申请从事娱乐场所经营' +
        '活动，应当向所在地省、自治区、直辖市人民政府文化主管部门提出申请。',
    ),
    // No decision limit verified in the 条例 or its implementing rules: 行政许可法 default of 20 working days.
    LICENSING_DEFAULT_LIMIT,
  ],
  acceptanceConditions: [
    '已取得营业执照',
    '场所地点不属于《娱乐场所管理条例》第七条禁止设立的地点',
    '投资人员、拟任法定代表人和其他负责人没有《娱乐场所管理条例》第五条规定的情形',
  ],
  materials: [
    material('application-form', '娱乐经营许可申请书', { formats: ['pdf', 'ofd'] }),
    sharedCopy('business-licence', '营业执照', LICENCE_NOTE),
    identityDocument('legal-rep-id', '法定代表人居民身份证'),
    material('statement', '投资人员、拟任法定代表人和其他负责人没有《娱乐场所管理条例》第五条规定情形的书面声明'),
    material('premises-proof', '营业场所平面图及房屋权属或者使用权证明'),
    powerOfAttorney(),
  ],
  form: formSchema('娱乐场所经营许可申请', {
    operator: organisation('申请单位'),
    legalRepresentative: person('法定代表人'),
    venue: group('场所情况', {
      name: text('场所名称', { maxLength: 100 }),
      address: text('场所地址', { maxLength: 200 }),
      type: choice('场所类型', ['歌舞娱乐场所', '游艺娱乐场所']),
      area: decimal('营业面积（平方米）', { exclusiveMinimum: 0 }),
      rooms: integer('包厢（包间）数'),
      inRestrictedBuilding: yesNo('位于居民楼、博物馆、图书馆或者文物保护单位建筑物内'),
      belowFirstBasement: yesNo('位于建筑物地下一层以下'),
    }),
  }),
  rules: [
    creditCodeRule('operator-credit-code', 'operator.creditCode', '申请单位'),
    residentIdRule('legal-rep-id-number', 'legalRepresentative.idNumber', '法定代表人'),
    compareRule(
      'restricted-building',
      'venue.inRestrictedBuilding',
      'eq',
      false,
      '娱乐场所不得设在居民楼、博物馆、图书馆和被核定为文物保护单位的建筑物内（《娱乐场所管理条例》第七条）',
    ),
    compareRule(
      'basement',
      'venue.belowFirstBasement',
      'eq',
      false,
      '娱乐场所不得设在建筑物地下一层以下（《娱乐场所管理条例》第七条）',
    ),
    materialRule('statement-present', 'statement', '请提交投资人员、拟任法定代表人和其他负责人的书面声明'),
  ],
  statutory: workingDays(20),
  promised: workingDays(10),
  visits: 1,
  workflow: [
    ['受理', 'window_clerk', 1],
    ['书面声明核查', 'reviewer', 2],
    ['实地检查', 'reviewer', 3],
    ['决定', 'approver', 2],
    ['制证送达', 'window_clerk', 1],
  ],
  onlineDepth: 'online_pre_review',
  deliveryOptions: ['window_pickup', 'post'],
  faq: [
    faq('还需要办理消防手续吗？', '需要。公众聚集场所投入使用、营业前应当依法申请消防安全检查，可与本事项同时申请。'),
  ],
});

export const SAFETY_CULTURE_ITEMS: SeedItem[] = [fireworksRetailLicence, entertainmentLicence];
