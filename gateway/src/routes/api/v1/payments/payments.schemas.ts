import { Type, type Static } from '@sinclair/typebox';
import { DEPARTMENT_CODE } from '../identity/identity.schemas';
import { DateString, PageQuery, pageOf, RegionCode, Timestamp, UUID } from '../../../../lib/common.schemas';
import { feeCategory, noticeState, reductionKind, refundState } from './payments.enums';

/* 收缴分离: the fee register, assessment and notices (payments_service.proto). Amounts are integer fen. */

const Fen = (description: string) => Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description });
const Literals = <T extends string>(values: readonly T[], description: string) =>
  Type.Union(
    values.map((v) => Type.Literal(v)),
    { description },
  );
const FeeCode = Type.String({
  pattern: '^[A-Za-z0-9][A-Za-z0-9-]{1,31}$',
  description: '收费项目编码：2至32位字母、数字或“-”，如 BDCDJ-ZZ',
});
const Category = Literals(
  feeCategory.values,
  '收费类别：administrative 行政性收费、institutional 事业性收费、tax 税、other 其他',
);
const text = (max: number, description: string) => Type.String({ maxLength: max, description });

const feeItemFields = {
  name: text(60, '收费项目名称'),
  legalBasis: text(500, '收费依据'),
  category: Category,
  department: Type.String({ pattern: DEPARTMENT_CODE, description: '执收部门编码，如 620321-ZRZY' }),
  collectingUnitCode: text(32, '执收单位编码'),
  revenueCode: text(32, '收入项目编码（政府收支分类科目）'),
  standardFen: Fen('收费标准（分）；按公式计费时为0'),
  unit: text(10, '计费单位，如 件、本'),
  formula: text(500, '计费公式（元），如 property.price * 0.015；固定标准时为空'),
  active: Type.Boolean({ description: '是否在用；停用的项目不能再核定' }),
};

export const FeeItem = Type.Object(
  {
    tenant: Type.String(),
    code: Type.String(),
    ...feeItemFields,
    category: Type.String(),
    department: Type.String(),
    version: Type.Integer(),
    updatedAt: Type.Optional(Timestamp),
    updatedBy: Type.String(),
  },
  { additionalProperties: false },
);
export type FeeItem = Static<typeof FeeItem>;

export const FeeItemsQuery = Type.Object(
  {
    tenant: Type.Optional(RegionCode('租户（行政区划代码）；不填为本人所在租户')),
    includeRetired: Type.Optional(Type.Boolean({ description: '是否包括已停用的项目' })),
  },
  { additionalProperties: false },
);
export const FeeItemParams = Type.Object({ code: FeeCode }, { additionalProperties: false });
export const PutFeeItemBody = Type.Object(
  {
    ...feeItemFields,
    expectedVersion: Type.Integer({
      minimum: 0,
      maximum: Number.MAX_SAFE_INTEGER,
      description: '读取时的版本；新建为0',
    }),
  },
  { additionalProperties: false },
);
export type PutFeeItemBody = Static<typeof PutFeeItemBody>;
export const FeeItemAnswer = Type.Object({ item: FeeItem }, { additionalProperties: false });
export const FeeItemList = Type.Object({ items: Type.Array(FeeItem) }, { additionalProperties: false });

const Reduction = Type.Object(
  {
    kind: Literals(reductionKind.values, '减免方式：reduce 减收、exempt 免收'),
    amountFen: Type.Optional(Fen('减收金额（分）；免收时不填')),
    legalBasis: text(500, '减免依据'),
  },
  { additionalProperties: false },
);

const NoticeLine = Type.Object(
  {
    feeCode: Type.String(),
    name: Type.String(),
    category: Type.String(),
    department: Type.String(),
    collectingUnitCode: Type.String(),
    revenueCode: Type.String(),
    legalBasis: Type.String(),
    quantity: Type.Integer(),
    standardFen: Type.Integer(),
    unit: Type.String(),
    formula: Type.String(),
    grossFen: Type.Integer({ description: '减免前金额（分）' }),
    reductions: Type.Array(
      Type.Object(
        { kind: Type.String(), amountFen: Type.Integer(), legalBasis: Type.String() },
        { additionalProperties: false },
      ),
    ),
    amountFen: Type.Integer({ description: '应缴金额（分）' }),
  },
  { additionalProperties: false },
);

