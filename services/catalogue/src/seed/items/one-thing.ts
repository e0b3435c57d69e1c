import {
  compareRule,
  faq,
  identityDocument,
  law,
  material,
  materialRule,
  powerOfAttorney,
  residentIdRule,
  seedItem,
  workingDays,
  type SeedItem,
} from './build';
import { choice, choices, decimal, formSchema, group, integer, mobile, person, text, yesNo } from './forms';
import {
  FOOD_SAFETY_LICENSING,
  LICENSING_JOINT_HANDLING,
  LICENSING_JOINT_LIMIT,
  MARKET_REGISTRATION_LIMIT,
  MARKET_REGISTRATION_REQUIRED,
  PUBLIC_PLACE_HYGIENE_LICENCE,
  URBAN_DRAINAGE_PERMIT,
} from './laws';

// “一件事” packages led by 永昌县市场监督管理局 (联办件): one window accepts, the co-departments (协办部门) review
// their part in parallel. Each step's budget sits inside the promised limit.

const SCJG = '620321-SCJG';
const ONE_WINDOW = '永昌县政务服务中心一楼大厅综合受理区（A01 综合窗口，“高效办成一件事”专窗）';

const operatorGroup = group('经营主体', {
  name: text('名称', { maxLength: 100 }),
  type: choice('主体类型', ['个体工商户', '有限责任公司', '个人独资企业', '合伙企业']),
  scope: text('经营范围', { maxLength: 500 }),
  premises: text('经营场所', { maxLength: 200 }),
});

const businessStart = seedItem({
  department: SCJG,
  name: '企业开办一件事',
  basicCode: '000117901000',
  kind: '01',
  handlingCategory: 'joint',
  serviceObject: 'enterprise',
  legalBases: [MARKET_REGISTRATION_REQUIRED, MARKET_REGISTRATION_LIMIT, LICENSING_JOINT_HANDLING],
  acceptanceConditions: [
    '企业名称已通过企业名称自主申报系统申报',
    '申请材料齐全、符合法定形式',
    '住所（主要经营场所）真实有效',
  ],
  materials: [
    material('application-form', '企业设立登记申请书', { formats: ['pdf', 'ofd'] }),
    material('articles', '公司章程（合伙协议）', { formats: ['pdf', 'doc', 'docx'] }),
    identityDocument('investor-id', '股东（投资人）主体资格证明或者自然人身份证明'),
    material('officers-appointment', '法定代表人、董事、监事和经理的任职文件'),
    material('premises-proof', '住所（主要经营场所）使用相关文件', { form: 'copy', originalCount: 0, copyCount: 1 }),
    powerOfAttorney(),
  ],
  form: formSchema('企业开办一件事申请表', {
    company: group('企业基本信息', {
      name: text('企业名称', { maxLength: 100 }),
      type: choice('企业类型', ['有限责任公司', '股份有限公司', '个人独资企业', '合伙企业']),
      registeredCapital: decimal('注册资本（出资额，万元）'),
      address: text('住所', { maxLength: 200 }),
      scope: text('经营范围', { maxLength: 1000 }),
    }),
    legalRepresentative: person('法定代表人（负责人）'),
    seals: group('公章刻制', {
      sealTypes: choices('刻制印章', ['公章', '财务专用章', '发票专用章', '合同专用章']),
    }),
    tax: group('发票申领', { applyInvoice: yesNo('同时申领发票'), taxContactPhone: mobile('办税人员联系电话') }),
    socialInsurance: group('社保登记', { employees: integer('参保职工人数') }),
  }),
  rules: [
    residentIdRule('legal-rep-id-number', 'legalRepresentative.idNumber', '法定代表人（负责人）'),
    compareRule('company-name', 'company.name', 'present', null, '请填写已自主申报的企业名称'),
    materialRule('articles-present', 'articles', '请提交公司章程（合伙协议）'),
    materialRule('premises-proof-present', 'premises-proof', '请提交住所（主要经营场所）使用相关文件'),
  ],
  statutory: workingDays(3),
  promised: workingDays(2),
  visits: 0,
  workflow: [
    ['一窗受理、设立登记', 'reviewer', 1],
    ['公章刻制备案（公安）、发票申领（税务）、社保登记（人社）并联办理', 'window_clerk', 1],
  ],
  onlineDepth: 'fully_online',
  deliveryOptions: ['window_pickup', 'post', 'electronic'],
  faq: [
    faq(
      '企业开办一件事包括哪些事项？',
      '包括企业设立登记、公章刻制备案、发票申领和员工参保登记，一次提交申请，由综合窗口统一受理、统一出件。',
    ),
    faq(
      '需要分别到公安、税务、人社窗口办理吗？',
      '不需要。协办部门通过系统并联办理，申请人只需到综合窗口领取或选择邮寄。',
    ),
  ],
  coDepartments: ['620321-GAJ', '620321-SWJ', '620321-RSJ'],
  windowLocation: ONE_WINDOW,
});

