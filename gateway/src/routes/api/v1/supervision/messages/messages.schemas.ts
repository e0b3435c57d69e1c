import { Type } from '@sinclair/typebox';
import { PageQuery, pageOf, Timestamp } from '../../../../../lib/common.schemas';
import { SignalLevelName } from '../supervision.schemas';

/** `<signal id>:<username>` (ADR 0045). */
export const MessageParams = Type.Object(
  { id: Type.String({ pattern: '^[A-Za-z0-9._:-]{1,200}$', description: '消息标识' }) },
  { additionalProperties: false },
);

export const MessagesQuery = Type.Object(
  { unreadOnly: Type.Optional(Type.Boolean({ description: '只看未读' })), ...PageQuery },
  { additionalProperties: false },
);

export const StaffMessageView = Type.Object({
  id: Type.String(),
  tenant: Type.String(),
  relation: Type.String({
    description:
      '为何收到：responsible 责任人、window_lead 窗口负责人、department_head 部门负责人、supervisor 监察人员',
  }),
  signalId: Type.String(),
  matterId: Type.String(),
  level: SignalLevelName,
  title: Type.String(),
  text: Type.String(),
  createdAt: Timestamp,
  readAt: Type.Optional(Timestamp),
});

export const MessagePage = pageOf('messages', StaffMessageView);
export const MessageAnswer = Type.Object({ message: StaffMessageView });
