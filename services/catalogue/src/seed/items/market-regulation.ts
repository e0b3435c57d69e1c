import {
  compareRule,
  creditCodeRule,
  faq,
  identityDocument,
  law,
  material,
  materialRule,
  powerOfAttorney,
  residentIdRule,
  seedItem,
  sharedCopy,
  workingDays,
  type SeedItem,
} from './build';
import { choice, choices, decimal, formSchema, group, integer, organisation, person, text } from './forms';
import {
  FOOD_SAFETY_LICENSING,
  LICENSING_DEFAULT_LIMIT,
  MARKET_REGISTRATION_LIMIT,
  MARKET_REGISTRATION_REQUIRED,
} from './laws';

// 永昌县市场监督管理局: items it handles alone. Basic codes are plausible, not the national ones (see items.seed.ts).

const SCJG = '620321-SCJG';

const LICENCE_NOTE = '已在电子证照库中的营业执照，窗口通过数据共享获取，无需提交';

const foodBusinessLicence = seedItem({
  department: SCJG,
  name: '食品经营许可',
  basicCode: '000117012000',
  kind: '01',
  handlingCategory: 'promised',
  serviceObject: 'both',
  legalBases: [
    FOOD_SAFETY_LICENSING,
    // 国家市场监督管理总局令第78号 (2023). The 10-working-day limit is certain; the article number was not
    // verified when this was written, so the chapter is cited.
    law(
      '《食品经营许可和备案管理办法》（国家市场监督管理总局令第78号）',
      '第三章 审查与决定',
      '县级以上地方市场监督管理部门应当自受理申请之日起10个工作日内作出是否准予行政许可的决定。因特殊原因需要延长许可期限的，' +
        '经市场监督管理部门负责人批准，可以延长5个工作日，并应当将延长期限的理由告知申请人。',
    ),
  ],
  acceptanceConditions: [
    '已取得营业执照或者其他主体资格证明文件',
    '具有与经营的食品品种、数量相适应的食品原料处理和食品加工、销售、贮存等场所，并与有毒、有害场所以及其他污染源保持规定的距离',
    '具有与经营的食品品种、数量相适应的经营设备或者设施',
    '有专职或者兼职的食品安全管理人员和保证食品安全的规章制度',
    '具有合理的设备布局和工艺流程，防止待加工食品与直接入口食品、原料与成品交叉污染',
  ],
  materials: [
    material('application-form', '食品经营许可申请书', { formats: ['pdf', 'ofd'] }),
    sharedCopy('business-licence', '营业执照', LICENCE_NOTE),
    identityDocument('legal-rep-id', '法定代表人（负责人）居民身份证'),
    material('premises-layout', '与食品经营相适应的主要设备设施、经营布局、操作流程等文件'),
    material(
      'food-safety-rules',
      '食品安全自查、从业人员健康管理、进货查验记录、食品安全事故处置等保证食品安全的规章制度目录',
      {
        formats: ['pdf', 'doc', 'docx'],
      },
    ),
    powerOfAttorney(),
  ],
  form: formSchema('食品经营许可申请书', {
    operator: organisation('经营者'),
    legalRepresentative: person('法定代表人（负责人）'),
    premises: group('经营场所', {
      address: text('经营场所地址', { maxLength: 200 }),
      area: decimal('经营场所面积（平方米）', { exclusiveMinimum: 0 }),
    }),
    business: group('经营项目', {
      mainType: choice('主体业态', ['食品销售经营者', '餐饮服务经营者', '单位食堂']),
      items: choices('经营项目', [
        '预包装食品销售（含冷藏冷冻食品）',
        '散装食品销售',
        '特殊食品销售',
        '热食类食品制售',
        '冷食类食品制售',
        '生食类食品制售',
        '半成品制售',
        '自制饮品制售',
      ]),
      foodSafetyManager: text('食品安全管理人员姓名', { maxLength: 30 }),
    }),
  }),
  rules: [
    creditCodeRule('operator-credit-code', 'operator.creditCode', '经营者'),
    residentIdRule('legal-rep-id-number', 'legalRepresentative.idNumber', '法定代表人（负责人）'),
    compareRule('premises-area', 'premises.area', 'gt', 0, '经营场所面积应大于0平方米，请按实际使用面积填写'),
    compareRule('food-safety-manager', 'business.foodSafetyManager', 'present', null, '请填写食品安全管理人员姓名'),
    materialRule('premises-layout-present', 'premises-layout', '请提交主要设备设施、经营布局和操作流程等文件'),
    materialRule('food-safety-rules-present', 'food-safety-rules', '请提交保证食品安全的规章制度目录'),
  ],
  statutory: workingDays(10),
  promised: workingDays(5),
  visits: 1,
  workflow: [
    ['受理', 'window_clerk', 1],
    ['审查（含现场核查）', 'reviewer', 2],
    ['决定', 'approver', 1],
    ['制证送达', 'window_clerk', 1],
  ],
  onlineDepth: 'online_pre_review',
  deliveryOptions: ['window_pickup', 'post', 'electronic'],
  faq: [
    faq(
      '仅销售预包装食品需要办理食品经营许可吗？',
      '不需要取得许可，但应当向所在地县级以上市场监督管理部门备案（《中华人民共和国食品安全法》第三十五条）。',
    ),
    faq(
      '食品经营许可证的有效期是多久？',
      '食品经营许可证有效期为5年。需要延续的，应当在有效期届满前向原发证部门提出申请。',
    ),
  ],
});