const RefundStateLiteral = Literals(
  refundState.values,
  '退款状态：requested 待审核、approved 已批准退款中、rejected 未批准、refunded 已退款',
);
export const Refund = Type.Object(
  {
    id: Type.String(),
    amountFen: Type.Integer({ description: '退款金额（分）' }),
    reason: Type.String({ description: '退款理由' }),
    state: RefundStateLiteral,
    requestedBy: Type.String(),
    requestedAt: Type.Optional(Timestamp),
    decidedBy: Type.String({ description: '审核人（不能是申请人）' }),
    decidedAt: Type.Optional(Timestamp),
    rejectReason: Type.String({ description: '不予退款的理由' }),
    bankRefundTxnId: Type.String({ description: '银行退款流水号' }),
    refundedAt: Type.Optional(Timestamp),
    instructedAt: Type.Optional(Timestamp),
  },
  { additionalProperties: false },
);

export const Notice = Type.Object(
  {
    id: Type.String(),
    tenant: Type.String(),
    caseId: Type.String(),
    caseNumber: Type.String(),
    itemName: Type.String(),
    state: Literals(
      noticeState.values,
      '状态：assessing 核定中、issued 待缴款、slip_registered 已提交回执待银行确认、paid 已缴款、waived 免缴、cancelled 已作废',
    ),
    number: Type.String({ description: '通知书编号' }),
    paymentCode: Type.String({ description: '缴款码（20位）' }),
    payerName: Type.String({ description: '缴款人（列表中已遮蔽）' }),
    collectingBody: Type.String(),
    collectingBodyCode: Type.String(),
    lines: Type.Array(NoticeLine),
    parts: Type.Array(
      Type.Object(
        { department: Type.String(), assessedBy: Type.String(), assessedAt: Type.Optional(Timestamp) },
        { additionalProperties: false },
      ),
    ),
    totalFen: Type.Integer({ description: '合计（分）' }),
    totalCapitals: Type.String({ description: '合计（大写）' }),
    deadline: Type.String({ description: '缴款期限（yyyy-mm-dd）' }),
    issuedAt: Type.Optional(Timestamp),
    slip: Type.Optional(
      Type.Object(
        { slipNumber: Type.String(), registeredBy: Type.String(), registeredAt: Type.Optional(Timestamp) },
        { additionalProperties: false },
      ),
    ),
    payment: Type.Optional(
      Type.Object(
        {
          source: Type.String(),
          channel: Type.String(),
          bankTxnId: Type.String(),
          paidAt: Type.Optional(Timestamp),
          receiptCode: Type.String(),
          receiptNumber: Type.String(),
          confirmedAt: Type.Optional(Timestamp),
        },
        { additionalProperties: false },
      ),
    ),
    refunds: Type.Array(Refund, { description: '退款（先申请的在前）' }),
    version: Type.Integer(),
    createdAt: Type.Optional(Timestamp),
    updatedAt: Type.Optional(Timestamp),
  },
  { additionalProperties: false },
);
export type Notice = Static<typeof Notice>;
export const NoticeAnswer = Type.Object({ notice: Notice }, { additionalProperties: false });
export const NoticePage = pageOf('notices', Notice);

export const CaseParams = Type.Object(
  { caseId: Type.String({ pattern: UUID, description: '办件标识' }) },
  { additionalProperties: false },
);
export const NoticeParams = Type.Object(
  { id: Type.String({ pattern: UUID, description: '缴款通知书标识' }) },
  { additionalProperties: false },
);

export const Assessment = Type.Object(
  {
    caseId: Type.String(),
    caseNumber: Type.String(),
    itemName: Type.String(),
    lines: Type.Array(
      Type.Object(
        {
          feeCode: Type.String(),
          name: Type.String(),
          category: Type.String(),
          department: Type.String(),
          legalBasis: Type.String(),
          standardFen: Type.Integer(),
          unit: Type.String(),
          formula: Type.String(),
          formulaFen: Type.Integer({ description: '按办件表单计算的金额（分）' }),
          formulaProblem: Type.String({ description: '公式无法计算的原因' }),
          reductionsNote: Type.String(),
          mine: Type.Boolean({ description: '是否由本部门执收' }),
        },
        { additionalProperties: false },
      ),
    ),
    notice: Type.Optional(Notice),
  },
  { additionalProperties: false },
);

export const AssessBody = Type.Object(
  {
    requestId: Type.String({ pattern: UUID, description: '请求标识（重试时不变）' }),
    lines: Type.Array(
      Type.Object(
        {
          feeCode: FeeCode,
          quantity: Type.Integer({ minimum: 0, maximum: 10_000, description: '数量；0 为本件不收（公式计费时忽略）' }),
          reductions: Type.Array(Reduction, { maxItems: 5 }),
        },
        { additionalProperties: false },
      ),
      { maxItems: 50, description: '本部门执收的每个收费项目各一行' },
    ),
  },
  { additionalProperties: false },
);
export type AssessBody = Static<typeof AssessBody>;

