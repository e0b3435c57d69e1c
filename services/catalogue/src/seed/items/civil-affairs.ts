import {
  compareRule,
  faq,
  identityDocument,
  law,
  material,
  materialRule,
  residentIdRule,
  seedItem,
  workingDays,
  type SeedItem,
} from './build';
import { bankAccount, decimal, formSchema, group, integer, mobile, person, residentId, text, yesNo } from './forms';

// 永昌县民政局.

const MZJ = '620321-MZJ';
const CIVIL_CODE = '《中华人民共和国民法典》';
const SOCIAL_ASSISTANCE = '《社会救助暂行办法》';

const spouse = (title: string): ReturnType<typeof group> =>
  group(title, {
    name: text('姓名', { maxLength: 30 }),
    idNumber: residentId(),
    phone: mobile(),
    age: integer('年龄（周岁）'),
  });

const marriageRegistration = seedItem({
  department: MZJ,
  name: '内地居民结婚登记',
  basicCode: '000106001000',
  kind: '07',
  handlingCategory: 'immediate',
  serviceObject: 'person',
  legalBases: [
    law(CIVIL_CODE, '第一千零四十七条', '结婚年龄，男不得早于二十二周岁，女不得早于二十周岁。'),
    law(CIVIL_CODE, '第一千零四十八条', '直系血亲或者三代以内的旁系血亲禁止结婚。'),
    law(
      CIVIL_CODE,
      '第一千零四十九条',
      '要求结婚的男女双方应当亲自到婚姻登记机关申请结婚登记。符合本法规定的，予以登记，发给结婚证。完成结婚登记，即确立婚姻' +
        '关系。未办理结婚登记的，应当补办登记。',
    ),
  ],
  acceptanceConditions: [
    '男女双方亲自到场，完全自愿',
    '男方年满22周岁，女方年满20周岁',
    '双方均无配偶，且没有直系血亲和三代以内旁系血亲关系',
  ],
  materials: [
    identityDocument('parties-id', '男女双方居民身份证'),
    material('photos', '双方近期半身免冠合影照片（2寸）', {
      originalCount: 3,
      formats: ['jpg', 'png'],
      maxSizeKb: 2048,
    }),
    material('declaration', '《申请结婚登记声明书》', {
      formats: [],
      maxSizeKb: 0,
      notes: '在婚姻登记员面前现场填写并亲自签名',
    }),
  ],
  form: formSchema('结婚登记预约', {
    male: spouse('男方'),
    female: spouse('女方'),
    declaration: group('声明', {
      noSpouse: yesNo('双方均无配偶'),
      notRelated: yesNo('双方没有直系血亲和三代以内旁系血亲关系'),
    }),
  }),
  rules: [
    residentIdRule('male-id-number', 'male.idNumber', '男方'),
    residentIdRule('female-id-number', 'female.idNumber', '女方'),
    compareRule(
      'male-age',
      'male.age',
      'gte',
      22,
      '男方结婚年龄不得早于二十二周岁（《中华人民共和国民法典》第一千零四十七条）',
    ),
    compareRule(
      'female-age',
      'female.age',
      'gte',
      20,
      '女方结婚年龄不得早于二十周岁（《中华人民共和国民法典》第一千零四十七条）',
    ),
    compareRule('no-spouse', 'declaration.noSpouse', 'eq', true, '有配偶的不能办理结婚登记'),
    compareRule(
      'not-related',
      'declaration.notRelated',
      'eq',
      true,
      '直系血亲或者三代以内的旁系血亲禁止结婚（《中华人民共和国民法典》第一千零四十八条）',
    ),
  ],
  // 婚姻登记条例: qualifying couples are registered on the spot ("当场予以登记"); the statutory limit is
  // recorded as the same day (1 working day, the shortest non-zero limit).
  statutory: workingDays(1),
  promised: workingDays(0),
  visits: 1,
  workflow: [
    ['受理并询问', 'window_clerk', 0],
    ['审查并颁发结婚证', 'reviewer', 0],
  ],
  // Both parties must appear in person: the form books the appointment, nothing is pre-reviewed online.
  onlineDepth: 'disclosure_only',
  deliveryOptions: ['window_pickup'],
  faq: [
    faq(
      '可以委托他人代办结婚登记吗？',
      '不可以。要求结婚的男女双方应当亲自到婚姻登记机关申请结婚登记（《中华人民共和国民法典》第一千零四十九条）。',
    ),
    faq('结婚登记收费吗？', '不收费。符合条件的当场登记、当场发给结婚证。'),
  ],
});

