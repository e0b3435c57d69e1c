import { STAFF_ROLES } from '@govhall/auth';
import { Type, type Static } from '@sinclair/typebox';
import {
  DateString,
  PageQuery,
  RegionCode,
  SafeText,
  Timestamp,
  hintedPattern,
  pageOf,
} from '../../../../lib/common.schemas';
import {
  CreditCode,
  DepartmentCode,
  IdNumber,
  ItemCode,
  MOBILE,
  Password,
  RecordId,
  STAFF_PHONE,
  StringEnum,
} from './identity.schemas';

export const StaffStatus = StringEnum(['provisioning', 'active', 'disabled'], {
  description: '状态：开通中 provisioning / 在岗 active / 已停用 disabled',
});

export const NaturalPersonStatus = StringEnum(['provisioning', 'active', 'disabled'], {
  description: '状态：开通中 provisioning / 正常 active / 已停用 disabled',
});

export const GrantStatus = StringEnum(['active', 'revoked'], { description: '授权状态：有效 active / 已撤销 revoked' });

/** A staff login name (staff.ts USERNAME). */
const USERNAME = hintedPattern('^[a-z][a-z0-9-]{2,39}$', '用户名应为3至40位小写字母、数字或连字符，以字母开头');
/** A service account's client id (service-account.ts CLIENT_ID and RESERVED_PREFIXES). */
const CLIENT_ID = hintedPattern(
  '^(?!govhall-|realm-|security-admin|admin-cli|account|broker)[a-z][a-z0-9-]{2,49}$',
  '客户端标识应为3至50位小写字母、数字或连字符，以字母开头，且不以 govhall-、realm-、account 等平台保留名称开头',
);

export const Leave = Type.Object({
  fromDate: Type.String({ description: '开始日期 YYYY-MM-DD（含）' }),
  toDate: Type.String({ description: '结束日期 YYYY-MM-DD（含）' }),
  reason: Type.String(),
});

