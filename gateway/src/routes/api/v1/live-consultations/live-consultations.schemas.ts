import { Type } from '@sinclair/typebox';
import { PageQuery, pageOf, RegionCode, SafeText, Timestamp, UUID } from '../../../../lib/common.schemas';

/* 在线咨询 (live_session_service.proto; C18, ADR 0069). */

const STATUS = Type.Union([Type.Literal('waiting'), Type.Literal('active'), Type.Literal('closed')], {
  description: 'waiting 等待接待（预约的在预约时间前10分钟进入队列）、active 正在咨询、closed 已结束',
});

export const OpenBody = Type.Object(
  {
    tenant: RegionCode('咨询的地区（6位行政区划代码）'),
    itemId: Type.String({ minLength: 1, maxLength: 100, description: '所咨询的事项' }),
    question: SafeText(2, 500, '咨询的问题：在线咨询的第一条消息（2至500字）', true),
    bookedFor: Type.Optional(
      Type.String({
        format: 'date-time',
        description: '预约时间：不填则立即咨询；预约须在30分钟后、14天内，工作日9:00至16:30的整点或半点',
      }),
    ),
    requestId: Type.String({
      pattern: '^[A-Za-z0-9_.:-]{8,100}$',
      description: '请求标识：每次咨询生成一次（如 UUID）；重复提交时答复同一次咨询',
    }),
  },
  { additionalProperties: false },
);

export const LiveMessage = Type.Object(
  {
    seq: Type.Integer({ minimum: 1, description: '消息序号' }),
    from: Type.Union([Type.Literal('asker'), Type.Literal('staff')], { description: 'asker 咨询人、staff 工作人员' }),
    authorName: Type.String({ description: '工作人员姓名；咨询人为空' }),
    text: Type.String(),
    at: Timestamp,
  },
  { additionalProperties: false },
);

export const LiveSession = Type.Object(
  {
    id: Type.String(),
    number: Type.String({ description: '在线咨询编号' }),
    tenant: Type.String(),
    itemId: Type.String(),
    itemCode: Type.String(),
    itemName: Type.String(),
    department: Type.String({ description: '接待的部门（事项所属部门）' }),
    bookedFor: Type.Union([Timestamp, Type.Null()], { description: '预约时间；立即咨询为 null' }),
    status: STATUS,
    staffUsername: Type.String({ description: '接待的工作人员账号' }),
    staffName: Type.String({ description: '接待的工作人员姓名' }),
    messages: Type.Array(LiveMessage, {
      description: '消息：查询时为全部，推送时为新消息，列表中只有第一条（咨询的问题）',
    }),
    messageCount: Type.Integer({ description: '消息总数' }),
    openedAt: Timestamp,
    acceptedAt: Type.Union([Timestamp, Type.Null()]),
    closedAt: Type.Union([Timestamp, Type.Null()]),
    closedBy: Type.String({ description: 'asker 咨询人结束、staff 工作人员结束；未结束为空' }),
    version: Type.Integer(),
    mine: Type.Boolean({ description: '是否本人发起的咨询' }),
  },
  { additionalProperties: false },
);

export const SessionAnswer = Type.Object({ session: LiveSession }, { additionalProperties: false });
export const SessionPage = pageOf('sessions', LiveSession);
export const QueueAnswer = Type.Object({ sessions: Type.Array(LiveSession) }, { additionalProperties: false });

export const SessionParams = Type.Object(
  { id: Type.String({ pattern: UUID, description: '在线咨询标识' }) },
  { additionalProperties: false },
);
export const WatchQuery = Type.Object(
  { afterSeq: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000, description: '已收到的最后一条消息序号' })) },
  { additionalProperties: false },
);
export const MineQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });
export const QueueQuery = Type.Object(
  { tenant: Type.Optional(RegionCode('地区；默认本人所在地区')) },
  { additionalProperties: false },
);
export const MessageBody = Type.Object(
  { text: SafeText(1, 500, '消息内容（1至500字）', true) },
  { additionalProperties: false },
);
