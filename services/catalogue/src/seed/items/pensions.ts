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
import { bankAccount, formSchema, group, integer, person, text, yesNo } from './forms';
import { SOCIAL_INSURANCE_RURAL_PENSION } from './laws';

// 永昌县人力资源和社会保障局: 城乡居民基本养老保险. No statutory decision limit in law: the seed uses the 行政许可法
// default of 20 working days as the ceiling.

const YC_RSJ = '620321-RSJ';

const PENSION_OPINION = '《国务院关于建立统一的城乡居民基本养老保险制度的意见》（国发〔2014〕8号）';

const ruralPensionClaim = seedItem({
  department: YC_RSJ,
  name: '城乡居民基本养老保险待遇申领',
  basicCode: '000108021000',
  kind: '20',
  handlingCategory: 'promised',
  serviceObject: 'person',
  legalBases: [
    SOCIAL_INSURANCE_RURAL_PENSION,
    law(
      PENSION_OPINION,
      '“养老保险待遇领取条件”部分',
      '参加城乡居民养老保险的个人，年满60周岁、累计缴费满15年，且未领取国家规定的基本养老保障待遇的，可以按月领取城乡居民' +
        '养老保险待遇。',
    ),
  ],
  acceptanceConditions: [
    '已参加城乡居民基本养老保险',
    '年满60周岁，累计缴费满15年（制度实施时已年满60周岁或者距领取年龄不足15年的，按国发〔2014〕8号的过渡规定办理）',
    '未领取国家规定的其他基本养老保障待遇',
  ],
  materials: [
    material('application-form', '城乡居民基本养老保险待遇领取申请表', { formats: ['pdf', 'ofd'] }),
    identityDocument('applicant-id', '申请人居民身份证或者社会保障卡'),
    material('household-register', '居民户口簿', {
      notes: '窗口核验原件后当场退还；能够通过数据共享核验户籍的，无需提交',
    }),
    powerOfAttorney(),
  ],
  form: formSchema('城乡居民基本养老保险待遇领取申请', {
    applicant: person('申请人'),
    pension: group('领取条件', {
      age: integer('年龄（周岁）'),
      householdAddress: text('户籍所在地', { maxLength: 200 }),
      contributionYears: integer('累计缴费年限'),
      noOtherPension: yesNo('未领取国家规定的其他基本养老保障待遇'),
    }),
    payment: bankAccount('待遇发放账户', '社会保障卡金融账号'),
  }),
  rules: [
    residentIdRule('applicant-id-number', 'applicant.idNumber', '申请人'),
    compareRule(
      'pension-age',
      'pension.age',
      'gte',
      60,
      `按月领取城乡居民养老保险待遇应当年满60周岁（${PENSION_OPINION}）`,
    ),
    compareRule(
      'no-other-pension',
      'pension.noOtherPension',
      'eq',
      true,
      '已领取国家规定的基本养老保障待遇（如职工基本养老保险）的，不能再申领城乡居民基本养老保险待遇',
    ),
    materialRule('applicant-id-present', 'applicant-id', '请提交申请人居民身份证或者社会保障卡'),
  ],
  // No statutory limit in law: 行政许可法 default of 20 working days.
  statutory: workingDays(20),
  promised: workingDays(5),
  visits: 0,
  workflow: [
    ['受理', 'window_clerk', 1],
    ['资格审核', 'reviewer', 2],
    ['待遇核定', 'approver', 1],
    ['待遇发放', 'reviewer', 1],
  ],
  onlineDepth: 'fully_online',
  deliveryOptions: ['electronic', 'post'],
  faq: [
    faq(
      '累计缴费不满15年可以领取吗？',
      '制度实施时距规定领取年龄不足15年的，应逐年缴费，也允许补缴，累计缴费不超过15年；具体以核定结果为准。',
    ),
    faq('可以委托他人代办吗？', '可以。代办人持授权委托书及双方居民身份证办理，或由本人通过网上办事大厅申请。'),
  ],
});
const ruralPensionEnrolment = seedItem({
  department: YC_RSJ,
  name: '城乡居民基本养老保险参保登记',
  basicCode: '000108020000',
  kind: '20',
  handlingCategory: 'immediate',
  serviceObject: 'person',
  legalBases: [
    law(
      '《中华人民共和国社会保险法》',
      '第二十条',
      '国家建立和完善新型农村社会养老保险制度。新型农村社会养老保险实行个人缴费、集体补助和政府补贴相结合。',
    ),
    law(
      PENSION_OPINION,
      '“参保范围”部分',
      '年满16周岁（不含在校学生），非国家机关和事业单位工作人员及不属于职工基本养老保险制度覆盖范围的城乡居民，可以在户籍地' +
        '参加城乡居民养老保险。',
    ),
  ],
  acceptanceConditions: ['年满16周岁（不含在校学生）', '户籍在永昌县', '未参加职工基本养老保险等其他基本养老保险'],
  materials: [
    identityDocument('applicant-id', '居民身份证或者社会保障卡'),
    material('household-register', '居民户口簿', {
      notes: '窗口核验原件后当场退还；能够通过数据共享核验户籍的，无需提交',
    }),
  ],
  form: formSchema('城乡居民基本养老保险参保登记', {
    applicant: person('参保人'),
    enrolment: group('参保信息', {
      age: integer('年龄（周岁）'),
      householdAddress: text('户籍所在地', { maxLength: 200 }),
      student: yesNo('是否为在校学生'),
      annualContribution: integer('选择的年缴费档次（元）', { minimum: 1 }),
    }),
  }),
  rules: [
    residentIdRule('applicant-id-number', 'applicant.idNumber', '参保人'),
    compareRule(
      'enrolment-age',
      'enrolment.age',
      'gte',
      16,
      `参加城乡居民养老保险应当年满16周岁（${PENSION_OPINION}）`,
    ),
    compareRule('not-student', 'enrolment.student', 'eq', false, '在校学生不参加城乡居民基本养老保险'),
  ],
  // No statutory limit in law: 行政许可法 default of 20 working days; registered on the spot.
  statutory: workingDays(20),
  promised: workingDays(0),
  visits: 0,
  workflow: [['受理并登记', 'window_clerk', 0]],
  onlineDepth: 'fully_online',
  deliveryOptions: ['electronic'],
  faq: [
    faq(
      '已参加职工养老保险还能参加城乡居民养老保险吗？',
      '不能重复参加。已参加职工基本养老保险的，不属于城乡居民养老保险参保范围。',
    ),
  ],
});
export const PENSION_ITEMS: SeedItem[] = [ruralPensionClaim, ruralPensionEnrolment];
