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
  workingDays,
  type SeedItem,
} from './build';
import { choice, decimal, formSchema, group, integer, organisation, person, text } from './forms';
import { LICENSING_DEFAULT_LIMIT, LICENSING_SPECIAL_PROCEDURES } from './laws';

// 永昌县自然资源局: planning permits. 城乡规划法 sets no decision limit: 行政许可法 default of 20 working days.

const ZRZY = '620321-ZRZY';
const PLANNING_LAW = '《中华人民共和国城乡规划法》';

const YONGCHANG_TOWNS = [
  '城关镇',
  '河西堡镇',
  '新城子镇',
  '朱王堡镇',
  '东寨镇',
  '水源镇',
  '红山窑镇',
  '焦家庄镇',
  '六坝镇',
  '南坝乡',
];

const constructionPlanningPermit = seedItem({
  department: ZRZY,
  name: '建设工程规划许可证核发',
  basicCode: '000109012000',
  kind: '01',
  handlingCategory: 'promised',
  serviceObject: 'both',
  legalBases: [
    law(
      PLANNING_LAW,
      '第四十条',
      '在城市、镇规划区内进行建筑物、构筑物、道路、管线和其他工程建设的，建设单位或者个人应当向城市、县人民政府城乡规划主管' +
        '部门或者省、自治区、直辖市人民政府确定的镇人民政府申请办理建设工程规划许可证。申请办理建设工程规划许可证，应当提交使用' +
        '土地的有关证明文件、建设工程设计方案等材料。需要建设单位编制修建性详细规划的建设项目，还应当提交修建性详细规划。对符合' +
        '控制性详细规划和规划条件的，由城市、县人民政府城乡规划主管部门或者省、自治区、直辖市人民政府确定的镇人民政府核发建设' +
        '工程规划许可证。',
    ),
    LICENSING_DEFAULT_LIMIT,
  ],
  acceptanceConditions: [
    '已取得使用土地的有关证明文件',
    '建设工程设计方案符合控制性详细规划和规划条件',
    '需要编制修建性详细规划的，修建性详细规划已经批准',
  ],
  materials: [
    material('application-form', '建设工程规划许可证申请表', { formats: ['pdf', 'ofd'] }),
    material('land-proof', '使用土地的有关证明文件（不动产权证书或者国有土地使用权出让合同等）', {
      form: 'copy',
      originalCount: 0,
      copyCount: 1,
    }),
    material('design-scheme', '建设工程设计方案（总平面图、建筑单体方案等）', { formats: ['pdf'], maxSizeKb: 51200 }),
    material('detailed-plan', '修建性详细规划', {
      required: false,
      condition: '需要建设单位编制修建性详细规划的建设项目',
      formats: ['pdf'],
      maxSizeKb: 51200,
    }),
    powerOfAttorney(),
  ],
  form: formSchema('建设工程规划许可证申请', {
    builder: organisation('建设单位'),
    project: group('建设项目', {
      name: text('项目名称', { maxLength: 100 }),
      address: text('建设位置', { maxLength: 200 }),
      landCertificateNo: text('用地证明文件编号', { maxLength: 50 }),
      landArea: decimal('用地面积（平方米）', { exclusiveMinimum: 0 }),
      totalFloorArea: decimal('总建筑面积（平方米）', { exclusiveMinimum: 0 }),
      floorAreaRatio: decimal('容积率'),
      buildingHeight: decimal('建筑高度（米）'),
    }),
  }),
  rules: [
    creditCodeRule('builder-credit-code', 'builder.creditCode', '建设单位'),
    compareRule('floor-area-ratio', 'project.floorAreaRatio', 'gt', 0, '请按设计方案填写容积率（大于0）'),
    materialRule('land-proof-present', 'land-proof', '请提交使用土地的有关证明文件'),
    materialRule('design-scheme-present', 'design-scheme', '请提交建设工程设计方案'),
  ],
  // 城乡规划法 sets no decision limit: 行政许可法 default of 20 working days.
  statutory: workingDays(20),
  promised: workingDays(10),
  visits: 1,
  specialProcedures: [
    { name: '建设工程设计方案专家评审', planned: workingDays(10), legalBasis: LICENSING_SPECIAL_PROCEDURES },
  ],
  workflow: [
    ['受理', 'window_clerk', 1],
    ['审查（规划条件核对、设计方案审查）', 'reviewer', 5],
    ['决定', 'approver', 2],
    ['制证送达', 'window_clerk', 1],
  ],
  onlineDepth: 'online_pre_review',
  deliveryOptions: ['window_pickup', 'post', 'electronic'],
  faq: [
    faq(
      '专家评审的时间算在办理时限内吗？',
      '不计算在内。需要专家评审的，窗口将书面告知所需时间（《中华人民共和国行政许可法》第四十五条）。',
    ),
  ],
});

