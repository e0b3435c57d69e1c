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
  seedItem,
  sharedCopy,
  type SeedItem,
} from './build';
import { choices, decimal, formSchema, group, integer, organisation } from './forms';
import { ROAD_FREIGHT_APPLICATION } from './laws';

// 永昌县交通运输局. The 道路运输条例 says "20日": recorded literally as natural days. Dangerous goods are licensed by
// the city (条例第二十四条): the county window accepts and forwards them to 金昌市交通运输局 (上报件).

const JTYS = '620321-JTYS';
const CITY_JTYS = '620300-JTYS';
const ROAD_REGULATION = '《中华人民共和国道路运输条例》';

const freightLicence = seedItem({
  department: JTYS,
  name: '道路运输经营许可（道路普通货物运输）',
  basicCode: '000112004000',
  kind: '01',
  handlingCategory: 'promised',
  serviceObject: 'both',
  legalBases: [
    law(
      ROAD_REGULATION,
      '第二十一条',
      '申请从事货运经营的，应当具备下列条件：（一）有与其经营业务相适应并经检测合格的车辆；（二）有符合本条例第二十二条规定条件的' +
        '驾驶人员；（三）有健全的安全生产管理制度。',
    ),
    ROAD_FREIGHT_APPLICATION,
  ],
  acceptanceConditions: [
    '已依法办理市场主体登记',
    '有与其经营业务相适应并经检测合格的车辆（总质量4500千克以上）',
    '有取得相应从业资格的驾驶人员',
    '有健全的安全生产管理制度',
  ],
  materials: [
    material('application-form', '道路货物运输经营申请表', { formats: ['pdf', 'ofd'] }),
    identityDocument('responsible-id', '负责人居民身份证'),
    material('vehicle-documents', '拟投入车辆的机动车行驶证及车辆检测合格证明', {
      form: 'copy',
      originalCount: 0,
      copyCount: 1,
    }),
    material('driver-documents', '拟聘用驾驶人员的机动车驾驶证、道路运输从业人员从业资格证', {
      form: 'copy',
      originalCount: 0,
      copyCount: 1,
    }),
    material('safety-rules', '安全生产管理制度文本', { formats: ['pdf', 'doc', 'docx'] }),
    powerOfAttorney(),
  ],
  form: formSchema('道路货物运输经营申请', {
    operator: organisation('申请人'),
    fleet: group('车辆和驾驶人员', {
      vehicleCount: integer('拟投入车辆数', { minimum: 1 }),
      maxGrossMassKg: decimal('单车最大总质量（千克）'),
      driverCount: integer('驾驶人员人数'),
    }),
  }),
  rules: [
    creditCodeRule('operator-credit-code', 'operator.creditCode', '申请人'),
    compareRule(
      'gross-mass',
      'fleet.maxGrossMassKg',
      'gt',
      4500,
      '使用总质量4500千克及以下普通货运车辆从事普通货运经营的，无需申请道路运输经营许可证（《中华人民共和国道路运输条例》第二十四条）',
    ),
    compareRule(
      'driver-count',
      'fleet.driverCount',
      'gte',
      1,
      '应当有取得从业资格的驾驶人员（《中华人民共和国道路运输条例》第二十一条）',
    ),
    materialRule('safety-rules-present', 'safety-rules', '请提交安全生产管理制度文本'),
  ],
  statutory: naturalDays(20),
  promised: naturalDays(10),
  visits: 1,
  workflow: [
    ['受理', 'window_clerk', 1],
    ['审查', 'reviewer', 3],
    ['决定', 'approver', 1],
    ['发放经营许可证和车辆营运证', 'window_clerk', 1],
  ],
  onlineDepth: 'online_pre_review',
  deliveryOptions: ['window_pickup', 'post', 'electronic'],
  faq: [
    faq(
      '4.5吨及以下的货车需要办理道路运输经营许可证吗？',
      '不需要。使用总质量4500千克及以下普通货运车辆从事普通货运经营的，无需申请道路运输经营许可证及车辆营运证。',
    ),
  ],
});

