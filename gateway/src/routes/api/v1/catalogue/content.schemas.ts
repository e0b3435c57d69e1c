import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { deliveryOption, materialForm, onlineDepth, ruleKind, serviceObject, timeUnit } from './catalogue.enums';
import { EnumOf } from './catalogue.schemas';

/*
 * Item.content (实施清单 elements) in camelCase with the proto's field names. The edge checks shapes and bounds
 * only; the catalogue validates the content (codes, 70% rule, budgets, rules against the form …) and names each
 * violation's path. A draft is work in progress, so every input field may be left out (proto default), and
 * everything a GET answers can be sent back unchanged.
 */

const text = (maxLength: number, description?: string) => Type.String({ maxLength, description });
const count = (maximum: number, description?: string) => Type.Integer({ minimum: 0, maximum, description });
const list = <T extends TSchema>(item: T, maxItems: number, description?: string) =>
  Type.Array(item, { maxItems, description });

export const ServiceObject = EnumOf(serviceObject, '服务对象：自然人 person / 法人 enterprise / 两者 both');
export const OnlineDepth = EnumOf(
  onlineDepth,
  '网办深度：全程网办 fully_online / 网上预审 online_pre_review / 仅公开 disclosure_only',
);
export const DeliveryOption = EnumOf(
  deliveryOption,
  '送达方式：窗口领取 window_pickup / 邮寄 post / 电子证照 electronic',
);
export const TimeUnit = EnumOf(timeUnit, '时限单位：工作日 working_day / 自然日 natural_day');
export const MaterialForm = EnumOf(
  materialForm,
  '材料形式：原件 original / 复印件 copy / 原件和复印件 original_and_copy / 电子件 electronic',
);
export const RuleKind = EnumOf(
  ruleKind,
  '规则类型：字段比较 field_compare / 身份证号 field_resident_id / 统一社会信用代码 field_credit_code / ' +
    '材料已提交 material_present / 证照有效 licence_valid',
);

/** The leaf parts: each object's fields, shared by the input and the answer. */
const timeLimit = { days: count(3650, '天数'), unit: TimeUnit };
const legalBasis = { law: text(200, '法律法规名称'), article: text(100, '条款'), text: text(5000, '条文') };
const material = {
  id: text(64, '材料标识（事项内唯一，预审规则引用），如 business-licence'),
  name: text(200, '材料名称'),
  required: Type.Boolean({ description: '是否必需' }),
  condition: text(500, '非必需时：何种情形需要提供'),
  form: MaterialForm,
  originalCount: count(99, '原件份数'),
  copyCount: count(99, '复印件份数'),
  formats: list(Type.String({ pattern: '^[a-z0-9]{1,10}$' }), 20, '电子件格式（小写），如 pdf、jpg、ofd'),
  maxSizeKb: count(1024 * 1024, '电子件大小上限（KB）'),
  blankFormFileId: text(64, '空白表格文件标识'),
  sampleFileId: text(64, '示范文本文件标识'),
  notes: text(1000, '备注'),
  satisfiedByLicenceType: text(100, '可由共享证照库中该类证照代替（申请人无需上传）'),
};
const applicationForm = {
  jsonSchema: text(200_000, '电子表单：JSON Schema 2020-12 文本'),
  uiSchema: text(200_000, '表单界面描述（UI schema）文本'),
};
const preReviewRule = {
  id: text(64, '规则标识'),
  kind: RuleKind,
  field: text(200, '表单字段路径，如 applicant.idNumber'),
  op: text(16, '比较运算：eq ne gt gte lt lte in not_in matches present absent'),
  value: text(2000, '比较值（JSON 文本）'),
  materialId: text(64, '材料标识'),
  licenceType: text(100, '证照类型'),
  message: text(500, '不通过时向申请人显示的提示'),
};
const specialProcedure = { name: text(100, '特别程序名称'), legalBasis: text(500, '设定依据') };
const feeLine = {
  name: text(100, '收费项目'),
  legalBasis: text(500, '收费依据'),
  amountFen: Type.Integer({ minimum: 0, maximum: 1e12, description: '金额（分）；按公式计算时为 0' }),
  formula: text(1000, '按表单字段计算金额的公式'),
  reductions: text(1000, '减免政策'),
  feeCode: text(32, '收费项目库编码（如 BDCDJ-ZZ）；收费服务按它核定执收单位和标准'),
};
const workflowStep = {
  name: text(50, '环节名称：受理、审查、决定、制证、送达……'),
  role: text(50, '办理角色，如 window_clerk、reviewer、approver'),
  budgetWorkingDays: count(3650, '环节时限（工作日）'),
  responsibleName: text(50, '责任人'),
  responsiblePhone: text(30, '责任人电话'),
};
const serviceLocation = {
  windowLocation: text(200, '办理窗口位置'),
  hours: text(200, '办理时间'),
  consultationPhone: text(30, '咨询电话'),
  complaintPhone: text(30, '投诉电话'),
};
const faq = { question: text(500, '问题'), answer: text(5000, '解答') };

