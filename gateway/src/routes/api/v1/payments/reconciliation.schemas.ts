import { Type, type Static } from '@sinclair/typebox';
import { PageQuery, pageOf, RegionCode, Timestamp } from '../../../../lib/common.schemas';
import { mismatchKind, mismatchState } from './payments.enums';

/* The daily reconciliation (reconciliation_service.proto, docs/bank-protocol.md "Statement file"). Amounts in fen. */

const Literals = <T extends string>(values: readonly T[], description: string) =>
  Type.Union(
    values.map((v) => Type.Literal(v)),
    { description },
  );
const KIND_TEXT =
  '差异类型：amount 金额不符、unknown_payment_code 缴款码不存在、paid_not_confirmed 已缴款未确认（已据对账单确认缴款）、' +
  'confirmed_not_on_statement 已确认未入账、fee_outside_center 中心外收费、slip_unconfirmed 缴费回执未到账';
const STATE_TEXT = '处理状态：open 待处理、resolved 已处理';
const StatementId = Type.String({ pattern: '^[0-9a-f]{64}$', description: '对账单标识（文件的 SHA-256）' });

export const Statement = Type.Object(
  {
    id: Type.String(),
    tenant: Type.String(),
    settlementDate: Type.String({ description: '清算日期' }),
    fileName: Type.String(),
    encoding: Type.String({ description: 'GB18030 或 UTF-8' }),
    lineCount: Type.Integer(),
    paidTotalFen: Type.Integer({ description: '缴款合计（分）' }),
    refundTotalFen: Type.Integer({ description: '退款合计（分）' }),
    matchedCount: Type.Integer({ description: '核对一致的缴款码数' }),
    mismatchCount: Type.Integer(),
    importedBy: Type.String(),
    importedAt: Type.Optional(Timestamp),
  },
  { additionalProperties: false },
);
export type Statement = Static<typeof Statement>;

export const Mismatch = Type.Object(
  {
    id: Type.String(),
    tenant: Type.String(),
    statementId: Type.String(),
    settlementDate: Type.String(),
    kind: Type.String({ description: KIND_TEXT }),
    paymentCode: Type.String(),
    noticeId: Type.String(),
    noticeNumber: Type.String(),
    caseId: Type.String(),
    caseNumber: Type.String(),
    lineNumbers: Type.Array(Type.Integer(), { description: '对账单中的行号（表头为第1行）' }),
    bankTxnId: Type.String(),
    collectingUnitCode: Type.String(),
    revenueCode: Type.String(),
    department: Type.String(),
    expectedFen: Type.Integer({ description: '通知书应缴（分）' }),
    statementFen: Type.Integer({ description: '对账单金额（分）' }),
    detail: Type.String(),
    state: Type.String({ description: STATE_TEXT }),
    resolutionNote: Type.String(),
    resolvedBy: Type.String(),
    resolvedAt: Type.Optional(Timestamp),
    foundAt: Type.Optional(Timestamp),
    version: Type.Integer(),
  },
  { additionalProperties: false },
);
export type Mismatch = Static<typeof Mismatch>;

export const ImportAnswer = Type.Object(
  {
    statement: Statement,
    created: Type.Boolean({ description: '同一文件已导入过时为 false（未作任何改动）' }),
    mismatches: Type.Array(Mismatch),
  },
  { additionalProperties: false },
);
export const ImportQuery = Type.Object(
  { tenant: Type.Optional(RegionCode('租户（行政区划代码）；不填为本人所在租户')) },
  { additionalProperties: false },
);
export const StatementsQuery = Type.Object(
  { tenant: Type.Optional(RegionCode('租户（行政区划代码）；不填为本人所在租户')), ...PageQuery },
  { additionalProperties: false },
);
export const StatementPage = pageOf('statements', Statement);
export const MismatchesQuery = Type.Object(
  {
    tenant: Type.Optional(RegionCode('租户（行政区划代码）；不填为本人所在租户')),
    statementId: Type.Optional(StatementId),
    kind: Type.Optional(Literals(mismatchKind.values, KIND_TEXT)),
    state: Type.Optional(Literals(mismatchState.values, STATE_TEXT)),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export const MismatchPage = pageOf('mismatches', Mismatch);
export const MismatchParams = Type.Object(
  {
    id: Type.String({
      pattern: '^[0-9]{6,12}\\.[a-z-]{1,40}\\.[A-Za-z0-9-]{1,64}$',
      description: '对账差异标识：<租户>.<类型>.<缴款码或通知书标识>',
    }),
  },
  { additionalProperties: false },
);
export const ResolveBody = Type.Object(
  {
    note: Type.String({ maxLength: 500, description: '处理说明（1至500字）' }),
    expectedVersion: Type.Optional(
      Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description: '读取时的版本；0 或不填为不检查' }),
    ),
  },
  { additionalProperties: false },
);
export const MismatchAnswer = Type.Object({ mismatch: Mismatch }, { additionalProperties: false });
