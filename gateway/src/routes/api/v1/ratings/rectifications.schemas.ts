import { Type } from '@sinclair/typebox';
import { DateString, PageQuery, pageOf, RegionCode, SafeText, Timestamp, UUID } from '../../../../lib/common.schemas';
import { DEPARTMENT_CODE } from '../catalogue/catalogue.schemas';
import { ratingChannel } from './ratings.enums';

/* 差评整改 (rectification_service.proto, ADR 0065). */

const OUTCOMES = ['fixed', 'fix_by_date', 'explained', 'appeal_mistaken', 'appeal_malicious'] as const;
const OUTCOME_DESCRIPTION =
  'fixed 立行立改、fix_by_date 限期整改（填 fixBy）、explained 解释说明、appeal_mistaken 申诉（误评）、' +
  'appeal_malicious 申诉（恶意差评）';
const STATUSES = ['open', 'appealed', 'closed'] as const;
const LOGIN = '^[a-z0-9][a-z0-9._-]{1,63}$';

/** What the rater reads of a bad rating's rectification (the outcome once it is closed). */
export const RectificationReply = Type.Object(
  {
    status: Type.Union([Type.Literal('open'), Type.Literal('closed')], {
      description: 'open 整改中（含申诉审核中），closed 已办结',
    }),
    outcome: Type.Union(
      ['', 'fixed', 'fix_by_date', 'explained', 'appeal_mistaken', 'appeal_malicious'].map((v) => Type.Literal(v)),
      { description: '办结方式（整改中为空）' },
    ),
    text: Type.String({ description: '整改情况或解释说明；申诉成立时为效能监督部门的意见' }),
    fixBy: Type.String({ description: '限期整改的完成日期；其他为空' }),
    closedAt: Type.Union([Timestamp, Type.Null()]),
  },
  { additionalProperties: false },
);

export const Rectification = Type.Object(
  {
    id: Type.String({ description: '整改标识（即差评的标识）' }),
    tenant: Type.String(),
    ratingId: Type.String(),
    subject: Type.Union([Type.Literal('case'), Type.Literal('visit')]),
    caseId: Type.String(),
    caseNumber: Type.String(),
    visitId: Type.String(),
    itemName: Type.String(),
    department: Type.String({ description: '被评价部门' }),
    windowId: Type.String(),
    level: Type.Integer({ minimum: 1, maximum: 2 }),
    levelName: Type.String(),
    reason: Type.String({ description: '评价人给出的差评理由' }),
    channel: Type.Union(ratingChannel.values.map((v) => Type.Literal(v))),
    realName: Type.Boolean({ description: '实名评价：办结前须回访到评价人' }),
    raterName: Type.String({ description: '评价人（已脱敏）' }),
    ratedAt: Timestamp,
    status: Type.Union(
      STATUSES.map((v) => Type.Literal(v)),
      { description: 'open 整改中、appealed 申诉审核中、closed 已办结' },
    ),
    handler: Type.String({ description: '整改处理人（登录名）；未指派时为空，由部门负责人办理' }),
    handlerName: Type.String(),
    deadline: Type.String({ description: '整改期限（北京时间日期）：差评之日起15个工作日' }),
    callBacks: Type.Array(
      Type.Object(
        {
          at: Timestamp,
          by: Type.String({ description: '回访人（登录名）' }),
          reached: Type.Boolean({ description: '是否联系到评价人' }),
          notes: Type.String(),
        },
        { additionalProperties: false },
      ),
      { description: '回访记录' },
    ),
    outcome: Type.Union(
      ['', ...OUTCOMES].map((v) => Type.Literal(v)),
      { description: `办结方式（未办结为空）：${OUTCOME_DESCRIPTION}` },
    ),
    outcomeText: Type.String({ description: '整改情况、解释说明，或申诉理由和证据' }),
    fixBy: Type.String(),
    concludedAt: Type.Union([Timestamp, Type.Null()]),
    appealDecision: Type.Union([
      Type.Object(
        { upheld: Type.Boolean(), notes: Type.String(), decidedBy: Type.String(), decidedAt: Timestamp },
        { additionalProperties: false, description: '效能监督部门对申诉的审核' },
      ),
      Type.Null(),
    ]),
    raterToldAt: Type.Union([Timestamp, Type.Null()], { description: '告知评价人整改结果的时间' }),
    overdue: Type.Boolean({ description: '已超过整改期限仍未办结' }),
    version: Type.Integer({ minimum: 1 }),
    openedAt: Timestamp,
    closedAt: Type.Union([Timestamp, Type.Null()]),
  },
  { additionalProperties: false },
);

export const RectificationAnswer = Type.Object({ rectification: Rectification }, { additionalProperties: false });
export const RectificationPage = pageOf('rectifications', Rectification);

export const RectificationParams = Type.Object(
  { id: Type.String({ pattern: UUID, description: '整改标识' }) },
  { additionalProperties: false },
);

export const RectificationsQuery = Type.Object(
  {
    tenant: Type.Optional(RegionCode('租户（行政区划代码）；不填为本人所在租户')),
    status: Type.Optional(
      Type.Union(
        STATUSES.map((v) => Type.Literal(v)),
        { description: '只看该状态' },
      ),
    ),
    department: Type.Optional(
      Type.String({ pattern: DEPARTMENT_CODE, description: '只看该部门（部门负责人只能看本部门）' }),
    ),
    handler: Type.Optional(Type.String({ pattern: LOGIN, description: '只看指派给该处理人的' })),
    overdue: Type.Optional(Type.Boolean({ description: 'true：只看已超期未办结的' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

const ExpectedVersion = Type.Integer({ minimum: 1, description: '读取时的版本号（防止覆盖他人的修改）' });

export const AssignBody = Type.Object(
  {
    expectedVersion: ExpectedVersion,
    handler: Type.String({ pattern: LOGIN, description: '整改处理人：被评价部门在岗工作人员的登录名' }),
  },
  { additionalProperties: false },
);

export const CallBackBody = Type.Object(
  {
    expectedVersion: ExpectedVersion,
    reached: Type.Boolean({ description: '是否联系到评价人' }),
    notes: SafeText(2, 500, '回访情况，或未联系上的原因（2至500字）', true),
  },
  { additionalProperties: false },
);

export const ConclusionBody = Type.Object(
  {
    expectedVersion: ExpectedVersion,
    outcome: Type.Union(
      OUTCOMES.map((v) => Type.Literal(v)),
      { description: OUTCOME_DESCRIPTION },
    ),
    text: SafeText(2, 1000, '告知评价人的整改情况或解释，或申诉的理由和证据（2至1000字）', true),
    fixBy: Type.Optional(DateString('限期整改的完成日期（仅 fix_by_date，不早于今天）')),
  },
  { additionalProperties: false },
);

export const AppealDecisionBody = Type.Object(
  {
    expectedVersion: ExpectedVersion,
    upheld: Type.Boolean({ description: 'true 申诉成立（该差评不计入满意度）；false 不成立，退回整改' }),
    notes: SafeText(2, 500, '审核意见（2至500字）', true),
  },
  { additionalProperties: false },
);
