import { creditCodeCheckCharacter, organizationCodeCheckCharacter } from '@govhall/identifiers';
import type { Item } from './item';
import { FOOD_FORM_SCHEMA } from './validation/food-form.test-double';
import type { FeeLine, ItemContent, Material, PreReviewRule, SpecialProcedure, WorkflowStep } from './item-content';

export { FOOD_FORM_SCHEMA };

// A complete, valid item for tests: 食品经营许可 at 永昌县 (620321), implemented by the county's market
// supervision bureau. Check characters are computed, not copied.

/** A valid credit code of a government body (登记管理部门 1 机构编制, 机构类别 1 机关) registered in `region`. */
export function governmentCreditCode(organization8 = '01390756', region = '620321'): string {
  const first17 = `11${region}${organization8}${organizationCodeCheckCharacter(organization8)}`;
  return first17 + creditCodeCheckCharacter(first17);
}

/** 实施编码: credit code + level digit + basic code. */
export function implementationCode(creditCode: string, level: number, basicCode: string): string {
  return `${creditCode}${level}${basicCode}`;
}

export const FIXTURE_BASIC_CODE = '000172028000';

export function materialFixture(overrides: Partial<Material> = {}): Material {
  return {
    id: 'business-licence',
    name: '营业执照',
    required: true,
    condition: '',
    form: 'copy',
    originalCount: 0,
    copyCount: 1,
    formats: ['pdf', 'jpg', 'png'],
    maxSizeKb: 10240,
    blankFormFileId: '',
    sampleFileId: '',
    notes: '已在共享证照库中的营业执照无需提交',
    satisfiedByLicenceType: 'business_licence',
    ...overrides,
  };
}

export function ruleFixture(overrides: Partial<PreReviewRule> = {}): PreReviewRule {
  return {
    id: 'premises-area',
    kind: 'field_compare',
    field: 'premises.areaSquareMeters',
    op: 'gt',
    value: '0',
    materialId: '',
    licenceType: '',
    message: '经营场所面积应大于0平方米',
    ...overrides,
  };
}

export function stepFixture(overrides: Partial<WorkflowStep> = {}): WorkflowStep {
  return {
    name: '受理',
    role: 'window_clerk',
    budgetWorkingDays: 1,
    responsibleName: '王芳',
    responsiblePhone: '13909351234',
    ...overrides,
  };
}

export function feeFixture(overrides: Partial<FeeLine> = {}): FeeLine {
  return {
    name: '证照工本费',
    legalBasis: '《中华人民共和国行政许可法》第五十八条',
    amountFen: 1000,
    formula: '',
    reductions: '',
    feeCode: '',
    ...overrides,
  };
}

export function specialProcedureFixture(overrides: Partial<SpecialProcedure> = {}): SpecialProcedure {
  return {
    name: '专家评审',
    planned: { days: 10, unit: 'working_day' },
    legalBasis: '《中华人民共和国行政许可法》第四十五条',
    ...overrides,
  };
}

