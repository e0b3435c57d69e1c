import { ConflictError, PreconditionError, ValidationError } from '@govhall/errors';
import { identityV1 } from '@govhall/proto';
import { fakeVerifier, routeFixture, startFakeGrpcServer } from '../../../../lib/fake-grpc-server.test-double';

// Records the fake identity service answers with, shared by the identity route tests.
export const at = new Date('2026-03-02T08:00:00.000Z');

const tenant = (code: string, level: identityV1.TenantLevel, parentCode = ''): identityV1.Tenant => ({
  code,
  name: `租户${code}`,
  level,
  parentCode,
  center: { name: '玉门市政务服务中心', address: '玉门市新市区', hours: '周一至周五', phones: ['0937-3322110'] },
  version: 3,
  createdAt: at,
  updatedAt: at,
});

const staff = (id: string, status: identityV1.StaffStatus): identityV1.Staff => ({
  id,
  tenant: '620981',
  department: '620981-SCJG',
  username: 'wang-li',
  displayName: '王丽',
  phone: '138****1234',
  roles: ['window_clerk'],
  status,
  leaves: [{ fromDate: '2026-03-02', toDate: '2026-03-04', reason: '病假' }],
  subject: '',
  version: 2,
  createdAt: at,
  updatedAt: at,
  disabledReason: '',
});

export const window: identityV1.Window = {
  id: 'a1000000-0000-4000-8000-000000000004',
  tenant: '620981',
  number: 'A03',
  name: '综合受理窗口',
  kind: identityV1.WindowKind.WINDOW_KIND_COMPREHENSIVE,
  department: '620981-SCJG',
  servesDepartments: ['620981-SCJG', '620981-RSJ'],
  aPostStaffId: 'a1000000-0000-4000-8000-00000000000a',
  bPostStaffId: '',
  location: '一楼东侧',
  version: 1,
  createdAt: at,
  updatedAt: at,
};

const COVERED_WINDOW = 'a1000000-0000-4000-8000-000000000005';
const UNSTAFFED_WINDOW = 'a1000000-0000-4000-8000-000000000006';

const legalPerson = (grantStatus: identityV1.AgentGrantStatus): identityV1.LegalPerson => ({
  id: 'a1000000-0000-4000-8000-000000000001',
  tenant: '620981',
  name: '玉门市某某商贸有限公司',
  creditCode: '91620981MA00000000',
  legalRepresentativeName: '张三',
  legalRepresentativeIdNumber: '6209**********1234',
  holderPersonId: 'np-1',
  holderSubject: 'sub-holder',
  agents: [
    {
      id: 'a1000000-0000-4000-8000-000000000002',
      agentPersonId: 'np-2',
      agentName: '李四',
      agentSubject: 'sub-agent',
      scope: { allDepartments: false, departments: ['620981-SCJG'], itemCodes: [] },
      validUntil: '',
      status: grantStatus,
      grantedAt: at,
      grantedBy: 'sub-holder',
      revokedAt: grantStatus === identityV1.AgentGrantStatus.AGENT_GRANT_STATUS_REVOKED ? at : undefined,
      revokedBy: '',
      revokeReason: '',
    },
  ],
  verification: { method: 'format-only', verified: true, note: '仅校验格式和校验码', verifiedAt: at },
  version: 2,
  createdAt: at,
});

export const ADMIN = { authorization: 'Bearer admin' };
export const CITIZEN = { authorization: 'Bearer citizen' };
/** The hall screen's device account of 620981 (ADR 0049). */
export const HALL_SCREEN = { authorization: 'Bearer screen' };

/** The tokens above: center_admin and applicant of 620981; anything else is refused. */
const verifier = fakeVerifier('620981', { admin: ['center_admin'], citizen: ['applicant'], screen: ['hall_screen'] });

