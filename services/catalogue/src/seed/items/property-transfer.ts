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
import { choice, decimal, formSchema, group, person, text } from './forms';
import { LICENSING_JOINT_HANDLING } from './laws';

// 永昌县自然资源局 leads the 存量房 transfer registration; housing (网签备案) and tax (税费) review in parallel.

const ZRZY = '620321-ZRZY';

const REGISTRATION_FEE_BASIS =
  '《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559号）';
const REGISTRATION_FEE_PAYER = '按件收取，由登记为不动产权利人的一方缴纳；符合国家规定免收、减收情形的予以免收或者减收';

const resaleTransfer = seedItem({
  department: ZRZY,
  name: '存量房转移登记一件事（网签备案、税费缴纳、不动产登记）',
  basicCode: '000109901000',
  kind: '07',
  handlingCategory: 'joint',
  serviceObject: 'both',
  legalBases: [
    law(
      '《中华人民共和国民法典》',
      '第二百零九条第一款',
      '不动产物权的设立、变更、转让和消灭，经依法登记，发生效力；未经登记，不发生效力，但是法律另有规定的除外。',
    ),
    law(
      '《不动产登记暂行条例》',
      '第二十条',
      '不动产登记机构应当自受理登记申请之日起30个工作日内办结不动产登记手续，法律另有规定的除外。',
    ),
    LICENSING_JOINT_HANDLING,
  ],
  acceptanceConditions: [
    '不动产已经依法登记，权属清楚，未被查封，未设定禁止转让的权利限制',
    '存量房买卖合同已完成网签备案',
    '共有的不动产，其他共有人已同意转让',
  ],
  materials: [
    material('application-form', '不动产登记申请书', { formats: ['pdf', 'ofd'] }),
    identityDocument('parties-id', '买卖双方居民身份证（单位为营业执照）'),
    material('title-certificate', '不动产权属证书', { notes: '原件收回，登簿后核发新证' }),
    material('sale-contract', '存量房买卖合同（网签备案）', { form: 'copy', originalCount: 0, copyCount: 1 }),
    material('co-owner-consent', '其他共有人同意转让的书面材料', {
      required: false,
      condition: '不动产为共有的',
    }),
    powerOfAttorney(),
  ],
  form: formSchema('存量房转移登记申请', {
    seller: person('出卖人'),
    buyer: person('买受人'),
    property: group('不动产', {
      certificateNo: text('不动产权证书号', { maxLength: 60 }),
      address: text('坐落', { maxLength: 200 }),
      area: decimal('建筑面积（平方米）', { exclusiveMinimum: 0 }),
      use: choice('用途', ['住宅', '非住宅']),
      price: decimal('成交价格（元）', { exclusiveMinimum: 0 }),
    }),
    contract: group('网签备案', { netSignNo: text('存量房买卖合同网签备案号', { maxLength: 60 }) }),
  }),
  rules: [
    residentIdRule('seller-id-number', 'seller.idNumber', '出卖人'),
    residentIdRule('buyer-id-number', 'buyer.idNumber', '买受人'),
    compareRule('certificate-number', 'property.certificateNo', 'present', null, '请填写不动产权证书号'),
    materialRule('sale-contract-present', 'sale-contract', '请提交已网签备案的存量房买卖合同'),
  ],
  statutory: workingDays(30),
  promised: workingDays(5),
  visits: 1,
  fees: [
    {
      name: '不动产登记费（住宅类）',
      legalBasis: REGISTRATION_FEE_BASIS,
      amountFen: 8000,
      formula: '',
      reductions: REGISTRATION_FEE_PAYER,
      feeCode: 'BDCDJ-ZZ',
    },
    {
      name: '不动产登记费（非住宅类）',
      legalBasis: REGISTRATION_FEE_BASIS,
      amountFen: 55000,
      formula: '',
      reductions: REGISTRATION_FEE_PAYER,
      feeCode: 'BDCDJ-FZZ',
    },
    {
      name: '不动产权属证书工本费（每增加一本）',
      legalBasis: REGISTRATION_FEE_BASIS,
      amountFen: 1000,
      formula: '',
      reductions: '每件核发一本证书的不收取工本费，每增加一本加收10元',
      feeCode: 'BDCQZS-GBF',
    },
    {
      name: '契税（由税务局核定征收，在中心一并缴纳）',
      legalBasis:
        '《中华人民共和国契税法》第三条；《财政部 税务总局 住房城乡建设部关于促进房地产市场平稳健康发展有关税收政策的公告》（2024年第16号）',
      amountFen: 0,
      formula:
        'property.use == "住宅" ? (property.area <= 140 ? property.price * 0.01 : property.price * 0.015) : property.price * 0.03',
      reductions: '个人购买家庭唯一住房的按上式计征；家庭第二套住房等情形由税务局按规定核定',
      feeCode: 'QS',
    },
  ],
  workflow: [
    ['一窗受理', 'window_clerk', 1],
    ['网签备案核验', 'reviewer', 1, '620321-ZJJ'],
    ['税费核定征收', 'reviewer', 1, '620321-SWJ'],
    ['登记审核', 'reviewer', 1],
    ['登簿发证', 'approver', 1],
  ],
  onlineDepth: 'online_pre_review',
  deliveryOptions: ['window_pickup', 'post', 'electronic'],
  faq: [
    faq(
      '契税等税费在哪里缴纳？',
      '税务部门在同一窗口核定税费，可现场或线上缴纳；登记机构通过数据共享获取完税信息，无需另行提交完税凭证。',
    ),
    faq('登记费由谁缴纳？', '由登记为不动产权利人的一方（买受人）缴纳，住宅每件80元，非住宅每件550元。'),
  ],
  coDepartments: ['620321-ZJJ', '620321-SWJ'],
  windowLocation: '永昌县政务服务中心一楼不动产登记区（不动产登记“一窗受理”窗口）',
});
export const PROPERTY_TRANSFER_ITEMS: SeedItem[] = [resaleTransfer];