export const Staff = Type.Object({
  id: Type.String(),
  tenant: Type.String(),
  department: Type.Optional(Type.String({ description: '所属部门；中心级人员没有' })),
  username: Type.String(),
  displayName: Type.String(),
  phone: Type.String({ description: '列表中脱敏（138****1234）' }),
  roles: Type.Array(Type.String()),
  status: StaffStatus,
  leaves: Type.Array(Leave),
  subject: Type.Optional(Type.String({ description: '统一身份认证用户标识；开通中没有' })),
  disabledReason: Type.Optional(Type.String()),
  version: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Staff = Static<typeof Staff>;

export const StaffPage = pageOf('staff', Staff);

export const ListStaffQuery = Type.Object(
  { department: Type.Optional(DepartmentCode('只列出该部门的人员')), ...PageQuery },
  { additionalProperties: false },
);

export const CreateStaffBody = Type.Object(
  {
    tenant: RegionCode('所属租户'),
    department: Type.Optional(DepartmentCode('所属部门；窗口人员、审查人、审批人、部门负责人必填')),
    username: Type.String({ pattern: USERNAME, description: '登录名（3至40位小写字母、数字、连字符，以字母开头）' }),
    displayName: SafeText(2, 30, '姓名'),
    phone: Type.String({ pattern: STAFF_PHONE, description: '11位手机号码或带区号的固定电话，如 0935-8212345' }),
    roles: Type.Array(StringEnum(STAFF_ROLES), {
      minItems: 1,
      maxItems: STAFF_ROLES.length,
      description: '岗位角色',
    }),
    initialPassword: Password('初始密码（8至64位，含字母和数字）；首次登录须修改'),
    permanentPassword: Type.Optional(Type.Boolean({ description: '仅用于演示数据：首次登录不要求修改密码' })),
  },
  { additionalProperties: false },
);
export type CreateStaffBody = Static<typeof CreateStaffBody>;

export const ChangeStaffRolesBody = Type.Object(
  {
    roles: CreateStaffBody.properties.roles,
    department: Type.Optional(
      DepartmentCode('所属部门；窗口人员、审查人、审批人、部门负责人必填；不填则不属于任何部门'),
    ),
    expectedVersion: Type.Integer({
      minimum: 1,
      maximum: Number.MAX_SAFE_INTEGER,
      description: '读取时的工作人员档案版本（乐观并发）',
    }),
  },
  { additionalProperties: false },
);

export const RecordLeaveBody = Type.Object(
  {
    fromDate: DateString('开始日期 YYYY-MM-DD（含）'),
    toDate: DateString('结束日期 YYYY-MM-DD（含）'),
    reason: SafeText(2, 100, '请假事由'),
  },
  { additionalProperties: false },
);

/** Disabling a member of staff or an applicant: why, for the record. */
export const DisableBody = Type.Object({ reason: SafeText(2, 200, '停用原因') }, { additionalProperties: false });

export const Verification = Type.Object({
  method: Type.String({ description: '核验方式；format-only 表示仅校验格式和校验码，未比对登记库' }),
  verified: Type.Boolean(),
  note: Type.String(),
  verifiedAt: Type.Optional(Timestamp),
});

export const NaturalPerson = Type.Object({
  id: Type.String(),
  tenant: Type.String(),
  name: Type.String(),
  idNumber: Type.String({ description: '居民身份证号码；本人以外脱敏' }),
  phone: Type.String(),
  verification: Type.Optional(Verification),
  subject: Type.String(),
  status: NaturalPersonStatus,
  disabledReason: Type.Optional(Type.String({ description: '停用原因；仅已停用时有' })),
  disabledAt: Type.Optional(Timestamp),
  version: Type.Integer(),
  createdAt: Timestamp,
});
export type NaturalPerson = Static<typeof NaturalPerson>;

export const RegisterNaturalPersonBody = Type.Object(
  {
    tenant: RegionCode('注册所在租户'),
    name: SafeText(2, 30, '姓名（汉字或字母，少数民族姓名可用“·”分隔）'),
    idNumber: IdNumber('居民身份证号码（18位）'),
    phone: Type.String({ pattern: MOBILE, description: '手机号码（11位）' }),
    password: Password('登录密码（8至64位，含字母和数字）'),
  },
  { additionalProperties: false },
);

export const AgentScope = Type.Object({
  allDepartments: Type.Boolean({ description: '全部部门' }),
  departments: Type.Array(Type.String(), { description: '可代办的部门' }),
  itemCodes: Type.Array(Type.String(), { description: '可代办的事项基本编码' }),
});

export const AgentGrant = Type.Object({
  id: Type.String(),
  agentPersonId: Type.String(),
  agentName: Type.String(),
  agentSubject: Type.String(),
  scope: AgentScope,
  validUntil: Type.Optional(Type.String({ description: '有效期至 YYYY-MM-DD（含）；不填为长期' })),
  status: GrantStatus,
  grantedAt: Timestamp,
  grantedBy: Type.String(),
  revokedAt: Type.Optional(Timestamp),
  revokedBy: Type.Optional(Type.String()),
  revokeReason: Type.Optional(Type.String()),
});
export type AgentGrant = Static<typeof AgentGrant>;

export const LegalPerson = Type.Object({
  id: Type.String(),
  tenant: Type.String(),
  name: Type.String(),
  creditCode: Type.String({ description: '统一社会信用代码' }),
  legalRepresentativeName: Type.String(),
  legalRepresentativeIdNumber: Type.String({ description: '法定代表人身份证号码；账户持有人以外脱敏' }),
  holderPersonId: Type.String(),
  holderSubject: Type.String(),
  agents: Type.Array(AgentGrant, { description: '经办人授权' }),
  verification: Type.Optional(Verification),
  version: Type.Integer(),
  createdAt: Timestamp,
});
export type LegalPerson = Static<typeof LegalPerson>;

export const RegisterLegalPersonBody = Type.Object(
  {
    tenant: RegionCode('注册所在租户'),
    name: SafeText(2, 100, '单位名称（与营业执照或登记证书一致）'),
    creditCode: CreditCode('统一社会信用代码（18位）'),
    legalRepresentativeName: SafeText(2, 30, '法定代表人姓名'),
    legalRepresentativeIdNumber: IdNumber('法定代表人居民身份证号码（18位）'),
  },
  { additionalProperties: false },
);

export const AuthorizeAgentBody = Type.Object(
  {
    agentIdNumber: IdNumber('经办人（已注册的自然人）的居民身份证号码（18位）'),
    scope: Type.Object(
      {
        allDepartments: Type.Optional(Type.Boolean({ description: '授权办理全部部门的事项' })),
        departments: Type.Optional(Type.Array(DepartmentCode('部门编码'), { maxItems: 100 })),
        itemCodes: Type.Optional(Type.Array(ItemCode('事项基本编码'), { maxItems: 200 })),
      },
      { additionalProperties: false },
    ),
    validUntil: Type.Optional(DateString('有效期至 YYYY-MM-DD（含）；不填为长期')),
  },
  { additionalProperties: false },
);

export const AuthorizeAgentResponse = Type.Object({ legalPerson: LegalPerson, grant: AgentGrant });

export const GrantParams = Type.Object(
  { id: RecordId('法人记录标识'), grantId: RecordId('授权标识') },
  { additionalProperties: false },
);

export const RevokeAgentBody = Type.Object(
  { reason: Type.Optional(SafeText(0, 200, '撤销原因')) },
  { additionalProperties: false },
);

export const ActingCheckBody = Type.Object(
  {
    department: DepartmentCode('办理部门'),
    itemCode: Type.Optional(ItemCode('事项基本编码')),
    agentSubject: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        description: '经办人的用户标识；不填为调用者本人（仅服务账号可指定他人）',
      }),
    ),
  },
  { additionalProperties: false },
);

