import {
  compareRule,
  creditCodeRule,
  faq,
  law,
  material,
  materialRule,
  naturalDays,
  powerOfAttorney,
  seedItem,
  workingDays,
  type SeedItem,
} from './build';
import { choice, creditCode, date, decimal, formSchema, group, organisation, text } from './forms';
import { LICENSING_DEFAULT_LIMIT, LICENSING_JOINT_HANDLING, URBAN_DRAINAGE_PERMIT } from './laws';

// 永昌县住房和城乡建设局.

const ZJJ = '620321-ZJJ';
const BUILDING_LAW = '《中华人民共和国建筑法》';

const constructionPermit = seedItem({
  department: ZJJ,
  name: '建筑工程施工许可证核发',
  basicCode: '000111001000',
  kind: '01',
  handlingCategory: 'joint',
  serviceObject: 'enterprise',
  legalBases: [
    law(
      BUILDING_LAW,
      '第七条第一款',
      '建筑工程开工前，建设单位应当按照国家有关规定向工程所在地县级以上人民政府建设行政主管部门申请领取施工许可证；但是，国务院' +
        '建设行政主管部门确定的限额以下的小型工程除外。',
    ),
    law(
      BUILDING_LAW,
      '第八条',
      '申请领取施工许可证，应当具备下列条件：（一）已经办理该建筑工程用地批准手续；（二）依法应当办理建设工程规划许可证的，已经' +
        '取得建设工程规划许可证；（三）需要拆迁的，其拆迁进度符合施工要求；（四）已经确定建筑施工企业；（五）有满足施工需要的资金' +
        '安排、施工图纸及技术资料；（六）有保证工程质量和安全的具体措施。建设行政主管部门应当自收到申请之日起七日内，对符合条件' +
        '的申请颁发施工许可证。',
    ),
    law(
      '《建筑工程施工许可管理办法》',
      '第二条第二款',
      '工程投资额在30万元以下或者建筑面积在300平方米以下的建筑工程，可以不申请办理施工许可证。省、自治区、直辖市人民政府住房城乡' +
        '建设主管部门可以根据当地的实际情况，对限额进行调整，并报国务院住房城乡建设主管部门备案。',
    ),
    LICENSING_JOINT_HANDLING,
  ],
  acceptanceConditions: [
    '已经办理该建筑工程用地批准手续',
    '依法应当办理建设工程规划许可证的，已经取得建设工程规划许可证',
    '已经确定建筑施工企业',
    '有满足施工需要的资金安排、施工图纸及技术资料，有保证工程质量和安全的具体措施',
  ],
  materials: [
    material('application-form', '建筑工程施工许可证申请表', { formats: ['pdf', 'ofd'] }),
    material('planning-permit', '建设工程规划许可证', {
      required: false,
      condition: '依法应当办理建设工程规划许可证的',
      form: 'copy',
      originalCount: 0,
      copyCount: 1,
      notes: '由县自然资源局协办核验，能够通过数据共享获取的无需提交',
    }),
    material('construction-contract', '中标通知书及施工合同', { form: 'copy', originalCount: 0, copyCount: 1 }),
    material('funding-commitment', '建设资金已经落实承诺书'),
    material('quality-safety-measures', '保证工程质量和安全的具体措施', { formats: ['pdf', 'doc', 'docx'] }),
    powerOfAttorney(),
  ],
  form: formSchema('建筑工程施工许可证申请', {
    builder: organisation('建设单位'),
    contractor: group('施工单位', {
      name: text('施工单位名称', { maxLength: 100 }),
      creditCode: creditCode(),
      projectManager: text('项目经理', { maxLength: 30 }),
    }),
    project: group(
      '工程概况',
      {
        name: text('工程名称', { maxLength: 100 }),
        address: text('建设地址', { maxLength: 200 }),
        contractPrice: decimal('合同价格（万元）', { exclusiveMinimum: 0 }),
        floorArea: decimal('建筑面积（平方米）'),
        planningPermitNo: text('建设工程规划许可证编号', { maxLength: 60 }),
      },
      ['planningPermitNo'],
    ),
  }),
  rules: [
    creditCodeRule('builder-credit-code', 'builder.creditCode', '建设单位'),
    creditCodeRule('contractor-credit-code', 'contractor.creditCode', '施工单位'),
    compareRule('contract-price', 'project.contractPrice', 'gt', 0, '请按施工合同填写合同价格（万元）'),
    materialRule('construction-contract-present', 'construction-contract', '请提交中标通知书及施工合同'),
    materialRule('funding-commitment-present', 'funding-commitment', '请提交建设资金已经落实承诺书'),
  ],
  // 建筑法第八条: "七日", recorded literally as natural days.
  statutory: naturalDays(7),
  promised: naturalDays(3),
  visits: 0,
  workflow: [
    ['受理', 'window_clerk', 1],
    ['建设工程规划许可核验', 'reviewer', 1, '620321-ZRZY'],
    ['审查决定并发证', 'approver', 1],
  ],
  onlineDepth: 'fully_online',
  deliveryOptions: ['window_pickup', 'electronic'],
  faq: [
    faq(
      '小型工程需要办理施工许可证吗？',
      '工程投资额在30万元以下或者建筑面积在300平方米以下的建筑工程，可以不申请办理施工许可证（省级主管部门调整限额的，按调整后的执行）。',
    ),
  ],
  coDepartments: ['620321-ZRZY'],
});

