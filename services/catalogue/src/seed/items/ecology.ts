import {
  compareRule,
  creditCodeRule,
  faq,
  law,
  material,
  materialRule,
  naturalDays,
  seedItem,
  workingDays,
  type SeedItem,
} from './build';
import { choice, choices, creditCode, decimal, formSchema, group, organisation, text } from './forms';
import { LICENSING_SPECIAL_PROCEDURES } from './laws';

// 生态环境: 排污许可 is granted by the city (条例第六条), so 金昌市生态环境局永昌分局 accepts and forwards it
// (上报件); 金昌市生态环境局 approves 报告表 itself. Both laws say "N日": recorded literally as natural days.

const PERMIT_REGULATION = '《排污许可管理条例》';
const CITY_STHJ = '620300-STHJ';

const dischargePermit = seedItem({
  department: '620321-STHJ',
  name: '排污许可',
  basicCode: '000110003000',
  kind: '01',
  handlingCategory: 'escalated',
  serviceObject: 'enterprise',
  legalBases: [
    law(
      PERMIT_REGULATION,
      '第二条第一款',
      '依照法律规定实行排污许可管理的企业事业单位和其他生产经营者（以下称排污单位），应当依照本条例规定申请取得排污许可证；未取得' +
        '排污许可证的，不得排放污染物。',
    ),
    law(
      PERMIT_REGULATION,
      '第六条第一款',
      '排污单位应当向其生产经营场所所在地设区的市级以上地方人民政府生态环境主管部门（以下称审批部门）申请取得排污许可证。',
    ),
    law(
      PERMIT_REGULATION,
      '第十二条',
      '对实行排污许可简化管理的排污单位，审批部门应当自受理申请之日起20日内作出审批决定；对符合条件的颁发排污许可证，对不符合条件' +
        '的不予许可并书面说明理由。对实行排污许可重点管理的排污单位，审批部门应当自受理申请之日起30日内作出审批决定；需要进行现场' +
        '核查的，应当自受理申请之日起45日内作出审批决定；……',
    ),
  ],
  acceptanceConditions: [
    '属于《固定污染源排污许可分类管理名录》规定实行重点管理或者简化管理的排污单位',
    '依法取得建设项目环境影响评价文件审批意见，或者按照有关规定经地方人民政府依法处理、整顿规范并符合要求',
    '污染防治设施、污染物排放浓度和排放量符合国家和地方规定',
  ],
  materials: [
    material('application-form', '排污许可证申请表（通过全国排污许可证管理信息平台填报）', { formats: ['pdf'] }),
    material('monitoring-plan', '自行监测方案', { formats: ['pdf', 'doc', 'docx'] }),
    material('commitment', '法定代表人或者主要负责人签字或者盖章的承诺书'),
    material('outlet-statement', '排污口规范化情况说明'),
    material('eia-approval', '建设项目环境影响评价文件审批文号或者相关证明材料', {
      form: 'copy',
      originalCount: 0,
      copyCount: 1,
    }),
  ],
  form: formSchema('排污许可证申请', {
    unit: organisation('排污单位'),
    permit: group(
      '申请事项',
      {
        managementCategory: choice('管理类别', ['重点管理', '简化管理', '登记管理']),
        industry: text('行业类别', { maxLength: 60 }),
        pollutants: choices('排放污染物类别', ['废水', '废气', '工业固体废物', '噪声']),
        eiaApprovalNo: text('环境影响评价文件审批文号', { maxLength: 60 }),
      },
      ['eiaApprovalNo'],
    ),
  }),
  rules: [
    creditCodeRule('unit-credit-code', 'unit.creditCode', '排污单位'),
    compareRule(
      'management-category',
      'permit.managementCategory',
      'not_in',
      ['登记管理'],
      '实行排污登记管理的排污单位无需申请排污许可证，请在全国排污许可证管理信息平台填报排污登记表',
    ),
    materialRule('monitoring-plan-present', 'monitoring-plan', '请提交自行监测方案'),
    materialRule('commitment-present', 'commitment', '请提交法定代表人或者主要负责人签字或者盖章的承诺书'),
  ],
  // 第十二条: 30 days for 重点管理 (20 for 简化管理); the 14-day promise is within 70% of either.
  statutory: naturalDays(30),
  promised: naturalDays(14),
  visits: 0,
  workflow: [
    ['分局受理', 'window_clerk', 1],
    ['初审并报送金昌市生态环境局', 'reviewer', 1],
    ['技术审查', 'reviewer', 5, CITY_STHJ],
    ['审批决定', 'approver', 2, CITY_STHJ],
    ['核发排污许可证并转分局送达', 'window_clerk', 1, CITY_STHJ],
  ],
  onlineDepth: 'online_pre_review',
  deliveryOptions: ['electronic', 'post', 'window_pickup'],
  faq: [
    faq(
      '审批需要多长时间？',
      '简化管理的自受理之日起20日内、重点管理的30日内作出审批决定；需要现场核查的，45日内作出决定（《排污许可管理条例》第十二条）。' +
        '本中心承诺14日内办结（需要现场核查的除外）。',
    ),
    faq('排污许可证有效期是多久？', '排污许可证有效期为5年，需要延续的，应当在有效期届满60日前向审批部门提出申请。'),
  ],
});