function foodContent(basicCode: string): ItemContent {
  return {
    implementationCode: implementationCode(governmentCreditCode(), 4, basicCode),
    localCodes: ['GS-620321-SCJG-001'],
    level: 4,
    serviceObject: 'enterprise',
    legalBases: [
      {
        law: '《中华人民共和国食品安全法》',
        article: '第三十五条',
        text:
          '国家对食品生产经营实行许可制度。从事食品生产、食品销售、餐饮服务，应当依法取得许可。但是，' +
          '销售食用农产品和仅销售预包装食品的，不需要取得许可。',
      },
      {
        law: '《中华人民共和国行政许可法》',
        article: '第四十二条',
        text:
          '除可以当场作出行政许可决定的外，行政机关应当自受理行政许可申请之日起二十日内作出行政许可决定。' +
          '二十日内不能作出决定的，经本行政机关负责人批准，可以延长十日，并应当将延长期限的理由告知申请人。',
      },
    ],
    acceptanceConditions: [
      '申请人已取得营业执照等合法主体资格',
      '具有与经营的食品品种、数量相适应的食品原料处理和食品加工、销售、贮存等场所',
    ],
    materials: [
      materialFixture({
        id: 'application-form',
        name: '食品经营许可申请书',
        form: 'original',
        originalCount: 1,
        copyCount: 0,
        formats: ['pdf', 'ofd'],
        notes: '',
        satisfiedByLicenceType: '',
      }),
      materialFixture(),
      materialFixture({
        id: 'legal-rep-id-card',
        name: '法定代表人（负责人）身份证明',
        formats: ['jpg', 'png', 'pdf'],
        maxSizeKb: 5120,
        notes: '',
        satisfiedByLicenceType: 'resident_id_card',
      }),
      materialFixture({
        id: 'premises-layout',
        name: '与食品经营相适应的经营设施空间布局和操作流程文件',
        form: 'original',
        originalCount: 1,
        copyCount: 0,
        formats: ['pdf', 'jpg', 'png'],
        notes: '',
        satisfiedByLicenceType: '',
      }),
      materialFixture({
        id: 'food-safety-rules',
        name: '食品安全自查、从业人员健康管理、进货查验记录等保证食品安全的规章制度',
        form: 'original',
        originalCount: 1,
        copyCount: 0,
        formats: ['pdf', 'doc', 'docx'],
        notes: '',
        satisfiedByLicenceType: '',
      }),
      materialFixture({
        id: 'power-of-attorney',
        name: '授权委托书及代理人身份证明',
        required: false,
        condition: '委托他人代为办理的',
        form: 'original',
        originalCount: 1,
        copyCount: 0,
        formats: ['pdf', 'jpg'],
        notes: '',
        satisfiedByLicenceType: '',
      }),
    ],
    form: {
      jsonSchema: JSON.stringify(FOOD_FORM_SCHEMA),
      uiSchema: JSON.stringify({
        'ui:order': ['operator', 'legalRepresentative', 'premises', 'businessItems'],
        businessItems: { 'ui:widget': 'checkboxes' },
      }),
    },
    preReviewRules: [
      ruleFixture({
        id: 'operator-credit-code',
        kind: 'field_credit_code',
        field: 'operator.creditCode',
        op: '',
        value: '',
        message: '统一社会信用代码校验未通过，请核对营业执照上的代码',
      }),
      ruleFixture({
        id: 'legal-rep-id',
        kind: 'field_resident_id',
        field: 'legalRepresentative.idNumber',
        op: '',
        value: '',
        message: '法定代表人（负责人）身份证号码校验未通过，请核对后重新填写',
      }),
      ruleFixture(),
      ruleFixture({
        id: 'business-licence-present',
        kind: 'material_present',
        field: '',
        op: '',
        value: '',
        materialId: 'business-licence',
        message: '请提交营业执照',
      }),
      ruleFixture({
        id: 'business-licence-valid',
        kind: 'licence_valid',
        field: '',
        op: '',
        value: '',
        licenceType: 'business_licence',
        message: '未查询到有效的营业执照，请确认营业执照在有效期内',
      }),
    ],
    statutoryLimit: { days: 20, unit: 'working_day' },
    promisedLimit: { days: 10, unit: 'working_day' },
    promiseExceptionReason: '',
    visits: 0,
    specialProcedures: [],
    fees: [],
    workflow: [
      stepFixture(),
      stepFixture({
        name: '审查（含现场核查）',
        role: 'reviewer',
        budgetWorkingDays: 5,
        responsibleName: '李强',
        responsiblePhone: '0935-7525678',
      }),
      stepFixture({
        name: '决定',
        role: 'approver',
        budgetWorkingDays: 2,
        responsibleName: '张伟',
        responsiblePhone: '13993512345',
      }),
      stepFixture({ name: '制证送达' }),
    ],
    location: {
      windowLocation: '永昌县政务服务中心一楼市场监管综合窗口（3号窗口）',
      hours: '周一至周五 8:30-12:00，14:30-18:00（法定节假日除外）',
      consultationPhone: '0935-7521234',
      complaintPhone: '12345',
    },
    onlineDepth: 'fully_online',
    deliveryOptions: ['window_pickup', 'post', 'electronic'],
    faq: [
      {
        question: '仅销售预包装食品需要办理食品经营许可吗？',
        answer: '不需要取得许可，但应当向所在地县级以上市场监督管理部门备案。',
      },
    ],
    coDepartments: [],
  };
}

export type ItemFixtureOverrides = Partial<Omit<Item, 'content'>> & { content?: Partial<ItemContent> };

/**
 * A draft of 食品经营许可 at 620321 that passes validateItem (statutory 20 working days, promised 10).
 * Overrides replace whole fields; the implementation code follows an overridden basicCode but not the tenant.
 */
export function validItemFixture(overrides: ItemFixtureOverrides = {}): Item {
  const { content, ...fields } = overrides;
  const basicCode = fields.basicCode ?? FIXTURE_BASIC_CODE;
  const at = new Date('2026-11-26T02:00:00Z');
  return {
    id: 'item-620321-food',
    seriesId: 'item-620321-food',
    edition: 1,
    previousId: '',
    tenant: '620321',
    name: '食品经营许可',
    basicCode,
    kind: '01',
    handlingCategory: 'promised',
    department: '620321-SCJG',
    status: 'draft',
    version: 1,
    createdAt: at,
    updatedAt: at,
    createdBy: 'yc-admin',
    editedBy: ['yc-admin'],
    reviews: [],
    ...fields,
    content: { ...foodContent(basicCode), ...content },
  };
}
