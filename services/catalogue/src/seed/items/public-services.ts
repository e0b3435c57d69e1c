import {
  compareRule,
  faq,
  identityDocument,
  law,
  material,
  materialRule,
  naturalDays,
  residentIdRule,
  seedItem,
  sharedCopy,
  workingDays,
  type SeedItem,
} from './build';
import { choice, formSchema, group, integer, person, text, yesNo } from './forms';

// 永昌县公安局 (户口) and 永昌县教育局 (教师资格).

const HOUSEHOLD_REGULATION = '《中华人民共和国户口登记条例》';

const householdTransfer = seedItem({
  department: '620321-GAJ',
  name: '户口迁移（省内）',
  basicCode: '000105002000',
  kind: '07',
  handlingCategory: 'immediate',
  serviceObject: 'person',
  legalBases: [
    law(
      HOUSEHOLD_REGULATION,
      '第十条第一款',
      '公民迁出本户口管辖区，由本人或者户主在迁出前向户口登记机关申报迁出登记，领取迁移证件，注销户口。',
    ),
    law(
      HOUSEHOLD_REGULATION,
      '第十三条第一款',
      '公民迁移，从到达迁入地的时候起，城市在三日以内，农村在十日以内，由本人或者户主持迁移证件向户口登记机关申报迁入登记，' +
        '缴销迁移证件。',
    ),
  ],
  acceptanceConditions: [
    '迁出地和迁入地均在甘肃省内',
    '符合永昌县落户条件（合法稳定住所、投靠亲属、就业或者工作调动、大中专院校录取或者毕业等）',
  ],
  materials: [
    material('household-register', '居民户口簿', { notes: '迁入地有户的，提交迁入户的居民户口簿' }),
    identityDocument('applicant-id', '迁移人员居民身份证'),
    material('residence-proof', '合法稳定住所证明（不动产权证书或者房屋租赁登记备案证明）', {
      required: false,
      condition: '以合法稳定住所落户的',
      form: 'copy',
      originalCount: 0,
      copyCount: 1,
    }),
    material('relation-proof', '亲属关系证明', { required: false, condition: '投靠亲属落户的' }),
    material('employment-proof', '劳动合同或者工作调动证明', {
      required: false,
      condition: '以就业或者工作调动落户的',
      form: 'copy',
      originalCount: 0,
      copyCount: 1,
    }),
  ],
  form: formSchema('户口迁移申请', {
    applicant: person('申请人'),
    move: group('迁移信息', {
      from: text('迁出地（现户口所在地）', { maxLength: 200 }),
      to: text('迁入地址', { maxLength: 200 }),
      reason: choice('迁移原因', [
        '合法稳定住所落户',
        '投靠亲属',
        '就业或者工作调动',
        '大中专院校录取或者毕业',
        '其他',
      ]),
      persons: integer('迁移人数', { minimum: 1 }),
    }),
  }),
  rules: [
    residentIdRule('applicant-id-number', 'applicant.idNumber', '申请人'),
    compareRule('move-to', 'move.to', 'present', null, '请填写迁入地址（具体到门牌号）'),
    materialRule('household-register-present', 'household-register', '请提交居民户口簿'),
  ],
  // The regulation sets no decision limit: 行政许可法 default of 20 working days as the ceiling; done on the spot.
  statutory: workingDays(20),
  promised: workingDays(0),
  visits: 1,
  workflow: [
    ['受理并审核', 'window_clerk', 0],
    ['审批并办理迁入登记', 'approver', 0],
  ],
  onlineDepth: 'online_pre_review',
  deliveryOptions: ['window_pickup'],
  faq: [
    faq(
      '省内迁移需要先回原籍开具迁移证吗？',
      '不需要。省内户口迁移实行“一站式”办理，由迁入地公安机关直接办理迁入、迁出手续。',
    ),
    faq('跨省迁移怎么办理？', '符合条件的可通过“跨省通办”在迁入地申请，办理时限以受理时告知的为准。'),
  ],
});

const TEACHER_REGULATION = '《教师资格条例》';