/** Whole objects as answered (every field present). */
export const TimeLimit = Type.Object(timeLimit);
/** A pre-review rule as answered; the cases service's tenant-wide common rules (A20) have the same shape. */
export const PreReviewRule = Type.Object(preReviewRule);
export const ServiceLocation = Type.Object(serviceLocation);

/** Objects as sent: any field may be left out, no unknown field. */
const input = <P extends Record<string, TSchema>>(fields: P) =>
  Type.Partial(Type.Object(fields, { additionalProperties: false }));

/** The fields of Item.content that hold no object. */
const contentLeaves = {
  implementationCode: text(31, '实施编码（31位：统一社会信用代码18位＋层级1位＋基本编码12位）'),
  localCodes: list(text(64), 20, '地方编码'),
  level: Type.Integer({ minimum: 0, maximum: 6, description: '层级：1国家 2省 3市 4县 5乡镇 6村；0 未填' }),
  serviceObject: ServiceObject,
  acceptanceConditions: list(text(1000), 50, '受理条件'),
  promiseExceptionReason: text(1000, '承诺时限超过法定时限70%的理由'),
  visits: count(2, '到现场次数：0、1或2'),
  onlineDepth: OnlineDepth,
  deliveryOptions: list(DeliveryOption, 3, '送达方式'),
  coDepartments: list(text(40), 20, '协办部门编码（联办件）'),
};

export const ItemContent = Type.Object(
  {
    ...contentLeaves,
    legalBases: list(Type.Object(legalBasis), 50, '设定依据'),
    materials: list(Type.Object(material), 100, '申请材料'),
    form: Type.Object(applicationForm),
    preReviewRules: list(Type.Object(preReviewRule), 200, '自动预审规则'),
    statutoryLimit: TimeLimit,
    promisedLimit: TimeLimit,
    specialProcedures: list(Type.Object({ ...specialProcedure, planned: TimeLimit }), 20, '特别程序（不计入时限）'),
    fees: list(Type.Object(feeLine), 50, '收费项目；无法定依据不得收费'),
    workflow: list(Type.Object(workflowStep), 30, '办理流程'),
    location: ServiceLocation,
    faq: list(Type.Object(faq), 50, '常见问题'),
  },
  { description: '实施清单要素' },
);
export type ItemContent = Static<typeof ItemContent>;

const timeLimitInput = input(timeLimit);
/** A pre-review rule as sent: any field may be left out, no unknown field. */
export const PreReviewRuleInput = input(preReviewRule);
export type PreReviewRuleInput = Static<typeof PreReviewRuleInput>;
export const ItemContentInput = input({
  ...contentLeaves,
  legalBases: list(input(legalBasis), 50, '设定依据'),
  materials: list(input(material), 100, '申请材料'),
  form: input(applicationForm),
  preReviewRules: list(input(preReviewRule), 200, '自动预审规则'),
  statutoryLimit: timeLimitInput,
  promisedLimit: timeLimitInput,
  specialProcedures: list(input({ ...specialProcedure, planned: timeLimitInput }), 20, '特别程序（不计入时限）'),
  fees: list(input(feeLine), 50, '收费项目；无法定依据不得收费'),
  workflow: list(input(workflowStep), 30, '办理流程'),
  location: input(serviceLocation),
  faq: list(input(faq), 50, '常见问题'),
});
export type ItemContentInput = Static<typeof ItemContentInput>;
