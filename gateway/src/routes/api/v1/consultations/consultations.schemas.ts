import { Type, type TLiteral } from '@sinclair/typebox';
import { PageQuery, pageOf, RegionCode, SafeText, Timestamp, UUID } from '../../../../lib/common.schemas';
import {
  consultationChannel,
  consultationKind,
  consultationStatus,
  consultationVisibility,
} from './consultations.enums';

/* 咨询 (consultation_service.proto; C17-C21, ADR 0068). */

const literals = <V extends string>(values: readonly V[], description: string) =>
  Type.Union(values.map((v) => Type.Literal(v)) as TLiteral<V>[], { description });

const KIND = literals(consultationKind.values, '类型：question 事项咨询、mailbox 领导信箱');
const CHANNEL = literals(
  consultationChannel.values,
  '渠道：online 网上（默认）；工作人员登记 phone 电话、visit 来访、hotline 热线咨询（同时填写答复）',
);
const VISIBILITY = literals(consultationVisibility.values, 'public 公开答疑（答复后登录用户可见）、private 单独答疑');
const STATUS = literals(consultationStatus.values, 'open 待答复、answered 已答复');
const ITEM_CODE = Type.String({ pattern: '^[A-Za-z0-9]{1,40}$', description: '事项基本编码' });

export const AskBody = Type.Object(
  {
    tenant: RegionCode('咨询的地区（6位行政区划代码）'),
    kind: KIND,
    channel: Type.Optional(CHANNEL),
    itemId: Type.Optional(Type.String({ maxLength: 100, description: '所咨询的事项（事项咨询必填）' })),
    visibility: Type.Optional(VISIBILITY),
    question: Type.String({ ...SafeText(2, 1000, '咨询内容（10至1000字）', true), minLength: 10 }),
    askerName: Type.Optional(SafeText(0, 50, '咨询人姓名（工作人员登记时，可不填）')),
    answer: Type.Optional(SafeText(0, 2000, '当场答复的内容（工作人员登记时必填）', true)),
    requestId: Type.String({
      pattern: '^[A-Za-z0-9_.:-]{8,100}$',
      description: '请求标识：每件咨询生成一次（如 UUID）；重复提交时答复同一件咨询',
    }),
  },
  { additionalProperties: false },
);

export const Consultation = Type.Object(
  {
    id: Type.String(),
    number: Type.String({ description: '咨询编号' }),
    tenant: Type.String(),
    kind: KIND,
    channel: CHANNEL,
    itemId: Type.String(),
    itemName: Type.String(),
    itemCode: Type.String(),
    department: Type.String({ description: '答复的部门；领导信箱为空（由中心答复）' }),
    visibility: VISIBILITY,
    question: Type.String(),
    askerName: Type.String({ description: '咨询人姓名；答复人员和本人以外看到的已脱敏' }),
    loggedBy: Type.String({ description: '登记的工作人员（首问责任人）' }),
    status: STATUS,
    answer: Type.Union([
      Type.Object(
        { text: Type.String(), answeredBy: Type.String(), answererName: Type.String(), answeredAt: Timestamp },
        { additionalProperties: false },
      ),
      Type.Null(),
    ]),
    faq: Type.Union([
      Type.Object(
        { question: Type.String(), answer: Type.String(), curatedBy: Type.String(), curatedAt: Timestamp },
        { additionalProperties: false },
      ),
      Type.Null(),
    ]),
    askedAt: Timestamp,
    version: Type.Integer(),
  },
  { additionalProperties: false },
);

export const ConsultationAnswer = Type.Object({ consultation: Consultation }, { additionalProperties: false });
export const ConsultationPage = pageOf('consultations', Consultation);

export const ConsultationParams = Type.Object(
  { id: Type.String({ pattern: UUID, description: '咨询标识' }) },
  { additionalProperties: false },
);

export const PublicQuery = Type.Object(
  {
    tenant: RegionCode('地区（6位行政区划代码）'),
    itemCode: Type.Optional(ITEM_CODE),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export const MineQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });
export const QueueQuery = Type.Object(
  {
    tenant: Type.Optional(RegionCode('地区；默认本人所在地区')),
    status: Type.Optional(STATUS),
    ...PageQuery,
  },
  { additionalProperties: false },
);

const Version = Type.Integer({ minimum: 1, description: '读取时的版本号' });
export const AnswerBody = Type.Object(
  { text: SafeText(2, 2000, '答复内容', true), expectedVersion: Version },
  { additionalProperties: false },
);
export const CurateBody = Type.Object(
  {
    question: SafeText(2, 200, '常见问题（5至200字）'),
    answer: SafeText(2, 2000, '解答', true),
    expectedVersion: Version,
  },
  { additionalProperties: false },
);

export const FaqsQuery = Type.Object(
  { tenant: RegionCode('地区（6位行政区划代码）'), itemCode: ITEM_CODE },
  { additionalProperties: false },
);
export const FaqsAnswer = Type.Object(
  {
    faqs: Type.Array(
      Type.Object(
        { consultationId: Type.String(), question: Type.String(), answer: Type.String(), curatedAt: Timestamp },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