const teacherQualification = seedItem({
  department: '620321-JYJ',
  name: '教师资格认定',
  basicCode: '000103001000',
  kind: '01',
  handlingCategory: 'promised',
  serviceObject: 'person',
  legalBases: [
    law('《中华人民共和国教师法》', '第十三条第一款', '中小学教师资格由县级以上地方人民政府教育行政部门认定。'),
    law(
      TEACHER_REGULATION,
      '第十三条第一款',
      '幼儿园、小学和初级中学教师资格，由申请人户籍所在地或者申请人任教学校所在地的县级人民政府教育行政部门认定。',
    ),
    law(
      TEACHER_REGULATION,
      '第十六条',
      '教育行政部门或者受委托的高等学校在接到公民的教师资格认定申请后，应当对申请人的条件进行审查；对符合认定条件的，应当在受理' +
        '期限终止之日起30日内颁发相应的教师资格证书；对不符合认定条件的，应当在受理期限终止之日起30日内将认定结论通知本人。',
    ),
  ],
  acceptanceConditions: [
    '遵守宪法和法律，热爱教育事业，具有良好的思想品德',
    '取得中小学和幼儿园教师资格考试合格证明，且在有效期内',
    '普通话水平达到二级乙等以上标准（语文教师二级甲等以上）',
    '体检合格',
    '户籍或者任教学校在永昌县（申请幼儿园、小学、初级中学教师资格）',
  ],
  materials: [
    identityDocument('applicant-id', '居民身份证'),
    material('photo', '近6个月白底免冠正面证件照', {
      form: 'electronic',
      originalCount: 0,
      formats: ['jpg', 'png'],
      maxSizeKb: 2048,
    }),
    sharedCopy('diploma', '学历证书', '能够通过学信网在线核验的，无需提交'),
    sharedCopy('exam-certificate', '中小学和幼儿园教师资格考试合格证明', '通过中国教师资格网在线核验，无需提交'),
    sharedCopy('mandarin-certificate', '普通话水平测试等级证书', '能够在线核验的，无需提交'),
    material('medical-form', '教师资格认定体检表', { notes: '由认定机构指定的县级以上医院出具，体检结论应为合格' }),
    material('commitment', '个人承诺书', { formats: ['pdf', 'jpg'] }),
  ],
  form: formSchema('教师资格认定申请', {
    applicant: person('申请人'),
    qualification: group('认定信息', {
      level: choice('资格种类', ['幼儿园', '小学', '初级中学']),
      subject: text('任教学科', { maxLength: 30 }),
      examCertificateNo: text('考试合格证明编号', { maxLength: 40 }),
      mandarinLevel: choice('普通话水平等级', ['一级甲等', '一级乙等', '二级甲等', '二级乙等', '三级甲等', '三级乙等']),
      healthPassed: yesNo('体检合格'),
    }),
  }),
  rules: [
    residentIdRule('applicant-id-number', 'applicant.idNumber', '申请人'),
    compareRule(
      'mandarin-level',
      'qualification.mandarinLevel',
      'in',
      ['一级甲等', '一级乙等', '二级甲等', '二级乙等'],
      '申请认定教师资格，普通话水平应当达到二级乙等以上标准（语文教师应当达到二级甲等以上）',
    ),
    compareRule(
      'exam-certificate-number',
      'qualification.examCertificateNo',
      'present',
      null,
      '请填写教师资格考试合格证明编号',
    ),
    compareRule('health-passed', 'qualification.healthPassed', 'eq', true, '体检合格方可认定教师资格'),
    materialRule('medical-form-present', 'medical-form', '请提交教师资格认定体检表'),
  ],
  // 教师资格条例第十六条: "30日" from the end of the acceptance period, recorded literally as natural days.
  statutory: naturalDays(30),
  promised: naturalDays(20),
  visits: 1,
  workflow: [
    ['受理（现场确认）', 'window_clerk', 1],
    ['资格审查', 'reviewer', 5],
    ['认定决定', 'approver', 2],
    ['制证送达', 'window_clerk', 2],
  ],
  onlineDepth: 'online_pre_review',
  deliveryOptions: ['window_pickup', 'post'],
  faq: [
    faq(
      '什么时候可以申请认定？',
      '教育行政部门每年春季、秋季各受理一次教师资格认定申请，具体时间以县教育局发布的公告为准。',
    ),
    faq('普通话达到什么等级才能认定？', '应当达到二级乙等以上标准；申请语文学科教师资格的，应当达到二级甲等以上标准。'),
  ],
});

export const PUBLIC_SERVICE_ITEMS: SeedItem[] = [householdTransfer, teacherQualification];