const hotelStart = seedItem({
  department: SCJG,
  name: '开办宾馆一件事（营业执照+公共场所卫生许可）',
  basicCode: '000117902000',
  kind: '01',
  handlingCategory: 'joint',
  serviceObject: 'both',
  legalBases: [
    LICENSING_JOINT_HANDLING,
    LICENSING_JOINT_LIMIT,
    MARKET_REGISTRATION_LIMIT,
    law(
      '《公共场所卫生管理条例》',
      '第二条',
      '本条例适用于下列公共场所：（一）宾馆、饭馆、旅店、招待所、车马店、咖啡馆、酒吧、茶座；……',
    ),
    PUBLIC_PLACE_HYGIENE_LICENCE,
  ],
  acceptanceConditions: [
    '经营场所已确定，具备宾馆经营和卫生设施条件',
    '已取得公共场所卫生检测或者评价报告',
    '从业人员已取得健康合格证明',
  ],
  materials: [
    material('application-form', '开办宾馆“一件事”联合申请表', { formats: ['pdf', 'ofd'] }),
    identityDocument('operator-id', '经营者（法定代表人）居民身份证'),
    material('premises-proof', '经营场所使用相关文件', { form: 'copy', originalCount: 0, copyCount: 1 }),
    material('hygiene-layout', '公共场所地址方位示意图、平面图和卫生设施平面布局图'),
    material('hygiene-report', '公共场所卫生检测或者评价报告'),
    material('hygiene-rules', '公共场所卫生管理制度', { formats: ['pdf', 'doc', 'docx'] }),
    powerOfAttorney(),
  ],
  form: formSchema('开办宾馆一件事申请表', {
    operator: operatorGroup,
    legalRepresentative: person('经营者（法定代表人）'),
    hotel: group('宾馆情况', {
      rooms: integer('客房数', { minimum: 1 }),
      beds: integer('床位数'),
      area: decimal('营业面积（平方米）', { exclusiveMinimum: 0 }),
      employees: integer('从业人员人数'),
      healthCertified: integer('已取得健康合格证明的从业人员人数'),
    }),
  }),
  rules: [
    residentIdRule('legal-rep-id-number', 'legalRepresentative.idNumber', '经营者（法定代表人）'),
    compareRule('hotel-rooms', 'hotel.rooms', 'gte', 1, '请填写客房数（至少1间）'),
    compareRule('hotel-area', 'hotel.area', 'gt', 0, '营业面积应大于0平方米'),
    materialRule('hygiene-report-present', 'hygiene-report', '请提交公共场所卫生检测或者评价报告'),
    materialRule('hygiene-layout-present', 'hygiene-layout', '请提交地址方位示意图、平面图和卫生设施平面布局图'),
  ],
  statutory: workingDays(45),
  promised: workingDays(10),
  visits: 1,
  workflow: [
    ['一窗受理', 'window_clerk', 1],
    ['营业执照登记', 'reviewer', 1],
    ['卫生许可资料审查和现场审核', 'reviewer', 5, '620321-WJW'],
    ['卫生许可决定', 'approver', 2, '620321-WJW'],
    ['统一出件', 'window_clerk', 1],
  ],
  onlineDepth: 'online_pre_review',
  deliveryOptions: ['window_pickup', 'post', 'electronic'],
  faq: [
    faq(
      '需要分别到市场监管和卫生健康窗口办理吗？',
      '不需要。综合窗口一次受理，卫生健康部门并联审查，营业执照和卫生许可证统一发放。',
    ),
    faq('公共场所卫生许可证有效期是多久？', '公共场所卫生许可证有效期为4年，每两年复核一次。'),
  ],
  coDepartments: ['620321-WJW'],
  windowLocation: ONE_WINDOW,
});

