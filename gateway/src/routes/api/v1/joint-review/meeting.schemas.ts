import { Type, type Static } from '@sinclair/typebox';
import { DEPARTMENT_CODE } from '../identity/identity.schemas';
import { PageQuery, pageOf, RegionCode, SafeText, Timestamp, UUID } from '../../../../lib/common.schemas';
import { meetingKind, meetingResolution, meetingState, opinionKind } from './joint-review.enums';
import { AttachmentIds, Attachments } from './joint-review.schemas';

/* Joint meetings (会议联审, MeetingService): the center's writes, departments' positions and the reads. */

const literals = <T extends string>(values: readonly T[], description: string) =>
  Type.Union(
    values.map((v) => Type.Literal(v)),
    { description },
  );

const KindName = literals(meetingKind.values, '会议类型：case_review 会议联审（议题为联办件）、standing 联席会议');
const StateName = literals(
  meetingState.values,
  '会议状态：scheduled 待召开、held 已召开、concluded 已形成结论、cancelled 已取消',
);
const ResolutionName = literals(
  meetingResolution.values,
  '会议结论：agreed 同意、agreed_with_conditions 附条件同意、denied 不同意、deferred 再议',
);
const OpinionKindName = literals(
  opinionKind.values,
  '意见：agree 同意、disagree 不同意、agree_with_conditions 附条件同意',
);
const Department = Type.String({ pattern: DEPARTMENT_CODE, description: '部门编码，如 620321-SCJG' });
const Version = Type.Integer({
  minimum: 1,
  maximum: Number.MAX_SAFE_INTEGER,
  description: '会议的版本（读取时的 version）',
});
const When = (description: string) => Type.String({ format: 'date-time', description });
const Lines = (description: string) => Type.Array(SafeText(1, 500, '一条', true), { maxItems: 20, description });

export const MeetingParams = Type.Object(
  { id: Type.String({ pattern: UUID, description: '会议标识' }) },
  { additionalProperties: false },
);

