import { Type, type Static } from '@sinclair/typebox';
import { PageQuery, Timestamp, hintedPattern } from '../../../../lib/common.schemas';

/** `<event id>:site`, as the cases service writes it. */
export const NOTIFICATION_ID = hintedPattern('^[A-Za-z0-9_:-]{1,100}$', '消息标识格式不正确');

export const MyNotificationsQuery = Type.Object(
  {
    ...PageQuery,
    unreadOnly: Type.Optional(Type.Boolean({ description: '只看未读消息' })),
  },
  { additionalProperties: false },
);

export const NotificationView = Type.Object({
  id: Type.String(),
  kind: Type.String({ description: '通知类别，如 accepted（受理）、one_time_notice（一次性告知）' }),
  caseId: Type.String({ description: '相关办件' }),
  caseNumber: Type.String(),
  itemName: Type.String(),
  title: Type.String({ description: '标题，如“受理通知：食品经营许可”' }),
  text: Type.String({ description: '正文（与邮件正文同一措辞），分行' }),
  createdAt: Timestamp,
  readAt: Type.Optional(Timestamp),
});
export type NotificationView = Static<typeof NotificationView>;

export const NotificationPage = Type.Object({
  notifications: Type.Array(NotificationView),
  nextPageToken: Type.Optional(Type.String({ description: '下一页的 pageToken；最后一页没有' })),
  total: Type.Integer({ description: '总条数' }),
  unread: Type.Integer({ description: '未读消息总数（不限于本页）' }),
});

export const MarkReadBody = Type.Object(
  {
    ids: Type.Optional(
      Type.Array(Type.String({ pattern: NOTIFICATION_ID }), {
        minItems: 1,
        maxItems: 100,
        description: '要标为已读的消息（最多100条）；与 all 二选一',
      }),
    ),
    all: Type.Optional(Type.Boolean({ description: 'true：全部标为已读' })),
  },
  { additionalProperties: false },
);

export const MarkReadResult = Type.Object({
  marked: Type.Integer({ description: '本次由未读变为已读的条数' }),
  unread: Type.Integer({ description: '剩余未读条数' }),
});
