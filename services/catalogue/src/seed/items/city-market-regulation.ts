import {
  compareRule,
  creditCodeRule,
  faq,
  law,
  material,
  materialRule,
  seedItem,
  sharedCopy,
  workingDays,
  type SeedItem,
} from './build';
import { choices, formSchema, group, organisation, text } from './forms';
import { FOOD_SAFETY_LICENSING } from './laws';

// 金昌市市场监督管理局: food production is licensed at city level in the seeded deployment.

const foodProductionLicence = seedItem({
  department: '620300-SCJG',
  name: '食品生产许可',
  basicCode: '000117011000',
  kind: '01',
  handlingCategory: 'promised',
  serviceObject: 'enterprise',
  legalBases: [
    FOOD_SAFETY_LICENSING,
    // 国家市场监督管理总局令第24号 (2020): 10 working days; the article number was not verified when this was
    // written, so the chapter is cited.
    law(
      '《食品生产许可管理办法》（国家市场监督管理总局令第24号）',
      '第三章 审查与决定',
      '县级以上地方市场监督管理部门应当自受理申请之日起10个工作日内作出是否准予行政许可的决定。因特殊原因需要延长期限的，经本' +
        '行政机关负责人批准，可以延长5个工作日，并应当将延长期限的理由告知申请人。',
    ),
  ],
  acceptanceConditions: [
    '已取得营业执照等合法主体资格',
    '具有与生产的食品品种、数量相适应的生产场所、设备设施',
    '有专职或者兼职的食品安全专业技术人员、食品安全管理人员和保证食品安全的规章制度',
    '具有合理的设备布局和工艺流程',
  ],
  materials: [
    material('application-form', '食品生产许可申请书', { formats: ['pdf', 'ofd'] }),
    sharedCopy('business-licence', '营业执照', '已在电子证照库中的营业执照，窗口通过数据共享获取，无需提交'),
    material('layout', '食品生产设备布局图和食品生产工艺流程图'),
    material('equipment-list', '食品生产主要设备、设施清单', { formats: ['pdf', 'xls', 'xlsx'] }),
    material('staff-and-rules', '食品安全专业技术人员、食品安全管理人员信息和食品安全管理制度', {
      formats: ['pdf', 'doc', 'docx'],
    }),
  ],
  form: formSchema('食品生产许可申请', {
    producer: organisation('申请人'),
    production: group('生产信息', {
      address: text('生产地址', { maxLength: 200 }),
      categories: choices('申请食品类别', [
        '粮食加工品',
        '食用油、油脂及其制品',
        '调味品',
        '肉制品',
        '乳制品',
        '饮料',
        '方便食品',
        '速冻食品',
        '糕点',
        '豆制品',
        '蔬菜制品',
        '其他食品',
      ]),
      technicalStaff: text('食品安全专业技术人员姓名', { maxLength: 30 }),
      safetyManager: text('食品安全管理人员姓名', { maxLength: 30 }),
    }),
  }),
  rules: [
    creditCodeRule('producer-credit-code', 'producer.creditCode', '申请人'),
    compareRule('safety-manager', 'production.safetyManager', 'present', null, '请填写食品安全管理人员姓名'),
    materialRule('layout-present', 'layout', '请提交设备布局图和工艺流程图'),
    materialRule('equipment-list-present', 'equipment-list', '请提交主要设备、设施清单'),
  ],
  statutory: workingDays(10),
  promised: workingDays(7),
  visits: 1,
  workflow: [
    ['受理', 'window_clerk', 1],
    ['材料审查', 'reviewer', 1],
    ['现场核查', 'reviewer', 3],
    ['决定', 'approver', 1],
    ['制证送达', 'window_clerk', 1],
  ],
  onlineDepth: 'online_pre_review',
  deliveryOptions: ['window_pickup', 'post', 'electronic'],
  faq: [
    faq('食品生产许可证的有效期是多久？', '食品生产许可证有效期为5年。'),
    faq('现场核查不合格怎么办？', '现场核查不合格的，作出不予许可的决定并书面说明理由；整改后可以重新申请。'),
  ],
});

export const CITY_MARKET_REGULATION_ITEMS: SeedItem[] = [foodProductionLicence];