const soleTraderRegistration = seedItem({
  department: SCJG,
  name: '个体工商户设立登记',
  basicCode: '000117001000',
  kind: '01',
  handlingCategory: 'immediate',
  serviceObject: 'person',
  legalBases: [MARKET_REGISTRATION_REQUIRED, MARKET_REGISTRATION_LIMIT],
  acceptanceConditions: [
    '经营者为有经营能力的中国公民',
    '申请材料齐全、符合法定形式',
    '经营范围中有依法须经批准的项目的，已取得相关批准文件',
  ],
  materials: [
    material('application-form', '个体工商户登记（备案）申请书', { formats: ['pdf', 'ofd'] }),
    identityDocument('operator-id', '经营者居民身份证'),
    material('premises-proof', '经营场所使用相关文件', {
      form: 'copy',
      originalCount: 0,
      copyCount: 1,
      notes: '可提交房屋产权证明、租赁合同等；能够通过数据共享核验房屋权属的，无需提交',
    }),
    material('prior-approval', '相关许可证件或者批准文件', {
      required: false,
      condition: '经营范围中有法律、行政法规规定须在登记前取得批准的项目的',
      form: 'copy',
      originalCount: 0,
      copyCount: 1,
    }),
    powerOfAttorney(),
  ],
  form: formSchema('个体工商户设立登记申请', {
    operator: person('经营者'),
    business: group(
      '登记事项',
      {
        name: text('个体工商户名称', { maxLength: 50 }),
        organizationForm: choice('组成形式', ['个人经营', '家庭经营']),
        scope: text('经营范围', { maxLength: 500 }),
        premises: text('经营场所', { maxLength: 200 }),
        capital: decimal('资金数额（万元）'),
        employees: integer('从业人数'),
      },
      ['name'],
    ),
  }),
  rules: [
    residentIdRule('operator-id-number', 'operator.idNumber', '经营者'),
    compareRule('premises-filled', 'business.premises', 'present', null, '请填写经营场所（具体到门牌号）'),
    materialRule('operator-id-present', 'operator-id', '请提交经营者居民身份证'),
    materialRule('premises-proof-present', 'premises-proof', '请提交经营场所使用相关文件'),
  ],
  statutory: workingDays(3),
  // 即办件: registered on the spot (条例第十九条 "当场登记").
  promised: workingDays(0),
  visits: 0,
  workflow: [
    ['受理', 'window_clerk', 0],
    ['审核登记', 'reviewer', 0],
    ['发放营业执照', 'window_clerk', 0],
  ],
  onlineDepth: 'fully_online',
  deliveryOptions: ['window_pickup', 'post', 'electronic'],
  faq: [
    faq(
      '个体工商户必须起名称吗？',
      '不是必须的。个体工商户可以使用名称，也可以不使用名称；使用名称的，名称应当依法登记。',
    ),
    faq('办理个体工商户登记收费吗？', '不收费。材料齐全、符合法定形式的，窗口当场登记并发放营业执照。'),
  ],
});

