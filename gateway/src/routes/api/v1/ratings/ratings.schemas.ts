import { Type } from '@sinclair/typebox';
import { SafeText, Timestamp, UUID } from '../../../../lib/common.schemas';
import { ratingChannel } from './ratings.enums';

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
  },
  { additionalProperties: false },
);

export const RatingAnswer = Type.Object({ rating: Rating }, { additionalProperties: false });