const drainagePermit = seedItem({
  department: ZJJ,
  name: '城镇污水排入排水管网许可',
  basicCode: '000111020000',
  kind: '01',
  handlingCategory: 'promised',
  serviceObject: 'both',
  legalBases: [URBAN_DRAINAGE_PERMIT, LICENSING_DEFAULT_LIMIT],
  acceptanceConditions: ['排水户向城镇排水设施排放污水', '已按规定建设预处理设施和专用检测井，污水排放口设置符合要求'],
  materials: [
    material('application-form', '城镇污水排入排水管网许可申请表', { formats: ['pdf', 'ofd'] }),
    material('drainage-drawings', '排水户内部排水管网、专用检测井、污水排放口位置和口径的图纸及说明'),
    material('water-quality-report', '排水水质、水量检测报告', {
      required: false,
      condition: '排放工业废水或者排水水质可能影响城镇排水设施安全运行的',
    }),
    powerOfAttorney(),
  ],
  form: formSchema('城镇污水排入排水管网许可申请', {
    discharger: organisation('排水户'),
    discharge: group('排水情况', {
      address: text('排水地址', { maxLength: 200 }),
      industry: choice('行业类别', ['工业', '建筑', '餐饮', '医疗', '其他']),
      dailyVolume: decimal('日排水量（立方米）', { exclusiveMinimum: 0 }),
      pretreatment: text('预处理设施（如隔油池、化粪池、沉淀池）', { maxLength: 200 }),
    }),
  }),
  rules: [
    creditCodeRule('discharger-credit-code', 'discharger.creditCode', '排水户'),
    compareRule('daily-volume', 'discharge.dailyVolume', 'gt', 0, '请填写日排水量（立方米，大于0）'),
    materialRule('drainage-drawings-present', 'drainage-drawings', '请提交内部排水管网、检测井和排放口的图纸及说明'),
  ],
  // No decision limit in 城镇排水与污水处理条例: 行政许可法 default of 20 working days.
  statutory: workingDays(20),
  promised: workingDays(5),
  visits: 1,
  workflow: [
    ['受理', 'window_clerk', 1],
    ['审查（含现场核查）', 'reviewer', 2],
    ['决定', 'approver', 1],
    ['制证送达', 'window_clerk', 1],
  ],
  onlineDepth: 'online_pre_review',
  deliveryOptions: ['window_pickup', 'post', 'electronic'],
  faq: [faq('排水许可证有效期是多久？', '排水许可证有效期为5年，需要延续的应当在有效期届满前提出申请。')],
});

const completionRecord = seedItem({
  department: ZJJ,
  name: '房屋建筑和市政基础设施工程竣工验收备案',
  basicCode: '000111040000',
  kind: '10',
  handlingCategory: 'immediate',
  serviceObject: 'enterprise',
  legalBases: [
    law(
      '《建设工程质量管理条例》',
      '第四十九条第一款',
      '建设单位应当自建设工程竣工验收合格之日起15日内，将建设工程竣工验收报告和规划、公安消防、环保等部门出具的认可文件或者准许' +
        '使用文件报建设行政主管部门或者其他有关部门备案。',
    ),
  ],
  acceptanceConditions: ['工程已经竣工验收合格', '自竣工验收合格之日起15日内申请备案'],
  materials: [
    material('record-form', '工程竣工验收备案表', { form: 'original', originalCount: 2, formats: ['pdf', 'ofd'] }),
    material('acceptance-report', '工程竣工验收报告'),
    material('authority-approvals', '规划、消防、环保等部门出具的认可文件或者准许使用文件', {
      required: false,
      condition: '法律、行政法规规定应当由有关部门出具认可文件或者准许使用文件的',
      form: 'copy',
      originalCount: 0,
      copyCount: 1,
    }),
    material('quality-warranty', '施工单位签署的工程质量保修书'),
    material('housing-guarantees', '《住宅质量保证书》和《住宅使用说明书》', {
      required: false,
      condition: '商品住宅工程',
    }),
  ],
  form: formSchema('工程竣工验收备案', {
    builder: organisation('建设单位'),
    project: group('工程信息', {
      name: text('工程名称', { maxLength: 100 }),
      address: text('工程地址', { maxLength: 200 }),
      acceptanceDate: date('竣工验收合格日期'),
      constructionPermitNo: text('施工许可证编号', { maxLength: 60 }),
    }),
  }),
  rules: [
    creditCodeRule('builder-credit-code', 'builder.creditCode', '建设单位'),
    compareRule('construction-permit-number', 'project.constructionPermitNo', 'present', null, '请填写施工许可证编号'),
    materialRule('acceptance-report-present', 'acceptance-report', '请提交工程竣工验收报告'),
  ],
  // A record, not a decision: no statutory limit, the 行政许可法 default of 20 working days is the ceiling.
  statutory: workingDays(20),
  promised: workingDays(0),
  visits: 1,
  workflow: [
    ['受理并核验备案文件', 'window_clerk', 0],
    ['签署文件收讫', 'reviewer', 0],
  ],
  onlineDepth: 'online_pre_review',
  deliveryOptions: ['window_pickup', 'electronic'],
  faq: [
    faq(
      '应当在什么时候备案？',
      '建设单位应当自工程竣工验收合格之日起15日内备案（《建设工程质量管理条例》第四十九条）。',
    ),
  ],
});

export const HOUSING_CONSTRUCTION_ITEMS: SeedItem[] = [constructionPermit, drainagePermit, completionRecord];