const drugRetailLicence = seedItem({
  department: SCJG,
  name: '药品零售企业许可',
  basicCode: '000117030000',
  kind: '01',
  handlingCategory: 'promised',
  serviceObject: 'enterprise',
  legalBases: [
    law(
      '《中华人民共和国药品管理法》',
      '第五十一条第一款',
      '从事药品批发活动，应当经所在地省、自治区、直辖市人民政府药品监督管理部门批准，取得药品经营许可证。从事药品零售活动，' +
        '应当经所在地县级以上地方人民政府药品监督管理部门批准，取得药品经营许可证。无药品经营许可证的，不得经营药品。',
    ),
    law(
      '《中华人民共和国药品管理法》',
      '第五十二条',
      '从事药品经营活动应当具备以下条件：（一）有依法经过资格认定的药师或者其他药学技术人员；（二）有与所经营药品相适应的营业' +
        '场所、设备、仓储设施和卫生环境；（三）有与所经营药品相适应的质量管理机构或者人员；（四）有保证药品质量的规章制度，' +
        '并符合国务院药品监督管理部门依据本法制定的药品经营质量管理规范要求。',
    ),
    // The decision limit of 《药品经营和使用质量监督管理办法》 was not verified when this was written: the seed
    // uses the 行政许可法 default of 20 working days.
    LICENSING_DEFAULT_LIMIT,
  ],
  acceptanceConditions: [
    '已取得营业执照',
    '有依法经过资格认定的药师或者其他药学技术人员',
    '有与所经营药品相适应的营业场所、设备、仓储设施和卫生环境',
    '有与所经营药品相适应的质量管理机构或者人员，有保证药品质量的规章制度',
  ],
  materials: [
    material('application-form', '药品经营许可证申请表', { formats: ['pdf', 'ofd'] }),
    sharedCopy('business-licence', '营业执照', LICENCE_NOTE),
    material('pharmacist-certificate', '执业药师注册证或者药学专业技术职称证书', {
      form: 'original_and_copy',
      copyCount: 1,
      notes: '原件核验后退还',
    }),
    material('premises-documents', '营业场所、仓库平面布置图及房屋产权或者使用权证明'),
    material('quality-system', '药品质量管理制度文件目录及主要设施设备目录', { formats: ['pdf', 'doc', 'docx'] }),
    material(
      'responsible-persons-statement',
      '法定代表人、企业负责人、质量负责人无《药品管理法》规定禁止从事药品经营活动情形的声明',
    ),
    powerOfAttorney(),
  ],
  form: formSchema('药品经营许可证（零售）申请', {
    enterprise: organisation('申请企业'),
    qualityManager: person('质量负责人'),
    store: group('零售门店', {
      address: text('经营地址', { maxLength: 200 }),
      area: decimal('营业面积（平方米）', { exclusiveMinimum: 0 }),
      pharmacistCount: integer('药师或者其他药学技术人员人数'),
      scope: choices('经营范围', [
        '处方药',
        '甲类非处方药',
        '乙类非处方药',
        '中药饮片',
        '中成药',
        '化学药',
        '生物制品',
      ]),
    }),
  }),
  rules: [
    creditCodeRule('enterprise-credit-code', 'enterprise.creditCode', '申请企业'),
    residentIdRule('quality-manager-id', 'qualityManager.idNumber', '质量负责人'),
    compareRule(
      'pharmacist-count',
      'store.pharmacistCount',
      'gte',
      1,
      '从事药品经营活动应当有依法经过资格认定的药师或者其他药学技术人员（《中华人民共和国药品管理法》第五十二条）',
    ),
    materialRule(
      'pharmacist-certificate-present',
      'pharmacist-certificate',
      '请提交执业药师注册证或者药学专业技术职称证书',
    ),
    materialRule('quality-system-present', 'quality-system', '请提交药品质量管理制度文件目录及主要设施设备目录'),
  ],
  statutory: workingDays(20),
  promised: workingDays(10),
  visits: 1,
  workflow: [
    ['受理', 'window_clerk', 1],
    ['材料审查', 'reviewer', 2],
    ['现场检查', 'reviewer', 4],
    ['审批决定', 'approver', 2],
    ['制证送达', 'window_clerk', 1],
  ],
  onlineDepth: 'online_pre_review',
  deliveryOptions: ['window_pickup', 'post', 'electronic'],
  faq: [
    faq(
      '药品经营许可证的有效期是多久？',
      '药品经营许可证有效期为5年，到期重新审查发证，应当在有效期届满前申请重新发证。',
    ),
    faq(
      '开办零售药店必须配备执业药师吗？',
      '应当有依法经过资格认定的药师或者其他药学技术人员，经营处方药、甲类非处方药的应当按规定配备执业药师。',
    ),
  ],
});

export const MARKET_REGULATION_ITEMS: SeedItem[] = [foodBusinessLicence, soleTraderRegistration, drugRetailLicence];