export const ConveneBody = Type.Object(
  {
    requestId: Type.String({
      pattern: '^[A-Za-z0-9_-]{8,64}$',
      description: '请求编号（8至64位字母、数字、_ 或 -）；同一编号重复提交得到同一会议',
    }),
    kind: KindName,
    subject: SafeText(1, 200, '会议名称'),
    scheduledAt: When('会议时间（须晚于现在）'),
    location: Type.Optional(SafeText(0, 200, '会议地点')),
    agenda: Type.Array(
      Type.Object(
        {
          title: SafeText(1, 200, '议题'),
          reviewId: Type.Optional(
            Type.String({ pattern: UUID, description: '审议的联办件（会议联审必填，联席会议不填）' }),
          ),
          note: Type.Optional(SafeText(0, 2000, '议题说明', true)),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 30, description: '议程（1至30项）' },
    ),
    departments: Type.Optional(
      Type.Array(Department, { maxItems: 50, description: '另行邀请的部门（联办件的各部门自动邀请）' }),
    ),
    projectId: Type.Optional(SafeText(0, 64, '重大项目编号')),
  },
  { additionalProperties: false },
);
export type ConveneBody = Static<typeof ConveneBody>;

export const RescheduleBody = Type.Object(
  {
    expectedVersion: Version,
    scheduledAt: When('新的会议时间（须晚于现在）'),
    location: Type.Optional(SafeText(0, 200, '新的会议地点；不填为不变')),
    reason: SafeText(1, 500, '改期原因', true),
  },
  { additionalProperties: false },
);
export type RescheduleBody = Static<typeof RescheduleBody>;

export const CancelBody = Type.Object(
  { expectedVersion: Version, reason: SafeText(1, 500, '取消原因', true) },
  { additionalProperties: false },
);
export type CancelBody = Static<typeof CancelBody>;

export const MinutesBody = Type.Object(
  {
    expectedVersion: Version,
    attendance: Type.Array(
      Type.Object(
        {
          department: Department,
          attendees: Type.Array(SafeText(1, 50, '参会人员姓名'), { maxItems: 50, description: '参会人员' }),
        },
        { additionalProperties: false },
      ),
      { maxItems: 50, description: '出席的部门及参会人员（未列出的部门为未出席）' },
    ),
    minutes: SafeText(1, 20000, '会议纪要', true),
    attachmentIds: Type.Optional(AttachmentIds),
  },
  { additionalProperties: false },
);
export type MinutesBody = Static<typeof MinutesBody>;

export const PositionBody = Type.Object(
  {
    expectedVersion: Version,
    agendaItemId: Type.String({ pattern: '^[0-9]{1,2}$', description: '议题编号（"1"、"2"…）' }),
    department: Department,
    kind: OpinionKindName,
    text: SafeText(1, 2000, '部门意见', true),
    reasons: Type.Optional(Lines('理由（不同意时至少一条）')),
    conditions: Type.Optional(Lines('条件（附条件同意时至少一条）')),
  },
  { additionalProperties: false },
);
export type PositionBody = Static<typeof PositionBody>;

export const OutcomeBody = Type.Object(
  {
    expectedVersion: Version,
    outcomes: Type.Array(
      Type.Object(
        {
          agendaItemId: Type.String({ pattern: '^[0-9]{1,2}$', description: '议题编号' }),
          resolution: ResolutionName,
          text: SafeText(1, 2000, '会议结论（纪要原文）', true),
          conditions: Type.Optional(Lines('议定的条件（附条件同意时至少一条）')),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 30, description: '每个议题一项结论' },
    ),
  },
  { additionalProperties: false },
);
export type OutcomeBody = Static<typeof OutcomeBody>;

export const MeetingsQuery = Type.Object(
  {
    tenant: Type.Optional(RegionCode('租户（行政区划代码）；不填为本人所在租户')),
    department: Type.Optional(Department),
    state: Type.Optional(StateName),
    projectId: Type.Optional(SafeText(1, 64, '重大项目编号')),
    reviewId: Type.Optional(Type.String({ pattern: UUID, description: '审议过该联办件的会议' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type MeetingsQuery = Static<typeof MeetingsQuery>;

export const Meeting = Type.Object({
  id: Type.String(),
  tenant: Type.String(),
  kind: KindName,
  state: StateName,
  subject: Type.String(),
  scheduledAt: Type.Optional(Timestamp),
  location: Type.String(),
  convenedBy: Type.String({ description: '召集的中心管理员' }),
  agenda: Type.Array(
    Type.Object({
      id: Type.String(),
      title: Type.String(),
      reviewId: Type.Optional(Type.String()),
      caseNumber: Type.Optional(Type.String()),
      note: Type.Optional(Type.String()),
    }),
  ),
  participants: Type.Array(
    Type.Object({ department: Type.String(), attendees: Type.Array(Type.String()), attended: Type.Boolean() }),
  ),
  minutes: Type.Optional(Type.String({ description: '会议纪要（召开后）' })),
  minutesAttachments: Attachments,
  positions: Type.Array(
    Type.Object({
      agendaItemId: Type.String(),
      department: Type.String(),
      kind: OpinionKindName,
      text: Type.String(),
      reasons: Type.Array(Type.String()),
      conditions: Type.Array(Type.String()),
      recordedBy: Type.String(),
      recordedAt: Type.Optional(Timestamp),
    }),
  ),
  outcomes: Type.Array(
    Type.Object({
      agendaItemId: Type.String(),
      resolution: ResolutionName,
      text: Type.String(),
      conditions: Type.Array(Type.String()),
    }),
  ),
  projectId: Type.Optional(Type.String()),
  note: Type.Optional(Type.String({ description: '最近一次改期或取消的原因' })),
  createdAt: Type.Optional(Timestamp),
  updatedAt: Type.Optional(Timestamp),
  version: Type.Integer(),
});
export type Meeting = Static<typeof Meeting>;

export const MeetingAnswer = Type.Object({ meeting: Meeting });
export const MeetingPage = pageOf('meetings', Meeting);
