import { Type } from '@sinclair/typebox';
import { DateString, PageQuery, pageOf, RegionCode, SafeText, Timestamp, UUID } from '../../../../lib/common.schemas';
import { DEPARTMENT_CODE } from '../catalogue/catalogue.schemas';
import { CASE_NUMBER } from '../cases/case.schemas';
import { ratingChannel } from './ratings.enums';
import { RectificationReply } from './rectifications.schemas';

/* 好差评 (rating_service.proto). */

export const CaseRatingParams = Type.Object(
  { caseId: Type.String({ pattern: UUID, description: '办件标识' }) },
  { additionalProperties: false },
);

export const RateCaseBody = Type.Object(
  {
    level: Type.Integer({
      minimum: 1,
      maximum: 5,
      description: '评价等级：5 非常满意、4 满意、3 基本满意、2 不满意、1 非常不满意',
    }),
    reason: Type.Optional(SafeText(0, 500, '评价理由；“不满意”和“非常不满意”必填（2至500字）', true)),
  },
  { additionalProperties: false },
);

export const Rating = Type.Object(
  {
    id: Type.String(),
    tenant: Type.String(),
    subject: Type.Union([Type.Literal('case'), Type.Literal('visit')], {
      description: '评价对象：case 办结的办件（一事一评）、visit 窗口的一次服务（一次一评）',
    }),
    visitId: Type.String({ description: '一次服务的标识（评价邀请）；评价办件时为空' }),
    caseId: Type.String(),
    caseNumber: Type.String(),
    itemName: Type.String(),
    department: Type.String(),
    windowId: Type.String(),
    level: Type.Integer({ minimum: 1, maximum: 5 }),
    levelName: Type.String({ description: '非常不满意 / 不满意 / 基本满意 / 满意 / 非常满意' }),
    reason: Type.String(),
    channel: Type.Union(
      ratingChannel.values.map((v) => Type.Literal(v)),
      {
        description:
          '评价渠道：online 网上评价、device 窗口评价器、default 默认评价（逾期未评）、phone_followup 电话回访、suggestion_box 意见箱',
      },
    ),
    realName: Type.Boolean({ description: '实名评价' }),
    raterName: Type.String({ description: '评价人（已脱敏）' }),
    staff: Type.Array(
      Type.Object(
        { username: Type.String(), department: Type.String(), part: Type.String({ description: '办理环节' }) },
        { additionalProperties: false },
      ),
      { description: '被评价的工作人员：受理、审查、决定、出具结果的人员' },
    ),
    ratedAt: Timestamp,
    recordedBy: Type.String({ description: '录入评价的工作人员（电话回访、意见箱）；其他渠道为空' }),
    hasScan: Type.Boolean({ description: '附有意见卡扫描件（意见箱）：GET /api/v1/ratings/{id}/scan' }),
    rectificationId: Type.String({ description: '差评（1至2级）引起的整改的标识；其他评价为空' }),
    appealUpheld: Type.Boolean({ description: '效能监督部门认定为误评或恶意差评：不计入满意度统计' }),
  },
  { additionalProperties: false },
);

export const RatingAnswer = Type.Object({ rating: Rating }, { additionalProperties: false });

export const CaseRatingAnswer = Type.Object(
  {
    rating: Rating,
    rectification: Type.Union([RectificationReply, Type.Null()], { description: '差评的整改情况；非差评为 null' }),
  },
  { additionalProperties: false },
);

/* 一次一评: the window's rating device (ADR 0063). */

export const InviteRatingBody = Type.Object(
  {
    windowId: Type.String({ pattern: UUID, description: '提供服务的窗口' }),
    caseId: Type.Optional(Type.String({ pattern: UUID, description: '本次服务所办的办件；咨询、取件等无办件时不填' })),
  },
  { additionalProperties: false },
);

