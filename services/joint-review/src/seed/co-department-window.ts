/**
 * The co-department's window of the local demo's 联办件. Joint review assigns a co-department's task to its window
 * lead (J5): the person identity says serves the department's first window today (src/adapters/identity). Identity's
 * seed opens windows of 市场监管 (SCJG) only and seats every window clerk there, so no co-department of the seed
 * catalogue's joint items would have anyone to answer. This seeds one: 永昌县卫生健康局 (620321-WJW), the
 * co-department of 开办宾馆一件事（营业执照+公共场所卫生许可） (services/catalogue/src/seed/items/one-thing.ts), with its
 * window (C01) and two window clerks on its A and B posts, through identity's API as the center administrator.
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

export const DEMO_CO_DEPARTMENT_WINDOW: CoDepartmentWindowSpec = {
  tenant: '620321',
  department: '620321-WJW',
  number: 'C01',
  name: '卫生健康窗口',
  location: '一楼大厅社会事务区',
  aPost: { username: 'ycx-wjw-clerk', displayName: '永昌县卫生健康局窗口人员（A岗）', phone: '13909352101' },
  bPost: { username: 'ycx-wjw-clerk-b', displayName: '永昌县卫生健康局窗口人员（B岗）', phone: '13909352102' },
  admin: 'yc-admin',
};

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
  spec: CoDepartmentWindowSpec = DEMO_CO_DEPARTMENT_WINDOW,
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