const subsistenceAllowance = seedItem({
  department: MZJ,
  name: '最低生活保障审核确认',
  basicCode: '000106010000',
  kind: '05',
  handlingCategory: 'promised',
  serviceObject: 'person',
  legalBases: [
    law(
      SOCIAL_ASSISTANCE,
      '第九条',
      '国家对共同生活的家庭成员人均收入低于当地最低生活保障标准，且符合当地最低生活保障家庭财产状况规定的家庭，给予最低生活保障。',
    ),
    law(
      SOCIAL_ASSISTANCE,
      '第十一条',
      '申请最低生活保障，按照下列程序办理：（一）由共同生活的家庭成员向户籍所在地的乡镇人民政府、街道办事处提出书面申请；……' +
        '（二）乡镇人民政府、街道办事处应当通过入户调查、邻里访问、信函索证、群众评议、信息查询等方式，对申请人的家庭收入状况、' +
        '财产状况进行调查核实，提出初审意见，在申请人所在村、社区公示后报县级人民政府民政部门审批。（三）县级人民政府民政部门' +
        '经审查，对符合条件的申请予以批准，并在申请人所在村、社区公布；对不符合条件的申请不予批准，并书面向申请人说明理由。',
    ),
  ],
  acceptanceConditions: [
    '持有永昌县户籍',
    '共同生活的家庭成员人均收入低于当地最低生活保障标准',
    '家庭财产状况符合当地最低生活保障家庭财产状况规定',
  ],
  materials: [
    material('application-form', '最低生活保障申请书', { formats: ['pdf', 'jpg'] }),
    identityDocument('household-ids', '共同生活家庭成员居民身份证和居民户口簿'),
    material('check-authorization', '家庭经济状况核对授权书', { notes: '共同生活的家庭成员均应签字' }),
    material('income-declaration', '家庭收入、财产状况书面声明'),
    material('medical-proof', '残疾人证或者疾病诊断证明', {
      required: false,
      condition: '家庭成员患重病、重度残疾的',
      form: 'copy',
      originalCount: 0,
      copyCount: 1,
    }),
  ],
  form: formSchema('最低生活保障申请', {
    applicant: person('申请人'),
    household: group('家庭情况', {
      members: integer('共同生活家庭成员人数', { minimum: 1 }),
      registeredResidence: text('户籍所在地', { maxLength: 200 }),
      monthlyIncome: decimal('家庭成员月收入合计（元）'),
    }),
    payment: bankAccount('救助金发放账户'),
  }),
  rules: [
    residentIdRule('applicant-id-number', 'applicant.idNumber', '申请人'),
    compareRule('household-members', 'household.members', 'gte', 1, '请填写共同生活家庭成员人数'),
    materialRule(
      'check-authorization-present',
      'check-authorization',
      '请提交全体家庭成员签字的家庭经济状况核对授权书',
    ),
    materialRule('income-declaration-present', 'income-declaration', '请提交家庭收入、财产状况书面声明'),
  ],
  // 30 working days from acceptance per 民政部《最低生活保障审核确认办法》(民发〔2021〕57号); the article number
  // was not verified when this was written, so the document is not listed as a legal basis.
  statutory: workingDays(30),
  promised: workingDays(15),
  visits: 1,
  workflow: [
    ['受理', 'window_clerk', 1],
    ['家庭经济状况调查核实及村（社区）公示', 'reviewer', 7],
    ['审核确认', 'approver', 5],
    ['公布并发放', 'reviewer', 2],
  ],
  onlineDepth: 'online_pre_review',
  deliveryOptions: ['window_pickup', 'post'],
  faq: [
    faq('向哪里申请？', '向户籍所在地的乡镇人民政府提出申请，也可在县政务服务中心民政窗口提交。'),
    faq(
      '审核结果会公开吗？',
      '初审意见在申请人所在村（社区）公示，批准后在村（社区）公布（《社会救助暂行办法》第十一条）。',
    ),
  ],
});

export const CIVIL_AFFAIRS_ITEMS: SeedItem[] = [marriageRegistration, subsistenceAllowance];