export const RatingInvitation = Type.Object(
  {
    id: Type.String({ description: '评价邀请（即本次服务）的标识' }),
    tenant: Type.String(),
    windowId: Type.String(),
    windowNumber: Type.String({ description: '窗口编号，如 A01' }),
    windowName: Type.String(),
    caseId: Type.String(),
    caseNumber: Type.String(),
    itemName: Type.String(),
    clerkName: Type.String({ description: '为您服务的工作人员（窗口当班人员发起时）' }),
    invitedAt: Timestamp,
    expiresAt: Timestamp,
    rated: Type.Boolean(),
  },
  { additionalProperties: false },
);

export const InvitationAnswer = Type.Object({ invitation: RatingInvitation }, { additionalProperties: false });

export const InvitationParams = Type.Object(
  { invitationId: Type.String({ pattern: UUID, description: '评价邀请标识' }) },
  { additionalProperties: false },
);

/* 满意度统计 (C6): the ratings of a period and their statistic. Who reads what is the complaints service's rule. */

const ScopeQuery = {
  tenant: Type.Optional(RegionCode('租户（行政区划代码）；不填为本人所在租户')),
  from: DateString('开始日期（含，北京时间）'),
  to: DateString('结束日期（含）；不早于开始日期，最长366天'),
  department: Type.Optional(
    Type.String({ pattern: DEPARTMENT_CODE, description: '只看该部门（部门负责人只能看本部门）' }),
  ),
  windowId: Type.Optional(Type.String({ pattern: UUID, description: '只看该窗口' })),
  staff: Type.Optional(
    Type.String({
      pattern: '^[a-z0-9][a-z0-9._-]{1,63}$',
      description: '只看评价该工作人员的（登录名；窗口和审批人员只能看本人的）',
    }),
  ),
};

export const SatisfactionQuery = Type.Object(ScopeQuery, { additionalProperties: false });

export const RatingsQuery = Type.Object(
  {
    ...ScopeQuery,
    level: Type.Optional(Type.Integer({ minimum: 1, maximum: 5, description: '只看该评价等级' })),
    channel: Type.Optional(
      Type.Union(
        ratingChannel.values.map((v) => Type.Literal(v)),
        { description: '只看该评价渠道' },
      ),
    ),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const RatingPage = pageOf('ratings', Rating);

export const Satisfaction = Type.Object(
  {
    levels: Type.Array(
      Type.Object(
        {
          level: Type.Integer({ minimum: 1, maximum: 5 }),
          levelName: Type.String(),
          count: Type.Integer(),
        },
        { additionalProperties: false },
      ),
      { description: '各等级的评价数，非常满意在前' },
    ),
    total: Type.Integer({ description: '评价总数' }),
    satisfiedPer10000: Type.Integer({ description: '满意率（基本满意及以上）每万分比：9650 即 96.50%' }),
    completedCases: Type.Integer({ description: '期间内办结的办件数' }),
    ratedCases: Type.Integer({
      description: '其中由办事人本人评价（非默认评价）的办件数：评价覆盖率 = ratedCases / completedCases',
    }),
    defaultRatings: Type.Integer({ description: '默认评价（逾期未评视为基本满意）数' }),
  },
  { additionalProperties: false },
);

/* C4: ratings staff enter from a telephone follow-up and from the suggestion box (RecordRating). */

const CaseNumber = Type.String({ pattern: CASE_NUMBER, description: '办件编号（办结的办件）' });
const RecordedLevel = Type.Integer({
  minimum: 1,
  maximum: 5,
  description: '评价等级：5 非常满意、4 满意、3 基本满意、2 不满意、1 非常不满意',
});
const RecordedReason = Type.Optional(SafeText(0, 500, '评价理由；“不满意”和“非常不满意”必填（2至500字）', true));

export const FollowUpBody = Type.Object(
  { caseNumber: CaseNumber, level: RecordedLevel, reason: RecordedReason },
  { additionalProperties: false },
);

/** The text parts of a slip's multipart body, beside its `scan` file part. */
export const SlipFields = Type.Object(
  { caseNumber: CaseNumber, level: RecordedLevel, reason: RecordedReason },
  { additionalProperties: false },
);

export const RatingParams = Type.Object(
  { ratingId: Type.String({ pattern: UUID, description: '评价标识' }) },
  { additionalProperties: false },
);
