import { Type, type Static } from '@sinclair/typebox';
import { DateString, RegionCode, SafeText, Timestamp, hintedPattern } from '../../../../lib/common.schemas';
import { ABBREVIATION_PATTERN, DepartmentCode, RecordId, StringEnum } from './identity.schemas';
import { Staff } from './people.schemas';

export const TenantLevel = StringEnum(['city', 'district', 'county', 'town', 'village'], {
  description: '层级：市 city / 区 district / 县 county / 镇街 town / 村社区 village',
});

export const WindowKind = StringEnum(['department', 'comprehensive'], {
  description: '窗口类型：部门窗口 department / 综合窗口 comprehensive',
});

export const ResponsibilityBasis = StringEnum(['a_post', 'b_post', 'department_head', 'center_admin'], {
  description: '负责依据：A岗 a_post / B岗 b_post（A岗缺勤）/ 部门负责人 department_head / 中心管理员 center_admin',
});

/** A center's consultation or complaint phone (tenant.ts PHONE). */
const CENTER_PHONE = hintedPattern('^[0-9-]{5,20}$', '电话应为5至20位数字或连字符，如 0935-8212345');

/** A service center as identity requires it (tenant.ts validateServiceCenter): every field, 1 to 5 phones. */
const centerFields = {
  name: SafeText(2, 60, '中心名称，如“玉门市政务服务中心”'),
  address: SafeText(2, 200, '地址'),
  hours: SafeText(2, 100, '办公时间，如“周一至周五 9:00-12:00 14:30-17:30”'),
  phones: Type.Array(Type.String({ pattern: CENTER_PHONE, description: '电话号码，如 0935-8212345' }), {
    minItems: 1,
    maxItems: 5,
    description: '咨询、投诉电话（1至5个）',
  }),
};

export const ServiceCenterInput = Type.Object(centerFields, { additionalProperties: false });

export const ServiceCenter = Type.Object({
  name: Type.String(),
  address: Type.String(),
  hours: Type.String(),
  phones: Type.Array(Type.String()),
});

export const Tenant = Type.Object({
  code: Type.String({ description: '行政区划代码' }),
  name: Type.String(),
  level: TenantLevel,
  parentCode: Type.Optional(Type.String({ description: '上级租户；根租户没有' })),
  center: ServiceCenter,
  version: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Tenant = Static<typeof Tenant>;

export const CreateTenantBody = Type.Object(
  {
    code: RegionCode('行政区划代码（6、9或12位）'),
    name: SafeText(2, 50, '名称，如“玉门市”'),
    level: TenantLevel,
    parentCode: Type.Optional(RegionCode('上级租户的行政区划代码；根租户不填')),
    center: ServiceCenterInput,
  },
  { additionalProperties: false },
);
export type CreateTenantBody = Static<typeof CreateTenantBody>;

export const UpdateCenterBody = Type.Object(
  {
    ...centerFields,
    expectedVersion: Type.Integer({
      minimum: 1,
      maximum: Number.MAX_SAFE_INTEGER,
      description: '读取时的租户版本（乐观并发）',
    }),
  },
  { additionalProperties: false },
);

export const ListTenantsQuery = Type.Object(
  { parentCode: Type.Optional(RegionCode('上级租户；不填则列出根租户')) },
  { additionalProperties: false },
);

export const Department = Type.Object({
  code: Type.String({ description: '部门编码“租户-简称”，如 620321-SCJG' }),
  tenant: Type.String(),
  name: Type.String(),
  version: Type.Integer(),
  createdAt: Timestamp,
});
export type Department = Static<typeof Department>;

export const CreateDepartmentBody = Type.Object(
  {
    abbreviation: Type.String({
      pattern: ABBREVIATION_PATTERN,
      description: '部门简称（以大写字母开头的2至12位大写字母或数字），如 SCJG',
    }),
    name: SafeText(2, 50, '部门名称，如“玉门市市场监督管理局”'),
  },
  { additionalProperties: false },
);

export const UpdateDepartmentBody = Type.Object(
  {
    name: SafeText(2, 50, '部门名称'),
    expectedVersion: Type.Integer({
      minimum: 1,
      maximum: Number.MAX_SAFE_INTEGER,
      description: '读取时的部门版本（乐观并发）',
    }),
  },
  { additionalProperties: false },
);

export const Window = Type.Object({
  id: Type.String(),
  tenant: Type.String(),
  number: Type.String({ description: '窗口号，如 A03' }),
  name: Type.String(),
  kind: WindowKind,
  department: Type.String({ description: '所属部门' }),
  servesDepartments: Type.Array(Type.String(), { description: '受理的部门' }),
  aPostStaffId: Type.Optional(Type.String({ description: 'A岗（主岗）工作人员' })),
  bPostStaffId: Type.Optional(Type.String({ description: 'B岗（备岗）工作人员' })),
  location: Type.String(),
  version: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Window = Static<typeof Window>;

export const CreateWindowBody = Type.Object(
  {
    number: Type.String({
      pattern: hintedPattern('^[A-Z]?\\d{1,3}$', '窗口号应为1至3位数字，可加一个大写字母前缀，如 A03、12'),
      description: '窗口号：1至3位数字，可加一个大写字母前缀，如 A03、12',
    }),
    name: SafeText(2, 50, '窗口名称'),
    kind: WindowKind,
    department: DepartmentCode('所属部门编码'),
    servesDepartments: Type.Optional(
      Type.Array(DepartmentCode('部门编码'), { maxItems: 50, description: '综合窗口受理的部门' }),
    ),
    aPostStaffId: Type.Optional(RecordId('A岗工作人员')),
    bPostStaffId: Type.Optional(RecordId('B岗工作人员')),
    location: Type.Optional(SafeText(0, 100, '位置，如“一楼东侧”')),
  },
  { additionalProperties: false },
);
export type CreateWindowBody = Static<typeof CreateWindowBody>;

/** What UpdateWindow changes: the create fields but the posts (those change through PUT /windows/{id}/posts). */
export const UpdateWindowBody = Type.Object(
  {
    number: CreateWindowBody.properties.number,
    name: CreateWindowBody.properties.name,
    kind: WindowKind,
    department: CreateWindowBody.properties.department,
    servesDepartments: CreateWindowBody.properties.servesDepartments,
    location: CreateWindowBody.properties.location,
    expectedVersion: Type.Integer({
      minimum: 1,
      maximum: Number.MAX_SAFE_INTEGER,
      description: '读取时的窗口版本（乐观并发）',
    }),
  },
  { additionalProperties: false },
);

export const AssignPostsBody = Type.Object(
  {
    aPostStaffId: Type.Optional(RecordId('A岗工作人员')),
    bPostStaffId: Type.Optional(RecordId('B岗工作人员')),
    expectedVersion: Type.Integer({
      minimum: 1,
      maximum: Number.MAX_SAFE_INTEGER,
      description: '读取时的窗口版本（乐观并发）',
    }),
  },
  { additionalProperties: false },
);

export const ResponsibleQuery = Type.Object(
  { date: Type.Optional(DateString('日期 YYYY-MM-DD；不填为今天（北京时间）')) },
  { additionalProperties: false },
);

export const WindowResponsible = Type.Object({
  window: Window,
  date: Type.String({ description: 'YYYY-MM-DD' }),
  responsible: Staff,
  basis: ResponsibilityBasis,
});