const eiaReportForm = seedItem({
  department: CITY_STHJ,
  name: '建设项目环境影响报告表审批',
  basicCode: '000110001000',
  kind: '01',
  handlingCategory: 'promised',
  serviceObject: 'enterprise',
  legalBases: [
    law(
      '《中华人民共和国环境影响评价法》',
      '第二十二条',
      '建设项目的环境影响报告书、报告表，由建设单位按照国务院的规定报有审批权的生态环境主管部门审批。……审批部门应当自收到环境' +
        '影响报告书之日起六十日内，收到环境影响报告表之日起三十日内，分别作出审批决定并书面通知建设单位。……审核、审批建设项目环境' +
        '影响报告书、报告表以及备案环境影响登记表，不得收取任何费用。',
    ),
  ],
  acceptanceConditions: [
    '建设项目依法应当编制环境影响报告表',
    '环境影响报告表由建设单位自行或者委托技术单位编制，内容和格式符合国家规定',
  ],
  materials: [
    material('application-form', '建设项目环境影响评价文件审批申请书', { formats: ['pdf', 'ofd'] }),
    material('report-form', '建设项目环境影响报告表（全本）', { formats: ['pdf'], maxSizeKb: 51200 }),
    material('public-version', '环境影响报告表公开版本（删除涉及国家秘密、商业秘密等内容）', {
      formats: ['pdf'],
      maxSizeKb: 51200,
    }),
  ],
  form: formSchema('建设项目环境影响报告表审批申请', {
    builder: organisation('建设单位'),
    project: group('建设项目', {
      name: text('项目名称', { maxLength: 100 }),
      address: text('建设地点', { maxLength: 200 }),
      industry: text('国民经济行业类别', { maxLength: 60 }),
      investment: decimal('总投资（万元）', { exclusiveMinimum: 0 }),
      preparer: text('报告表编制单位', { maxLength: 100 }),
      preparerCreditCode: creditCode('编制单位统一社会信用代码'),
    }),
  }),
  rules: [
    creditCodeRule('builder-credit-code', 'builder.creditCode', '建设单位'),
    creditCodeRule('preparer-credit-code', 'project.preparerCreditCode', '报告表编制单位'),
    compareRule('investment', 'project.investment', 'gt', 0, '请填写项目总投资（万元，大于0）'),
    materialRule('report-form-present', 'report-form', '请提交建设项目环境影响报告表全本'),
  ],
  statutory: naturalDays(30),
  promised: naturalDays(15),
  visits: 0,
  specialProcedures: [
    { name: '技术评估（专家评审）', planned: workingDays(10), legalBasis: LICENSING_SPECIAL_PROCEDURES },
  ],
  workflow: [
    ['受理', 'window_clerk', 1],
    ['审查', 'reviewer', 5],
    ['审批决定', 'approver', 2],
    ['送达', 'window_clerk', 1],
  ],
  onlineDepth: 'fully_online',
  deliveryOptions: ['electronic', 'post'],
  faq: [
    faq('环评审批收费吗？', '不收取任何费用（《中华人民共和国环境影响评价法》第二十二条）。'),
    faq('技术评估的时间算在审批时限内吗？', '专家评审所需时间不计算在审批时限内，窗口将书面告知所需时间。'),
  ],
});

export const ECOLOGY_ITEMS: SeedItem[] = [dischargePermit, eiaReportForm];