const dangerousGoodsLicence = seedItem({
  department: JTYS,
  name: '道路危险货物运输经营许可',
  basicCode: '000112005000',
  kind: '01',
  handlingCategory: 'escalated',
  serviceObject: 'enterprise',
  legalBases: [
    law(
      ROAD_REGULATION,
      '第二十三条',
      '申请从事危险货物运输经营的，还应当具备下列条件：（一）有5辆以上经检测合格的危险货物运输专用车辆、设备；（二）有经所在地设区' +
        '的市级人民政府交通运输主管部门考试合格，取得上岗资格证的驾驶人员、装卸管理人员、押运人员；（三）危险货物运输专用车辆配有' +
        '必要的通讯工具；（四）有健全的安全生产管理制度。',
    ),
    ROAD_FREIGHT_APPLICATION,
  ],
  acceptanceConditions: [
    '已依法办理市场主体登记',
    '有5辆以上经检测合格的危险货物运输专用车辆、设备',
    '驾驶人员、装卸管理人员、押运人员取得相应从业资格',
    '有符合要求的停车场地和健全的安全生产管理制度、事故应急救援预案',
  ],
  materials: [
    material('application-form', '道路危险货物运输经营申请表', { formats: ['pdf', 'ofd'] }),
    sharedCopy('business-licence', '营业执照', '已在电子证照库中的营业执照，窗口通过数据共享获取，无需提交'),
    material('vehicle-documents', '拟投入专用车辆、设备的行驶证、检测合格证明', {
      form: 'copy',
      originalCount: 0,
      copyCount: 1,
    }),
    material('personnel-certificates', '驾驶人员、装卸管理人员、押运人员的从业资格证', {
      form: 'copy',
      originalCount: 0,
      copyCount: 1,
    }),
    material('parking-proof', '停车场地的土地使用证明或者租赁合同及场地平面图'),
    material('safety-rules', '安全生产管理制度文本', { formats: ['pdf', 'doc', 'docx'] }),
    material('emergency-plan', '事故应急救援预案', { formats: ['pdf', 'doc', 'docx'] }),
  ],
  form: formSchema('道路危险货物运输经营申请', {
    enterprise: organisation('申请企业'),
    fleet: group('车辆与场地', {
      vehicleCount: integer('危险货物运输专用车辆数'),
      goodsClasses: choices('拟运输危险货物类别', [
        '第1类 爆炸品',
        '第2类 气体',
        '第3类 易燃液体',
        '第4类 易燃固体、易于自燃的物质、遇水放出易燃气体的物质',
        '第5类 氧化性物质和有机过氧化物',
        '第6类 毒性物质和感染性物质',
        '第8类 腐蚀性物质',
        '第9类 杂项危险物质和物品',
      ]),
      parkingArea: decimal('停车场地面积（平方米）', { exclusiveMinimum: 0 }),
    }),
    staff: group('从业人员', { safetyOfficers: integer('专职安全管理人员人数') }),
  }),
  rules: [
    creditCodeRule('enterprise-credit-code', 'enterprise.creditCode', '申请企业'),
    compareRule(
      'vehicle-count',
      'fleet.vehicleCount',
      'gte',
      5,
      '从事危险货物运输经营应当有5辆以上经检测合格的危险货物运输专用车辆（《中华人民共和国道路运输条例》第二十三条）',
    ),
    compareRule('safety-officers', 'staff.safetyOfficers', 'gte', 1, '请配备专职安全管理人员'),
    materialRule('emergency-plan-present', 'emergency-plan', '请提交事故应急救援预案'),
  ],
  statutory: naturalDays(20),
  promised: naturalDays(12),
  visits: 1,
  workflow: [
    ['县级窗口受理', 'window_clerk', 1],
    ['初审并报送金昌市交通运输局', 'reviewer', 1],
    ['审查（含现场核查）', 'reviewer', 6, CITY_JTYS],
    ['许可决定', 'approver', 2, CITY_JTYS],
    ['制证并转县级窗口送达', 'window_clerk', 1, CITY_JTYS],
  ],
  onlineDepth: 'online_pre_review',
  deliveryOptions: ['window_pickup', 'post', 'electronic'],
  faq: [
    faq(
      '为什么在县里提交、由市里审批？',
      '危险货物运输经营许可由设区的市级交通运输主管部门审批（《中华人民共和国道路运输条例》第二十四条）。县政务服务中心窗口' +
        '受理后报送金昌市交通运输局，申请人无需另行到市里提交材料，办理结果由县级窗口送达。',
    ),
  ],
});

export const TRANSPORT_ITEMS: SeedItem[] = [freightLicence, dangerousGoodsLicence];