/** A fake identity server with canned answers and a gateway wired to it. */
export async function startIdentityFixture() {
  const fake = await startFakeGrpcServer(identityV1.IdentityServiceService, {
    listTenants: async () => ({
      tenants: [
        tenant('620981', identityV1.TenantLevel.TENANT_LEVEL_COUNTY, '620900'),
        tenant('620981100', identityV1.TenantLevel.TENANT_LEVEL_TOWN, '620981'),
      ],
    }),
    registerNaturalPerson: async (req: identityV1.RegisterNaturalPersonRequest) => ({
      person: {
        id: 'np-9',
        tenant: req.tenant,
        name: req.name,
        idNumber: req.idNumber,
        phone: req.phone,
        verification: { method: 'format-only', verified: true, note: '仅校验格式和校验码' },
        subject: 'sub-np-9',
        version: 1,
        createdAt: at,
        status: identityV1.NaturalPersonStatus.NATURAL_PERSON_STATUS_ACTIVE,
        disabledReason: '',
      },
    }),
    disableNaturalPerson: async (req: identityV1.DisableNaturalPersonRequest) => ({
      person: {
        id: req.personId,
        tenant: '620981',
        name: '李四',
        idNumber: '6209**********1234',
        phone: '138****1234',
        subject: 'sub-agent',
        version: 3,
        createdAt: at,
        status: identityV1.NaturalPersonStatus.NATURAL_PERSON_STATUS_DISABLED,
        disabledReason: req.reason,
        disabledAt: at,
      },
    }),
    getTenant: async (req: identityV1.GetTenantRequest) => ({
      tenant: tenant(req.code, identityV1.TenantLevel.TENANT_LEVEL_CITY),
    }),
    createTenant: async (req: identityV1.CreateTenantRequest) => ({
      tenant: { ...tenant(req.code, req.level, req.parentCode), name: req.name },
    }),
    createStaff: async () => {
      throw new ValidationError([
        { path: 'phone', reason: 'PATTERN', message: '电话应为11位手机号码或带区号的固定电话' },
        { path: 'roles[0]', reason: 'UNKNOWN_ROLE', message: '未知的工作人员角色' },
      ]);
    },
    recordLeave: async () => {
      throw new ValidationError([{ path: 'leave.toDate', reason: 'RANGE', message: '请假结束日期不能早于开始日期' }]);
    },
    createDepartment: async () => {
      throw new ValidationError([{ path: 'tenant', reason: 'NOT_FOUND', message: '租户不存在' }]);
    },
    disableStaff: async () => {
      throw new ConflictError('STAFF_HOLDS_POST', '该人员仍在窗口岗位上，请先调岗');
    },
    getStaff: async (req: identityV1.GetStaffRequest) => ({
      staff: staff(req.id, identityV1.StaffStatus.STAFF_STATUS_PROVISIONING),
    }),
    listStaff: async () => ({
      staff: [staff('a1000000-0000-4000-8000-000000000003', identityV1.StaffStatus.STAFF_STATUS_ACTIVE)],
      page: { nextPageToken: '', total: 1 },
    }),
    createWindow: async (req: identityV1.CreateWindowRequest) => ({ window: { ...window, kind: req.kind } }),
    rotateServiceAccountSecret: async (req: identityV1.RotateServiceAccountSecretRequest) => ({
      serviceAccount: {
        id: req.serviceAccountId,
        tenant: '620981',
        department: '620981-SCJG',
        clientId: 'ym-approval',
        description: '审批系统',
        status: identityV1.StaffStatus.STAFF_STATUS_ACTIVE,
        createdAt: at,
      },
      clientSecret: 'n3w-s3cr3t',
    }),
    disableServiceAccount: async (req: identityV1.DisableServiceAccountRequest) => ({
      serviceAccount: {
        id: req.serviceAccountId,
        tenant: '620981',
        department: '620981-SCJG',
        clientId: 'ym-approval',
        description: '审批系统',
        status: identityV1.StaffStatus.STAFF_STATUS_DISABLED,
        createdAt: at,
      },
    }),
    endLeave: async (req: identityV1.EndLeaveRequest) => {
      if (req.fromDate === '2026-03-09') {
        throw new ValidationError([{ path: 'fromDate', reason: 'NOT_FOUND', message: '没有自 2026-03-09 起的请假' }]);
      }
      return { staff: { ...staff(req.staffId, identityV1.StaffStatus.STAFF_STATUS_ACTIVE), leaves: [] } };
    },
    changeStaffRoles: async (req: identityV1.ChangeStaffRolesRequest) => {
      if (req.staffId === 'a1000000-0000-4000-8000-00000000000b') {
        throw new ValidationError([
          { path: 'department', reason: 'NOT_FOUND', message: '部门 620981-XXJ 不是本中心的进驻部门' },
        ]);
      }
      return {
        staff: {
          ...staff(req.staffId, identityV1.StaffStatus.STAFF_STATUS_ACTIVE),
          roles: req.roles,
          department: req.department,
          version: req.expectedVersion + 1,
        },
      };
    },
    updateDepartment: async (req: identityV1.UpdateDepartmentRequest) => ({
      department: { code: req.code, tenant: '620981', name: req.name, version: req.expectedVersion + 1, createdAt: at },
    }),
    updateWindow: async (req: identityV1.UpdateWindowRequest) => {
      if (req.department === '620981-RSJ') {
        throw new ValidationError([
          {
            path: 'department',
            reason: 'DEPARTMENT_MISMATCH',
            message: 'A岗（主岗）人员 王丽 不属于本窗口所属部门 620981-RSJ',
          },
        ]);
      }
      if (req.number === 'A04') throw new ConflictError('WINDOW_NUMBER_TAKEN', '本中心已有A04号窗口，请换一个窗口编号');
      return {
        window: { ...window, number: req.number, name: req.name, kind: req.kind, version: req.expectedVersion + 1 },
      };
    },
    // Three windows of 620981: A03 served by its B post, A01 covered by the department head, A02 with nobody.
    listWindows: async () => ({
      windows: [
        window,
        { ...window, id: COVERED_WINDOW, number: 'A01' },
        { ...window, id: UNSTAFFED_WINDOW, number: 'A02' },
      ],
    }),
    getWindowResponsible: async (req: identityV1.GetWindowResponsibleRequest) => {
      if (req.windowId === UNSTAFFED_WINDOW) throw new PreconditionError('WINDOW_UNSTAFFED', '该窗口今日无人可处理');
      const covered = req.windowId === COVERED_WINDOW;
      return {
        window,
        date: '2026-03-03',
        responsible: {
          ...staff('s-b', identityV1.StaffStatus.STAFF_STATUS_ACTIVE),
          displayName: covered ? '赵科长' : '王丽',
        },
        basis: covered
          ? identityV1.ResponsibilityBasis.RESPONSIBILITY_BASIS_DEPARTMENT_HEAD
          : identityV1.ResponsibilityBasis.RESPONSIBILITY_BASIS_B_POST,
      };
    },
    getMyProfile: async () => ({
      profile: {
        $case: 'person' as const,
        value: {
          id: 'np-2',
          tenant: '620981',
          name: '李四',
          idNumber: '620981199001011234',
          phone: '13800001234',
          subject: 'sub-agent',
          version: 1,
          createdAt: at,
          status: identityV1.NaturalPersonStatus.NATURAL_PERSON_STATUS_ACTIVE,
          disabledReason: '',
        },
      },
      heldLegalPersons: [],
      agentFor: [legalPerson(identityV1.AgentGrantStatus.AGENT_GRANT_STATUS_ACTIVE)],
    }),
    revokeAgent: async () => ({ legalPerson: legalPerson(identityV1.AgentGrantStatus.AGENT_GRANT_STATUS_REVOKED) }),
    checkActingAuthority: async (req: identityV1.CheckActingAuthorityRequest) =>
      req.department === '620981-SCJG'
        ? { allowed: true, grantId: 'a1000000-0000-4000-8000-000000000002', reason: '', message: '' }
        : { allowed: false, grantId: '', reason: 'OUTSIDE_SCOPE', message: '您的授权不包括该部门的事项' },
    createServiceAccount: async (req: identityV1.CreateServiceAccountRequest) => ({
      serviceAccount: {
        id: 'sa-1',
        tenant: req.tenant,
        department: req.department,
        clientId: req.clientId,
        description: req.description,
        status: identityV1.StaffStatus.STAFF_STATUS_ACTIVE,
        createdAt: at,
      },
      clientSecret: 's3cr3t',
    }),
  });
  return routeFixture('identity', fake, verifier);
}
