import { DEMO_CO_DEPARTMENT_WINDOWS, ensureCoDepartmentWindow, type CoDepartmentApi } from './co-department-window';

const WJW = DEMO_CO_DEPARTMENT_WINDOWS[0]!;

type StaffRequest = Parameters<CoDepartmentApi['createStaff']>[0];
type WindowRequest = Parameters<CoDepartmentApi['createWindow']>[0];

/** identity as the seed sees it: CreateStaff finds a username again, a window number is taken once. */
function fakeIdentity(staffAnswer: (r: StaffRequest) => { department?: string; active?: boolean } = () => ({})) {
  const staff: { request: StaffRequest; as: string }[] = [];
  const windows: { request: WindowRequest; as: string }[] = [];
  const api: CoDepartmentApi = {
    createStaff(request, as) {
      staff.push({ request, as });
      return Promise.resolve({
        id: `id-${request.username}`,
        username: request.username,
        department: request.department,
        active: true,
        ...staffAnswer(request),
      });
    },
    createWindow(request, as) {
      windows.push({ request, as });
      return Promise.resolve(!windows.slice(0, -1).some((w) => w.request.number === request.number));
    },
  };
  return { api, staff, windows };
}

describe('joint-review demo seed: the co-department window', () => {
  it('seats two window clerks in 永昌县卫生健康局 and opens its window with them on the A and B posts, as yc-admin', async () => {
    const { api, staff, windows } = fakeIdentity();
    await expect(ensureCoDepartmentWindow(api, 'Demo@2026', WJW)).resolves.toEqual({
      aPost: 'ycx-wjw-clerk',
      bPost: 'ycx-wjw-clerk-b',
      created: true,
    });
    expect(staff.map((s) => [s.as, s.request.username, s.request.department, s.request.roles])).toEqual([
      ['yc-admin', 'ycx-wjw-clerk', '620321-WJW', ['window_clerk']],
      ['yc-admin', 'ycx-wjw-clerk-b', '620321-WJW', ['window_clerk']],
    ]);
    expect(staff.every((s) => s.request.initialPassword === 'Demo@2026' && s.request.permanentPassword)).toBe(true);
    expect(windows).toEqual([
      {
        as: 'yc-admin',
        request: {
          tenant: '620321',
          number: 'C01',
          name: '卫生健康窗口',
          department: '620321-WJW',
          servesDepartments: ['620321-WJW'],
          aPostStaffId: 'id-ycx-wjw-clerk',
          bPostStaffId: 'id-ycx-wjw-clerk-b',
          location: WJW.location,
        },
      },
    ]);
  });

  it('leaves the window alone on a repeat', async () => {
    const { api } = fakeIdentity();
    await ensureCoDepartmentWindow(api, 'Demo@2026', WJW);
    await expect(ensureCoDepartmentWindow(api, 'Demo@2026', WJW)).resolves.toMatchObject({ created: false });
  });

  it('stops before the window when a clerk is not an active member of the department', async () => {
    const inactive = fakeIdentity((r) => (r.username === 'ycx-wjw-clerk-b' ? { active: false } : {}));
    await expect(ensureCoDepartmentWindow(inactive.api, 'Demo@2026', WJW)).rejects.toThrow(
      'staff ycx-wjw-clerk-b is not an active member of 620321-WJW',
    );
    expect(inactive.windows).toEqual([]);
    const elsewhere = fakeIdentity(() => ({ department: '620321-SCJG' }));
    await expect(ensureCoDepartmentWindow(elsewhere.api, 'Demo@2026', WJW)).rejects.toThrow(/ycx-wjw-clerk is not/);
  });

  it('gives every co-department of the seeded joint items of 永昌县 its own window and clerks', () => {
    expect(DEMO_CO_DEPARTMENT_WINDOWS.map((w) => [w.department, w.number, w.aPost.username, w.bPost.username])).toEqual(
      [
        ['620321-WJW', 'C01', 'ycx-wjw-clerk', 'ycx-wjw-clerk-b'],
        ['620321-GAJ', 'C02', 'ycx-gaj-clerk', 'ycx-gaj-clerk-b'],
        ['620321-RSJ', 'C03', 'ycx-rsj-clerk', 'ycx-rsj-clerk-b'],
        ['620321-SWJ', 'C04', 'ycx-swj-clerk', 'ycx-swj-clerk-b'],
        ['620321-ZRZY', 'C05', 'ycx-zrzy-clerk', 'ycx-zrzy-clerk-b'],
        ['620321-ZJJ', 'C06', 'ycx-zjj-clerk', 'ycx-zjj-clerk-b'],
      ],
    );
    expect(WJW.aPost.displayName).toBe('永昌县卫生健康局窗口人员（A岗）');
    const phones = DEMO_CO_DEPARTMENT_WINDOWS.flatMap((w) => [w.aPost.phone, w.bPost.phone]);
    expect(new Set(phones).size).toBe(phones.length);
  });
});