const landUsePlanningPermit = seedItem({
  department: ZRZY,
  name: '建设用地规划许可证核发',
  basicCode: '000109011000',
  kind: '01',
  handlingCategory: 'promised',
  serviceObject: 'enterprise',
  legalBases: [
    law(
      PLANNING_LAW,
      '第三十七条第一款',
      '在城市、镇规划区内以划拨方式提供国有土地使用权的建设项目，经有关部门批准、核准、备案后，建设单位应当向城市、县人民政府' +
        '城乡规划主管部门提出建设用地规划许可申请，由城市、县人民政府城乡规划主管部门依据控制性详细规划核定建设用地的位置、面积、' +
        '允许建设的范围，核发建设用地规划许可证。',
    ),
    law(
      PLANNING_LAW,
      '第三十八条第二款',
      '以出让方式取得国有土地使用权的建设项目，建设单位在取得建设项目的批准、核准、备案文件和签订国有土地使用权出让合同后，' +
        '向城市、县人民政府城乡规划主管部门领取建设用地规划许可证。',
    ),
    LICENSING_DEFAULT_LIMIT,
  ],
  acceptanceConditions: [
    '建设项目已经有关部门批准、核准或者备案',
    '以出让方式取得国有土地使用权的，已签订国有土地使用权出让合同',
  ],
  materials: [
    material('application-form', '建设用地规划许可申请表', { formats: ['pdf', 'ofd'] }),
    material('project-approval', '建设项目批准、核准或者备案文件', { form: 'copy', originalCount: 0, copyCount: 1 }),
    material('transfer-contract', '国有土地使用权出让合同', {
      required: false,
      condition: '以出让方式取得国有土地使用权的',
      form: 'copy',
      originalCount: 0,
      copyCount: 1,
    }),
    material('site-plan', '建设项目用地范围红线图（勘测定界图）', { formats: ['pdf'], maxSizeKb: 51200 }),
    powerOfAttorney(),
  ],
  form: formSchema('建设用地规划许可申请', {
    builder: organisation('建设单位'),
    project: group('建设项目', {
      name: text('项目名称', { maxLength: 100 }),
      address: text('用地位置', { maxLength: 200 }),
      landArea: decimal('用地面积（平方米）', { exclusiveMinimum: 0 }),
      landUse: choice('用地性质', ['住宅用地', '商服用地', '工矿仓储用地', '公共管理与公共服务用地', '交通运输用地']),
      supplyMethod: choice('供地方式', ['划拨', '出让']),
      approvalNo: text('项目批准（核准、备案）文号', { maxLength: 60 }),
    }),
  }),
  rules: [
    creditCodeRule('builder-credit-code', 'builder.creditCode', '建设单位'),
    compareRule('approval-number', 'project.approvalNo', 'present', null, '请填写建设项目批准、核准或者备案文号'),
    compareRule('land-area', 'project.landArea', 'gt', 0, '用地面积应大于0平方米'),
    materialRule('project-approval-present', 'project-approval', '请提交建设项目批准、核准或者备案文件'),
  ],
  // 城乡规划法 sets no decision limit: 行政许可法 default of 20 working days.
  statutory: workingDays(20),
  promised: workingDays(5),
  visits: 1,
  workflow: [
    ['受理', 'window_clerk', 1],
    ['审查', 'reviewer', 2],
    ['决定', 'approver', 1],
    ['制证送达', 'window_clerk', 1],
  ],
  onlineDepth: 'online_pre_review',
  deliveryOptions: ['window_pickup', 'post', 'electronic'],
  faq: [
    faq(
      '还需要另外办理建设用地批准书吗？',
      '不需要。按照“多审合一、多证合一”改革，建设用地规划许可证和建设用地批准书合并，统一核发建设用地规划许可证。',
    ),
  ],
});

