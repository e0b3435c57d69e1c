/**
 * The co-department windows of the local demo's 联办件. Joint review assigns a co-department's task to its window
 * lead (J5): the person identity says serves the department's first window today (src/adapters/identity). Identity's
 * seed opens windows of 市场监管 (SCJG) only and seats every window clerk there, so no co-department of the seed
 * catalogue's joint items would have anyone to answer. This seeds them, through identity's API as the center
 * administrator: for each co-department of the seeded joint items of 永昌县 (`coDepartments` in
 * services/catalogue/src/seed/items/) — 卫生健康局 (开办宾馆一件事), 公安局, 人力资源和社会保障局 and 税务局 (企业开办一件事),
 * 自然资源局 and 住房和城乡建设局 — a department window with two window clerks on its A and B posts.
 */

export interface CoDepartmentClerk {
  username: string;
  displayName: string;
  phone: string;
}

export interface CoDepartmentWindowSpec {
  tenant: string;
  department: string;
  number: string;
  name: string;
  location: string;
  aPost: CoDepartmentClerk;
  bPost: CoDepartmentClerk;
  /** The center administrator (center_admin of the tenant) who creates the staff and the window. */
  admin: string;
}

/** One co-department window of 永昌县 (620321), run by yc-admin, with clerks `ycx-<abbreviation>-clerk` and `-clerk-b`. */
function yongchangWindow(
  abbreviation: string,
  departmentName: string,
  number: string,
  name: string,
  location: string,
  phones: [string, string],
): CoDepartmentWindowSpec {
  const clerk = (post: 'A' | 'B', suffix: string, phone: string): CoDepartmentClerk => ({
    username: `ycx-${abbreviation.toLowerCase()}-clerk${suffix}`,
    displayName: `${departmentName}窗口人员（${post}岗）`,
    phone,
  });
  return {
    tenant: '620321',
    department: `620321-${abbreviation}`,
    number,
    name,
    location,
    aPost: clerk('A', '', phones[0]),
    bPost: clerk('B', '-b', phones[1]),
    admin: 'yc-admin',
  };
}

export const DEMO_CO_DEPARTMENT_WINDOWS: readonly CoDepartmentWindowSpec[] = [
  yongchangWindow('WJW', '永昌县卫生健康局', 'C01', '卫生健康窗口', '一楼大厅社会事务区', [
    '13909352101',
    '13909352102',
  ]),
  yongchangWindow('GAJ', '永昌县公安局', 'C02', '公安窗口', '一楼大厅社会事务区', ['13909352103', '13909352104']),
  yongchangWindow('RSJ', '永昌县人力资源和社会保障局', 'C03', '人力资源和社会保障窗口', '一楼大厅社会事务区', [
    '13909352105',
    '13909352106',
  ]),
  yongchangWindow('SWJ', '国家税务总局永昌县税务局', 'C04', '税务窗口', '一楼大厅涉税服务区', [
    '13909352107',
    '13909352108',
  ]),
  yongchangWindow('ZRZY', '永昌县自然资源局', 'C05', '自然资源窗口', '二楼大厅工程建设区', [
    '13909352109',
    '13909352110',
  ]),
  yongchangWindow('ZJJ', '永昌县住房和城乡建设局', 'C06', '住房和城乡建设窗口', '二楼大厅工程建设区', [
    '13909352111',
    '13909352112',
  ]),
];

/** What the seed needs of identity: CreateStaff (idempotent per username) and CreateWindow, as the named login. */
export interface CoDepartmentApi {
  createStaff(
    request: {
      tenant: string;
      department: string;
      username: string;
      displayName: string;
      phone: string;
      roles: string[];
      initialPassword: string;
      permanentPassword: boolean;
    },
    as: string,
  ): Promise<{ id: string; username: string; department: string; active: boolean }>;
  /** Creates the window; false when the tenant already has a window of that number (a repeat of the seed). */
  createWindow(
    request: {
      tenant: string;
      number: string;
      name: string;
      department: string;
      servesDepartments: string[];
      aPostStaffId: string;
      bPostStaffId: string;
      location: string;
    },
    as: string,
  ): Promise<boolean>;
}

/**
 * The two window clerks (window_clerk of the co-department, with the demo password as a permanent one) and their
 * department window. Idempotent: staff are found again by username, a window number already taken is left alone.
 * Returns the usernames for the login sheet.
 */
export async function ensureCoDepartmentWindow(
  api: CoDepartmentApi,
  password: string,
  spec: CoDepartmentWindowSpec,
): Promise<{ aPost: string; bPost: string; created: boolean }> {
  const ids: string[] = [];
  for (const clerk of [spec.aPost, spec.bPost]) {
    const staff = await api.createStaff(
      {
        tenant: spec.tenant,
        department: spec.department,
        username: clerk.username,
        displayName: clerk.displayName,
        phone: clerk.phone,
        roles: ['window_clerk'],
        initialPassword: password,
        permanentPassword: true,
      },
      spec.admin,
    );
    if (!staff.active || staff.department !== spec.department) {
      throw new Error(`staff ${clerk.username} is not an active member of ${spec.department}`);
    }
    ids.push(staff.id);
  }
  const created = await api.createWindow(
    {
      tenant: spec.tenant,
      number: spec.number,
      name: spec.name,
      department: spec.department,
      servesDepartments: [spec.department],
      aPostStaffId: ids[0]!,
      bPostStaffId: ids[1]!,
      location: spec.location,
    },
    spec.admin,
  );
  return { aPost: spec.aPost.username, bPost: spec.bPost.username, created };
}
