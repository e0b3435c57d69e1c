import {
  compareRule,
  creditCodeRule,
  faq,
  identityDocument,
  law,
  material,
  materialRule,
  residentIdRule,
  seedItem,
  sharedCopy,
  workingDays,
  type SeedItem,
} from './build';
import {
  bankAccount,
  choice,
  creditCode,
  date,
  decimal,
  formSchema,
  group,
  integer,
  organisation,
  person,
  text,
} from './forms';
import { LICENSING_DEFAULT_LIMIT } from './laws';

// 人力资源和社会保障局: 劳务派遣 (永昌县) and 失业保险金 (金川区). 失业保险金 has no statutory decision limit in law:
// the seed uses the 行政许可法 default of 20 working days as the ceiling.

const YC_RSJ = '620321-RSJ';

const labourDispatchLicence = seedItem({
  department: YC_RSJ,
  name: '劳务派遣经营许可',
  basicCode: '000108005000',
  kind: '01',
  handlingCategory: 'promised',
  serviceObject: 'enterprise',
  legalBases: [
    law(
      '《中华人民共和国劳动合同法》',
      '第五十七条',
      '经营劳务派遣业务应当具备下列条件：（一）注册资本不得少于人民币二百万元；（二）有与开展业务相适应的固定的经营场所和设施；' +
        '（三）有符合法律、行政法规规定的劳务派遣管理制度；（四）法律、行政法规规定的其他条件。经营劳务派遣业务，应当向劳动行政' +
        '部门依法申请行政许可；经许可的，依法办理相应的公司登记。未经许可，任何单位和个人不得经营劳务派遣业务。',
    ),
    LICENSING_DEFAULT_LIMIT,
  ],
  acceptanceConditions: [
    '注册资本不少于人民币二百万元',
    '有与开展业务相适应的固定的经营场所和设施',
    '有符合法律、行政法规规定的劳务派遣管理制度',
  ],
  materials: [
    material('application-form', '劳务派遣经营许可申请书', { formats: ['pdf', 'ofd'] }),
    sharedCopy('business-licence', '营业执照', '已在电子证照库中的营业执照，窗口通过数据共享获取，无需提交'),
    material('capital-proof', '验资报告或者财务审计报告'),
    material('premises-proof', '经营场所的使用证明以及与开展业务相适应的办公设施设备、信息管理系统等清单'),
    material('dispatch-rules', '劳务派遣管理制度及拟与用工单位签订的劳务派遣协议样本', {
      formats: ['pdf', 'doc', 'docx'],
    }),
    identityDocument('legal-rep-id', '法定代表人居民身份证'),
  ],
  form: formSchema('劳务派遣经营许可申请', {
    enterprise: organisation('申请单位'),
    capital: group('注册资本', { registeredCapital: decimal('注册资本（万元）') }),
    premises: group('经营场所', {
      address: text('经营场所地址', { maxLength: 200 }),
      area: decimal('使用面积（平方米）', { exclusiveMinimum: 0 }),
    }),
  }),
  rules: [
    creditCodeRule('enterprise-credit-code', 'enterprise.creditCode', '申请单位'),
    compareRule(
      'registered-capital',
      'capital.registeredCapital',
      'gte',
      200,
      '经营劳务派遣业务，注册资本不得少于人民币二百万元（《中华人民共和国劳动合同法》第五十七条）',
    ),
    materialRule('dispatch-rules-present', 'dispatch-rules', '请提交劳务派遣管理制度及劳务派遣协议样本'),
  ],
  statutory: workingDays(20),
  promised: workingDays(10),
  visits: 1,
  workflow: [
    ['受理', 'window_clerk', 1],
    ['审查（含实地核查）', 'reviewer', 5],
    ['决定', 'approver', 2],
    ['制证送达', 'window_clerk', 1],
  ],
  onlineDepth: 'online_pre_review',
  deliveryOptions: ['window_pickup', 'post', 'electronic'],
  faq: [faq('劳务派遣经营许可证有效期是多久？', '有效期为3年。需要延续的，应当在有效期届满前向原许可机关提出申请。')],
});
const unemploymentBenefit = seedItem({
  department: '620302-RSJ',
  name: '失业保险金申领',
  basicCode: '000108031000',
  kind: '05',
  handlingCategory: 'immediate',
  serviceObject: 'person',
  legalBases: [
    law(
      '《中华人民共和国社会保险法》',
      '第四十五条',
      '失业人员符合下列条件的，从失业保险基金中领取失业保险金：（一）失业前用人单位和本人已经缴纳失业保险费满一年的；' +
        '（二）非因本人意愿中断就业的；（三）已经进行失业登记，并有求职要求的。',
    ),
    law(
      '《中华人民共和国社会保险法》',
      '第五十条第二款、第三款',
      '失业人员应当持本单位为其出具的终止或者解除劳动关系的证明，及时到指定的公共就业服务机构办理失业登记。失业人员凭失业登记' +
        '证明和个人身份证明，到社会保险经办机构办理领取失业保险金的手续。失业保险金领取期限自办理失业登记之日起计算。',
    ),
  ],
  acceptanceConditions: [
    '失业前用人单位和本人已经缴纳失业保险费满一年',
    '非因本人意愿中断就业',
    '已经进行失业登记，并有求职要求',
  ],
  materials: [
    identityDocument('applicant-id', '居民身份证或者社会保障卡'),
    material('separation-proof', '终止或者解除劳动关系的证明', {
      notes: '用人单位已通过系统报送终止或者解除劳动关系信息的，无需提交',
    }),
  ],
  form: formSchema('失业保险金申领', {
    applicant: person('申请人'),
    separation: group('终止或者解除劳动关系情况', {
      employer: text('原用人单位名称', { maxLength: 100 }),
      employerCreditCode: creditCode('原用人单位统一社会信用代码'),
      date: date('终止或者解除劳动关系日期'),
      reason: choice('原因', [
        '劳动合同期满终止',
        '用人单位解除劳动合同',
        '因用人单位过错被迫解除劳动合同',
        '用人单位依法破产、撤销、解散',
        '本人主动辞职',
      ]),
    }),
    insurance: group('缴费情况', { contributionMonths: integer('失业前累计缴纳失业保险费月数') }),
    payment: bankAccount('失业保险金发放账户', '社会保障卡金融账号'),
  }),
  rules: [
    residentIdRule('applicant-id-number', 'applicant.idNumber', '申请人'),
    creditCodeRule('employer-credit-code', 'separation.employerCreditCode', '原用人单位'),
    compareRule(
      'contribution-months',
      'insurance.contributionMonths',
      'gte',
      12,
      '失业前用人单位和本人已经缴纳失业保险费满一年的，方可领取失业保险金（《中华人民共和国社会保险法》第四十五条）',
    ),
    compareRule(
      'involuntary',
      'separation.reason',
      'not_in',
      ['本人主动辞职'],
      '非因本人意愿中断就业的，方可领取失业保险金（《中华人民共和国社会保险法》第四十五条）',
    ),
  ],
  // No statutory limit in law: 行政许可法 default of 20 working days; checked and granted on the spot.
  statutory: workingDays(20),
  promised: workingDays(0),
  visits: 0,
  workflow: [
    ['受理并审核', 'window_clerk', 0],
    ['核定发放', 'reviewer', 0],
  ],
  onlineDepth: 'fully_online',
  deliveryOptions: ['electronic'],
  faq: [
    faq(
      '失业保险金最长能领多久？',
      '失业前累计缴费满一年不足五年的，最长为十二个月；满五年不足十年的，最长为十八个月；十年以上的，最长为二十四个月' +
        '（《中华人民共和国社会保险法》第四十六条）。',
    ),
  ],
});
export const EMPLOYMENT_ITEMS: SeedItem[] = [labourDispatchLicence, unemploymentBenefit];
