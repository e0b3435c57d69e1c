import {
  compareRule,
  creditCodeRule,
  faq,
  law,
  material,
  materialRule,
  powerOfAttorney,
  seedItem,
  sharedCopy,
  workingDays,
  type SeedItem,
} from './build';
import { choice, decimal, formSchema, group, organisation, text, yesNo } from './forms';
import { LICENSING_DEFAULT_LIMIT, LICENSING_SPECIAL_PROCEDURES } from './laws';

// 永昌县农业农村局 and 永昌县水务局.

const pesticideLicence = seedItem({
  department: '620321-NYNC',
  name: '农药经营许可',
  basicCode: '000114006000',
  kind: '01',
  handlingCategory: 'promised',
  serviceObject: 'both',
  legalBases: [
    law(
      '《农药管理条例》',
      '第二十四条',
      '国家实行农药经营许可制度，但经营卫生用农药的除外。农药经营者应当具备下列条件，并按照国务院农业主管部门的规定向县级以上地方' +
        '人民政府农业主管部门申请农药经营许可证：（一）有具备农药和病虫害防治专业知识，熟悉农药管理规定，能够指导安全合理使用农药' +
        '的经营人员；（二）有与其他商品以及饮用水水源、生活区域等有效隔离的营业场所和仓储场所，并配备与所申请经营农药相适应的防护' +
        '设施；（三）有与所申请经营农药相适应的质量管理、台账记录、安全防护、应急处置、仓储管理等制度和岗位操作规程；（四）有农业' +
        '主管部门规定的其他条件。……',
    ),
    // The 20-working-day decision limit of the 条例 equals the 行政许可法 default cited here.
    LICENSING_DEFAULT_LIMIT,
  ],
  acceptanceConditions: [
    '有具备农药和病虫害防治专业知识、能够指导安全合理使用农药的经营人员',
    '营业场所和仓储场所与其他商品以及饮用水水源、生活区域等有效隔离，并配备相应的防护设施',
    '有质量管理、台账记录、安全防护、应急处置、仓储管理等制度和岗位操作规程',
    '不经营限制使用农药（经营限制使用农药的由省级农业农村主管部门核发许可）',
  ],
  materials: [
    material('application-form', '农药经营许可证申请表', { formats: ['pdf', 'ofd'] }),
    sharedCopy('business-licence', '营业执照', '已在电子证照库中的营业执照，窗口通过数据共享获取，无需提交'),
    material('staff-qualification', '经营人员的学历证明或者农药专业培训证明'),
    material('premises-description', '营业场所和仓储场所地址、面积、平面图等说明材料及照片'),
    material('management-rules', '质量管理、台账记录、安全防护、应急处置、仓储管理等制度和岗位操作规程', {
      formats: ['pdf', 'doc', 'docx'],
    }),
    powerOfAttorney(),
  ],
  form: formSchema('农药经营许可申请', {
    operator: organisation('申请人'),
    business: group('经营条件', {
      premises: text('营业场所地址', { maxLength: 200 }),
      warehouse: text('仓储场所地址', { maxLength: 200 }),
      staffName: text('农药经营人员姓名', { maxLength: 30 }),
      warehouseSeparated: yesNo('营业场所和仓储场所与其他商品、饮用水水源、生活区域有效隔离'),
      restrictedPesticides: yesNo('申请经营限制使用农药'),
    }),
  }),
  rules: [
    creditCodeRule('operator-credit-code', 'operator.creditCode', '申请人'),
    compareRule(
      'restricted-pesticides',
      'business.restrictedPesticides',
      'eq',
      false,
      '经营限制使用农药的，经营许可由省级农业农村主管部门核发，请向甘肃省农业农村厅申请',
    ),
    compareRule(
      'warehouse-separated',
      'business.warehouseSeparated',
      'eq',
      true,
      '营业场所和仓储场所应当与其他商品以及饮用水水源、生活区域等有效隔离（《农药管理条例》第二十四条）',
    ),
    materialRule('staff-qualification-present', 'staff-qualification', '请提交经营人员的学历证明或者农药专业培训证明'),
  ],
  statutory: workingDays(20),
  promised: workingDays(10),
  visits: 1,
  workflow: [
    ['受理', 'window_clerk', 1],
    ['审查（含现场核查）', 'reviewer', 5],
    ['决定', 'approver', 2],
    ['制证送达', 'window_clerk', 1],
  ],
  onlineDepth: 'online_pre_review',
  deliveryOptions: ['window_pickup', 'post', 'electronic'],
  faq: [
    faq(
      '经营卫生用农药需要办理许可吗？',
      '不需要。国家实行农药经营许可制度，但经营卫生用农药的除外（《农药管理条例》第二十四条）。',
    ),
  ],
});