export const NoticesQuery = Type.Object(
  {
    tenant: Type.Optional(RegionCode('租户（行政区划代码）；不填为本人所在租户')),
    state: Type.Optional(Literals(noticeState.values, '只看某一状态')),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type NoticesQuery = Static<typeof NoticesQuery>;
export const MyNoticesQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });

export const DocumentQuery = Type.Object(
  { kind: Type.Optional(Literals(['notice', 'receipt'] as const, 'notice 缴款通知书（默认）、receipt 缴费凭证')) },
  { additionalProperties: false },
);

export const SlipBody = Type.Object(
  {
    expectedVersion: Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description: '读取时的版本' }),
    slipNumber: text(40, '缴费回执编号'),
  },
  { additionalProperties: false },
);
export const MarkPaidBody = Type.Object({ reason: Type.Optional(text(500, '说明')) }, { additionalProperties: false });

const ExpectedVersion = Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description: '读取时的版本' });
export const RefundParams = Type.Object(
  {
    id: Type.String({ pattern: UUID, description: '缴款通知书标识' }),
    refundId: Type.String({ pattern: UUID, description: '退款标识' }),
  },
  { additionalProperties: false },
);
export const RequestRefundBody = Type.Object(
  {
    expectedVersion: ExpectedVersion,
    requestId: Type.String({ pattern: UUID, description: '请求标识（重试时不变）' }),
    amountFen: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: '退款金额（分）' }),
    reason: text(500, '退款理由'),
  },
  { additionalProperties: false },
);
export const RefundRequestAnswer = Type.Object(
  { notice: Notice, refundId: Type.String() },
  { additionalProperties: false },
);
export const ApproveRefundBody = Type.Object({ expectedVersion: ExpectedVersion }, { additionalProperties: false });
export const RejectRefundBody = Type.Object(
  { expectedVersion: ExpectedVersion, reason: text(500, '不予退款的理由') },
  { additionalProperties: false },
);
export const RefundsQuery = Type.Object(
  {
    tenant: Type.Optional(RegionCode('租户（行政区划代码）；不填为本人所在租户')),
    state: Type.Optional(RefundStateLiteral),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type RefundsQuery = Static<typeof RefundsQuery>;
export const RefundEntry = Type.Object(
  {
    refund: Refund,
    noticeId: Type.String(),
    noticeNumber: Type.String(),
    caseNumber: Type.String(),
    itemName: Type.String(),
    payerName: Type.String({ description: '缴款人（已遮蔽）' }),
    totalFen: Type.Integer({ description: '通知书合计（分）' }),
    noticeVersion: Type.Integer({ description: '通知书版本（审核时作为 expectedVersion）' }),
  },
  { additionalProperties: false },
);
export const RefundPage = pageOf('refunds', RefundEntry);

export const CollectionReportQuery = Type.Object(
  {
    tenant: Type.Optional(RegionCode('租户（行政区划代码）；不填为本人所在租户')),
    from: DateString('统计开始日期（含），按银行收款日（北京时间）'),
    to: DateString('统计结束日期（含）；不早于开始日期，最长366天'),
    groupBy: Type.Optional(
      Literals(
        ['department', 'category', 'department_and_category'] as const,
        '分组：department 按执收部门（默认）、category 按收费类别、department_and_category 按部门和类别',
      ),
    ),
  },
  { additionalProperties: false },
);
export type CollectionReportQuery = Static<typeof CollectionReportQuery>;
export const CollectionReport = Type.Object(
  {
    tenant: Type.String(),
    from: Type.String(),
    to: Type.String(),
    rows: Type.Array(
      Type.Object(
        {
          department: Type.String({ description: '执收部门；按类别分组时为空' }),
          category: Type.Union([Category, Type.Literal('')], { description: '收费类别；按部门分组时为空' }),
          noticeCount: Type.Integer({ description: '缴款笔数' }),
          lineCount: Type.Integer({ description: '收费项目条数' }),
          amountFen: Type.Integer({ description: '金额（分）' }),
        },
        { additionalProperties: false },
      ),
    ),
    totalFen: Type.Integer({ description: '合计（分）' }),
    noticeCount: Type.Integer(),
    refundedFen: Type.Integer({ description: '期间内已退款（分）' }),
    refundCount: Type.Integer(),
  },
  { additionalProperties: false },
);