const restaurantStart = seedItem({
  department: SCJG,
  name: '开办餐饮店一件事（营业执照+食品经营许可+排水许可）',
  basicCode: '000117903000',
  kind: '01',
  handlingCategory: 'joint',
  serviceObject: 'both',
  legalBases: [LICENSING_JOINT_HANDLING, LICENSING_JOINT_LIMIT, FOOD_SAFETY_LICENSING, URBAN_DRAINAGE_PERMIT],
  acceptanceConditions: [
    '经营场所已确定，具有与经营的食品品种、数量相适应的场所、设备设施',
    '有专职或者兼职的食品安全管理人员和保证食品安全的规章制度',
    '向城镇排水设施排放污水的，已按规定设置隔油等预处理设施',
  ],
  materials: [
    material('application-form', '开办餐饮店“一件事”联合申请表', { formats: ['pdf', 'ofd'] }),
    identityDocument('operator-id', '经营者（法定代表人）居民身份证'),
    material('premises-proof', '经营场所使用相关文件', { form: 'copy', originalCount: 0, copyCount: 1 }),
    material('premises-layout', '与食品经营相适应的主要设备设施、经营布局、操作流程等文件'),
    material('food-safety-rules', '保证食品安全的规章制度目录', { formats: ['pdf', 'doc', 'docx'] }),
    material('drainage-drawings', '排水户内部排水管网、专用检测井、污水排放口位置和口径的图纸及说明'),
    powerOfAttorney(),
  ],
  form: formSchema('开办餐饮店一件事申请表', {
    operator: operatorGroup,
    legalRepresentative: person('经营者（法定代表人）'),
    restaurant: group('餐饮经营', {
      area: decimal('经营场所面积（平方米）', { exclusiveMinimum: 0 }),
      items: choices('经营项目', ['热食类食品制售', '冷食类食品制售', '生食类食品制售', '半成品制售', '自制饮品制售']),
      foodSafetyManager: text('食品安全管理人员姓名', { maxLength: 30 }),
    }),
    drainage: group('排水情况', {
      dailyVolume: decimal('日排水量（立方米）', { exclusiveMinimum: 0 }),
      greaseTrap: yesNo('已设置隔油设施'),
    }),
  }),
  rules: [
    residentIdRule('legal-rep-id-number', 'legalRepresentative.idNumber', '经营者（法定代表人）'),
    compareRule('restaurant-area', 'restaurant.area', 'gt', 0, '经营场所面积应大于0平方米'),
    compareRule(
      'grease-trap',
      'drainage.greaseTrap',
      'eq',
      true,
      '餐饮排水户应当设置隔油设施，污水经预处理后方可排入城镇排水管网',
    ),
    materialRule('premises-layout-present', 'premises-layout', '请提交主要设备设施、经营布局和操作流程等文件'),
    materialRule('drainage-drawings-present', 'drainage-drawings', '请提交内部排水管网、检测井和排放口的图纸及说明'),
  ],
  statutory: workingDays(45),
  promised: workingDays(7),
  visits: 1,
  workflow: [
    ['一窗受理', 'window_clerk', 1],
    ['营业执照登记', 'reviewer', 1],
    ['食品经营许可审查（含现场核查）', 'reviewer', 2],
    ['污水排入排水管网许可审查', 'reviewer', 2, '620321-ZJJ'],
    ['统一出件', 'window_clerk', 1],
  ],
  onlineDepth: 'online_pre_review',
  deliveryOptions: ['window_pickup', 'post', 'electronic'],
  faq: [
    faq(
      '开办餐饮店一件事包括哪些证照？',
      '包括营业执照、食品经营许可证和城镇污水排入排水管网许可证，一次申请、并联审查、统一发证。',
    ),
    faq('现场核查需要预约吗？', '受理后审查人员会电话联系经营者约定现场核查时间，请保持联系电话畅通。'),
  ],
  coDepartments: ['620321-ZJJ'],
  windowLocation: ONE_WINDOW,
});

export const ONE_THING_ITEMS: SeedItem[] = [businessStart, hotelStart, restaurantStart];
