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
import { choice, creditCode, decimal, formSchema, group, integer, organisation, person, text } from './forms';
import { LICENSING_DEFAULT_LIMIT, PUBLIC_PLACE_HYGIENE_LICENCE } from './laws';

// 卫生健康局 of 永昌县 and 金川区.

const publicPlaceHygiene = seedItem({
  department: '620321-WJW',
  name: '公共场所卫生许可',
  basicCode: '000121005000',
  kind: '01',
  handlingCategory: 'promised',
  serviceObject: 'both',
  legalBases: [
    PUBLIC_PLACE_HYGIENE_LICENCE,
    law(
      '《公共场所卫生管理条例实施细则》',
      '第二十二条第一款、第二款',
      '国家对公共场所实行卫生许可证管理。公共场所经营者应当按照规定向县级以上地方人民政府卫生行政部门申请卫生许可证。' +
        '未取得卫生许可证的，不得营业。',
    ),
    LICENSING_DEFAULT_LIMIT,
  ],
  acceptanceConditions: [
    '经营场所的选址、设计、装修及卫生设施符合公共场所卫生标准和要求',
    '已取得公共场所卫生检测或者评价报告',
    '从业人员已取得有效健康合格证明',
    '建立了卫生管理制度，配备专职或者兼职卫生管理人员',
  ],
  materials: [
    material('application-form', '公共场所卫生许可证申请表', { formats: ['pdf', 'ofd'] }),
    identityDocument('legal-rep-id', '法定代表人或者负责人身份证明'),
    material('hygiene-layout', '公共场所地址方位示意图、平面图和卫生设施平面布局图'),
    material('hygiene-report', '公共场所卫生检测或者评价报告'),
    material('hygiene-rules', '公共场所卫生管理制度', { formats: ['pdf', 'doc', 'docx'] }),
    material('health-certificates', '从业人员健康合格证明', { form: 'copy', originalCount: 0, copyCount: 1 }),
    powerOfAttorney(),
  ],
  form: formSchema('公共场所卫生许可申请', {
    operator: organisation('经营单位'),
    legalRepresentative: person('法定代表人（负责人）'),
    venue: group('场所情况', {
      name: text('场所名称', { maxLength: 100 }),
      address: text('场所地址', { maxLength: 200 }),
      type: choice('场所类别', ['宾馆', '旅店', '招待所', '公共浴室', '游泳场（馆）', '其他公共场所']),
      area: decimal('营业面积（平方米）', { exclusiveMinimum: 0 }),
      employees: integer('从业人员人数'),
    }),
  }),
  rules: [
    creditCodeRule('operator-credit-code', 'operator.creditCode', '经营单位'),
    residentIdRule('legal-rep-id-number', 'legalRepresentative.idNumber', '法定代表人（负责人）'),
    compareRule('venue-area', 'venue.area', 'gt', 0, '营业面积应大于0平方米'),
    materialRule('hygiene-report-present', 'hygiene-report', '请提交公共场所卫生检测或者评价报告'),
    materialRule('health-certificates-present', 'health-certificates', '请提交从业人员健康合格证明'),
  ],
  statutory: workingDays(20),
  promised: workingDays(7),
  visits: 1,
  workflow: [
    ['受理', 'window_clerk', 1],
    ['资料审查', 'reviewer', 1],
    ['现场审核', 'reviewer', 3],
    ['决定', 'approver', 1],
    ['制证送达', 'window_clerk', 1],
  ],
  onlineDepth: 'online_pre_review',
  deliveryOptions: ['window_pickup', 'post', 'electronic'],
  faq: [
    faq(
      '公共场所卫生许可证有效期是多久？',
      '有效期为4年，每两年复核一次；需要延续的，应当在有效期届满30日前提出申请。',
    ),
    faq(
      '同时开办宾馆、需要办理营业执照的，可以一起办吗？',
      '可以，选择“开办宾馆一件事”，在综合窗口一次提交，营业执照和卫生许可证统一发放。',
    ),
  ],
});

const physicianRegistration = seedItem({
  department: '620302-WJW',
  name: '医师执业注册',
  basicCode: '000121010000',
  kind: '01',
  handlingCategory: 'promised',
  serviceObject: 'person',
  legalBases: [
    law(
      '《中华人民共和国医师法》',
      '第十三条',
      '国家实行医师执业注册制度。取得医师资格的，可以向所在地县级以上地方人民政府卫生健康主管部门申请注册。医疗卫生机构可以为本' +
        '机构中的申请人集体办理注册手续。除有本法规定不予注册的情形外，卫生健康主管部门应当自受理申请之日起二十个工作日内准予' +
        '注册，将注册信息录入国家信息平台，并发给医师执业证书。未注册取得医师执业证书，不得从事医师执业活动。',
    ),
  ],
  acceptanceConditions: [
    '已取得医师资格',
    '拟在金川区辖区内的医疗卫生机构执业',
    '无《中华人民共和国医师法》规定不予注册的情形',
  ],
  materials: [
    material('application-form', '医师执业注册申请审核表', { formats: ['pdf', 'ofd'] }),
    material('photo', '近6个月二寸白底免冠正面半身照片', {
      form: 'electronic',
      originalCount: 0,
      formats: ['jpg', 'png'],
      maxSizeKb: 2048,
    }),
    sharedCopy('qualification-certificate', '医师资格证书', '能够通过国家医师电子注册系统核验的，无需提交'),
    material('employment-proof', '医疗卫生机构的聘用证明'),
  ],
  form: formSchema('医师执业注册申请', {
    applicant: person('申请人'),
    qualification: group('医师资格', {
      certificateNo: text('医师资格证书编码', { maxLength: 40 }),
      category: choice('执业类别', ['临床', '中医', '口腔', '公共卫生']),
      scope: text('拟执业范围', { maxLength: 100 }),
    }),
    institution: group('拟执业机构', { name: text('机构名称', { maxLength: 100 }), creditCode: creditCode() }),
  }),
  rules: [
    residentIdRule('applicant-id-number', 'applicant.idNumber', '申请人'),
    creditCodeRule('institution-credit-code', 'institution.creditCode', '拟执业机构'),
    compareRule('qualification-number', 'qualification.certificateNo', 'present', null, '请填写医师资格证书编码'),
    materialRule('employment-proof-present', 'employment-proof', '请提交医疗卫生机构的聘用证明'),
  ],
  statutory: workingDays(20),
  promised: workingDays(5),
  visits: 0,
  workflow: [
    ['受理', 'window_clerk', 1],
    ['审核', 'reviewer', 2],
    ['决定', 'approver', 1],
    ['制证送达', 'window_clerk', 1],
  ],
  onlineDepth: 'fully_online',
  deliveryOptions: ['electronic', 'post'],
  faq: [
    faq(
      '注册前可以先上岗执业吗？',
      '不可以。未注册取得医师执业证书，不得从事医师执业活动（《中华人民共和国医师法》第十三条）。',
    ),
  ],
});

export const HEALTH_ITEMS: SeedItem[] = [publicPlaceHygiene, physicianRegistration];