const ruralConstructionPermit = seedItem({
  department: ZRZY,
  name: '乡村建设规划许可证核发',
  basicCode: '000109013000',
  kind: '01',
  handlingCategory: 'promised',
  serviceObject: 'both',
  legalBases: [
    law(
      PLANNING_LAW,
      '第四十一条第一款',
      '在乡、村庄规划区内进行乡镇企业、乡村公共设施和公益事业建设的，建设单位或者个人应当向乡、镇人民政府提出申请，由乡、镇' +
        '人民政府报城市、县人民政府城乡规划主管部门核发乡村建设规划许可证。',
    ),
    LICENSING_DEFAULT_LIMIT,
  ],
  acceptanceConditions: ['建设项目位于乡、村庄规划区内', '已取得乡、镇人民政府审核意见', '用地符合村庄规划'],
  materials: [
    material('application-form', '乡村建设规划许可申请表', { formats: ['pdf', 'ofd'] }),
    identityDocument('applicant-id', '申请人居民身份证（建设单位为营业执照）'),
    material('land-document', '宅基地批准文件或者集体建设用地使用证明', {
      form: 'copy',
      originalCount: 0,
      copyCount: 1,
    }),
    material('design', '建设工程设计方案或者农房设计通用图选用说明'),
    material('town-opinion', '乡、镇人民政府审核意见'),
  ],
  form: formSchema('乡村建设规划许可申请', {
    applicant: person('申请人'),
    project: group('建设项目', {
      town: choice('所在乡镇', YONGCHANG_TOWNS),
      village: text('所在村（社区）', { maxLength: 50 }),
      useType: choice('建设类型', ['乡镇企业', '乡村公共设施', '公益事业', '农村村民住宅']),
      landArea: decimal('占地面积（平方米）', { exclusiveMinimum: 0 }),
      floorArea: decimal('建筑面积（平方米）', { exclusiveMinimum: 0 }),
      floors: integer('层数', { minimum: 1 }),
    }),
  }),
  rules: [
    residentIdRule('applicant-id-number', 'applicant.idNumber', '申请人'),
    compareRule('land-area', 'project.landArea', 'gt', 0, '占地面积应大于0平方米'),
    materialRule('town-opinion-present', 'town-opinion', '请提交乡、镇人民政府审核意见'),
    materialRule('land-document-present', 'land-document', '请提交宅基地批准文件或者集体建设用地使用证明'),
  ],
  // 城乡规划法 sets no decision limit: 行政许可法 default of 20 working days.
  statutory: workingDays(20),
  promised: workingDays(10),
  visits: 1,
  workflow: [
    ['受理', 'window_clerk', 1],
    ['审查（含现场踏勘）', 'reviewer', 5],
    ['决定', 'approver', 2],
    ['制证送达', 'window_clerk', 1],
  ],
  onlineDepth: 'online_pre_review',
  deliveryOptions: ['window_pickup', 'post'],
  faq: [
    faq(
      '向哪里提出申请？',
      '向项目所在乡、镇人民政府提出申请，由乡、镇人民政府报县自然资源局核发；也可在县政务服务中心窗口提交。',
    ),
  ],
});
export const PLANNING_PERMIT_ITEMS: SeedItem[] = [
  constructionPlanningPermit,
  landUsePlanningPermit,
  ruralConstructionPermit,
];