export const ActingAllowed = Type.Object({
  allowed: Type.Literal(true),
  grantId: Type.Optional(Type.String({ description: '依据的授权；账户持有人本人办理时没有' })),
  reason: Type.Optional(Type.String({ description: 'HOLDER：调用者是账户持有人' })),
});

export const Profile = Type.Object({
  kind: StringEnum(['staff', 'natural-person'], { description: '工作人员 staff / 自然人 natural-person' }),
  staff: Type.Optional(Staff),
  person: Type.Optional(NaturalPerson),
  heldLegalPersons: Type.Array(LegalPerson, { description: '本人持有的法人账户' }),
  agentFor: Type.Array(LegalPerson, { description: '本人可作为经办人代办的法人（仅含本人的有效授权）' }),
});
export type Profile = Static<typeof Profile>;

export const ApplicantSummary = Type.Object({
  id: Type.String(),
  kind: Type.String({ description: 'natural 自然人 / legal 法人' }),
  tenant: Type.String(),
  name: Type.String(),
  identifier: Type.String({ description: '脱敏的身份证号码或统一社会信用代码' }),
  createdAt: Timestamp,
});

export const ApplicantPage = pageOf('applicants', ApplicantSummary);

export const ListApplicantsQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });

export const ServiceAccount = Type.Object({
  id: Type.String(),
  tenant: Type.String(),
  department: Type.String({ description: '绑定的部门；空字符串为本中心平台服务账号（ADR 0053）' }),
  clientId: Type.String(),
  description: Type.String(),
  status: StaffStatus,
  createdAt: Timestamp,
});
export type ServiceAccount = Static<typeof ServiceAccount>;

export const CreateServiceAccountBody = Type.Object(
  {
    department: Type.Optional(
      DepartmentCode('绑定的部门；不填为本中心平台服务账号（如联审服务），可办理本中心各部门的业务（ADR 0053）'),
    ),
    clientId: Type.String({
      pattern: CLIENT_ID,
      description: '客户端标识（3至50位小写字母、数字、连字符，以字母开头）',
    }),
    description: SafeText(2, 200, '用途说明，如“市场监管审批系统”'),
  },
  { additionalProperties: false },
);

export const CreatedServiceAccount = Type.Object({
  serviceAccount: ServiceAccount,
  clientSecret: Type.String({ description: '客户端密钥，只返回这一次，请存入部门系统的密钥库' }),
});