const WATER_REGULATION = '《取水许可和水资源费征收管理条例》';

const waterAbstractionPermit = seedItem({
  department: '620321-SLJ',
  name: '取水许可',
  basicCode: '000113001000',
  kind: '01',
  handlingCategory: 'promised',
  serviceObject: 'both',
  legalBases: [
    law(
      '《中华人民共和国水法》',
      '第四十八条第一款',
      '直接从江河、湖泊或者地下取用水资源的单位和个人，应当按照国家取水许可制度和水资源有偿使用制度的规定，向水行政主管部门或者' +
        '流域管理机构申请领取取水许可证，并缴纳水资源费，取得取水权。但是，家庭生活和零星散养、圈养畜禽饮用等少量取水的除外。',
    ),
    law(
      WATER_REGULATION,
      '第十一条',
      '申请取水应当提交下列材料：（一）申请书；（二）与第三者利害关系的相关说明；（三）属于备案项目的，提供有关备案材料；' +
        '（四）国务院水行政主管部门规定的其他材料。建设项目需要取水的，申请人还应当提交由具备建设项目水资源论证资质的单位编制的' +
        '建设项目水资源论证报告书。……',
    ),
  ],
  acceptanceConditions: [
    '取水符合流域综合规划、水资源配置和用水总量控制要求',
    '建设项目需要取水的，已编制建设项目水资源论证报告书（表）',
  ],
  materials: [
    material('application-form', '取水许可申请书', { formats: ['pdf', 'ofd'] }),
    material('third-party-statement', '与第三者利害关系的相关说明'),
    material('record-documents', '项目备案材料', {
      required: false,
      condition: '属于备案项目的',
      form: 'copy',
      originalCount: 0,
      copyCount: 1,
    }),
    material('water-assessment', '建设项目水资源论证报告书（表）', {
      required: false,
      condition: '建设项目需要取水的',
      formats: ['pdf'],
      maxSizeKb: 51200,
    }),
    powerOfAttorney(),
  ],
  form: formSchema('取水许可申请', {
    applicant: organisation('申请人'),
    intake: group('取水情况', {
      source: choice('水源类型', ['地表水', '地下水']),
      location: text('取水地点', { maxLength: 200 }),
      purpose: choice('取水用途', ['生活', '工业', '农业灌溉', '生态', '其他']),
      annualVolume: decimal('年取水量（万立方米）', { exclusiveMinimum: 0 }),
      method: text('取水方式', { maxLength: 100 }),
      metering: yesNo('按国家标准安装取水计量设施'),
    }),
  }),
  rules: [
    creditCodeRule('applicant-credit-code', 'applicant.creditCode', '申请人'),
    compareRule('annual-volume', 'intake.annualVolume', 'gt', 0, '请填写年取水量（万立方米，大于0）'),
    compareRule('metering', 'intake.metering', 'eq', true, '取水单位或者个人应当按照国家技术标准安装取水计量设施'),
    materialRule('third-party-statement-present', 'third-party-statement', '请提交与第三者利害关系的相关说明'),
  ],
  // 45 working days per the 条例's 审批 provisions (article not verified when this was written).
  statutory: workingDays(45),
  promised: workingDays(20),
  visits: 1,
  specialProcedures: [
    {
      name: '水资源论证报告书技术审查（专家评审）',
      planned: workingDays(15),
      legalBasis: LICENSING_SPECIAL_PROCEDURES,
    },
  ],
  workflow: [
    ['受理', 'window_clerk', 1],
    ['审查（含现场勘查）', 'reviewer', 12],
    ['审批决定', 'approver', 4],
    ['送达', 'window_clerk', 1],
  ],
  onlineDepth: 'online_pre_review',
  deliveryOptions: ['window_pickup', 'post', 'electronic'],
  faq: [
    faq(
      '哪些取水不需要申请取水许可？',
      '农村集体经济组织及其成员使用本集体经济组织的水塘、水库中的水，家庭生活和零星散养、圈养畜禽饮用等少量取水，以及为保障' +
        '安全生产、消除公共安全危害、农业抗旱和维护生态与环境必须临时应急取水的，不需要申请（《取水许可和水资源费征收管理条例》' +
        '第四条）。',
    ),
    faq('取水许可收费吗？', '取水许可审批不收费。取用水资源依法缴纳的水资源税由税务部门征收，不在本事项中收取。'),
  ],
});

export const AGRICULTURE_WATER_ITEMS: SeedItem[] = [pesticideLicence, waterAbstractionPermit];
