import type { Principal, Role } from '@govhall/auth';
import { ConcurrencyError, ForbiddenError, NotFoundError, PreconditionError, ValidationError } from '@govhall/errors';
import type { JointFlowContent } from '../../domain/reviews/joint-flow';
import type { ReviewSettingsContent } from '../../domain/reviews/review-settings';
import { getJointFlowUseCase } from '../get-joint-flow/get-joint-flow.usecase';
import { getReviewSettingsUseCase } from '../get-review-settings/get-review-settings.usecase';
import { listJointFlowsUseCase } from '../list-joint-flows/list-joint-flows.usecase';
import type { ItemFacts } from '../ports';
import { putJointFlowUseCase } from '../put-joint-flow/put-joint-flow.usecase';
import { updateReviewSettingsUseCase } from '../update-review-settings/update-review-settings.usecase';
import { InMemoryFlows, InMemorySettings } from './in-memory-settings.test-double';
import type { SettingsDeps } from './settings.ports';

const TENANT = '620321';
const PARENT = '620300';
const SCJG = '620321-SCJG';
const XFJ = '620321-XFJ';
const ZRZY = '620321-ZRZY';
const STHJ = '620321-STHJ';
const now = new Date('2026-06-04T02:00:00Z');

function user(username: string, department: string, roles: Role[], tenant = TENANT): Principal {
  return { kind: 'user', subject: username, username, tenant, roles, department, clientId: 'govhall-workbench' };
}
const admin = user('yc.admin', '', ['center_admin']);
const otherAdmin = user('jc.admin', '', ['center_admin'], '620302');
const clerk = user('scjg.clerk', SCJG, ['window_clerk']);
const citizen: Principal = { ...user('citizen', '', ['applicant']) };

const item = (over: Partial<ItemFacts>): ItemFacts => ({
  itemId: 'series-joint',
  seriesId: 'series-joint',
  tenant: TENANT,
  name: '食品生产许可',
  department: SCJG,
  coDepartments: [XFJ, ZRZY, STHJ],
  promisedWorkingDays: 15,
  joint: true,
  ...over,
});
const ITEMS: Record<string, ItemFacts> = {
  'series-joint': item({}),
  'series-plain': item({ itemId: 'series-plain', seriesId: 'series-plain', name: '个体户登记', joint: false }),
  'series-elsewhere': item({ itemId: 'series-elsewhere', seriesId: 'series-elsewhere', tenant: '620302' }),
};

function world() {
  const settings = new InMemorySettings();
  const flows = new InMemoryFlows();
  const deps: SettingsDeps = {
    settings,
    flows,
    items: { get: async (id) => ITEMS[id] ?? null },
    duty: {
      hasDepartment: async (t, d) =>
        (t === TENANT && [SCJG, XFJ, ZRZY, STHJ].includes(d)) ||
        (t === PARENT && ['620300-SCJG', '620300-SJHJ'].includes(d)),
    },
    windows: {
      get: async (t, id) =>
        t === TENANT && id === 'w-scjg'
          ? { id, department: SCJG, comprehensive: false, servesDepartments: [SCJG] }
          : t === TENANT && id === 'w-xfj'
            ? { id, department: XFJ, comprehensive: false, servesDepartments: [XFJ] }
            : null,
    },
    tenants: { parentOf: async (t) => (t === TENANT ? PARENT : '') },
    clock: { now: () => now },
    hosted: new Set(),
  };
  return {
    settings,
    flows,
    get: getReviewSettingsUseCase(deps),
    update: updateReviewSettingsUseCase(deps),
    getFlow: getJointFlowUseCase(deps),
    putFlow: putJointFlowUseCase(deps),
    listFlows: listJointFlowsUseCase(deps),
  };
}

const content = (over: Partial<ReviewSettingsContent> = {}): ReviewSettingsContent => ({
  leadRule: 'first_receiving_window',
  defaultReviewWorkingDays: 4,
  escalationForwardWorkingDays: 3,
  escalationRoutes: [{ department: STHJ, targetDepartment: '620300-SJHJ' }],
  delegatedTransferWorkingDays: 2,
  delegatedReplyWorkingDays: 3,
  ...over,
});

const serial = (over: Partial<JointFlowContent> = {}): JointFlowContent => ({
  leadDepartment: '',
  leadWindowId: '',
  participants: [
    { department: XFJ, stage: 1, budgetWorkingDays: 5, required: true, formFields: ['fire.exits'], materialIds: [] },
    { department: ZRZY, stage: 2, budgetWorkingDays: 5, required: false, formFields: [], materialIds: ['m-1'] },
  ],
  meetingExpected: false,
  ...over,
});

async function violations(p: Promise<unknown>) {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ValidationError);
  return (e as ValidationError).violations.map((v) => [v.path, v.reason]);
}

describe('joint-review settings', () => {
  it('reads the defaults at version 0 until the center sets them; staff of the tenant read, others do not', async () => {
    const w = world();
    await expect(w.get({ tenant: '' }, clerk)).resolves.toMatchObject({
      tenant: TENANT,
      leadRule: 'designated_per_item',
      defaultReviewWorkingDays: 5,
      escalationForwardWorkingDays: 0,
      escalationRoutes: [],
      delegatedTransferWorkingDays: 1,
      delegatedReplyWorkingDays: 1,
      version: 0,
    });
    await expect(w.get({ tenant: TENANT }, otherAdmin)).rejects.toMatchObject({ code: 'TENANT_OUT_OF_SCOPE' });
    await expect(w.get({ tenant: TENANT }, citizen)).rejects.toMatchObject({ code: 'ROLE_REQUIRED' });
    await expect(w.get({ tenant: '62' }, admin)).rejects.toBeInstanceOf(ValidationError);
  });

  it('stores the center’s settings with a new version, who and when', async () => {
    const w = world();
    const stored = await w.update({ tenant: '', expectedVersion: 0, content: content() }, admin);
    expect(stored).toMatchObject({ ...content(), tenant: TENANT, version: 1, updatedBy: 'yc.admin', updatedAt: now });
    await expect(w.get({ tenant: TENANT }, clerk)).resolves.toEqual(stored);
    const again = await w.update(
      { tenant: TENANT, expectedVersion: 1, content: content({ escalationRoutes: [] }) },
      admin,
    );
    expect(again).toMatchObject({ version: 2, escalationRoutes: [] });
  });

  it('refuses a clerk, another tenant’s center and a stale version, and changes nothing', async () => {
    const w = world();
    await expect(w.update({ tenant: TENANT, expectedVersion: 0, content: content() }, clerk)).rejects.toMatchObject({
      code: 'ROLE_REQUIRED',
    });
    await expect(
      w.update({ tenant: TENANT, expectedVersion: 0, content: content() }, otherAdmin),
    ).rejects.toMatchObject({ code: 'TENANT_OUT_OF_SCOPE' });
    await expect(w.update({ tenant: TENANT, expectedVersion: 0, content: content() }, clerk)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(w.update({ tenant: TENANT, expectedVersion: 3, content: content() }, admin)).rejects.toBeInstanceOf(
      ConcurrencyError,
    );
    expect(w.settings.byTenant.size).toBe(0);
  });

  it('refuses budgets out of range and routes that name another tenant’s department, in Chinese', async () => {
    const w = world();
    const bad = content({
      defaultReviewWorkingDays: 61,
      escalationForwardWorkingDays: -1,
      delegatedTransferWorkingDays: 11,
      delegatedReplyWorkingDays: 0,
      escalationRoutes: [
        { department: '620302-SCJG', targetDepartment: '620300-SCJG' },
        { department: STHJ, targetDepartment: '620321-SCJG' },
        { department: STHJ, targetDepartment: '620300-SJHJ' },
      ],
    });
    expect(await violations(w.update({ tenant: TENANT, expectedVersion: 0, content: bad }, admin))).toEqual([
      ['defaultReviewWorkingDays', 'OUT_OF_RANGE'],
      ['escalationForwardWorkingDays', 'OUT_OF_RANGE'],
      ['delegatedTransferWorkingDays', 'OUT_OF_RANGE'],
      ['delegatedReplyWorkingDays', 'OUT_OF_RANGE'],
      ['escalationRoutes.0.department', 'UNKNOWN'],
      ['escalationRoutes.1.targetDepartment', 'UNKNOWN'],
      ['escalationRoutes.2.department', 'DUPLICATE'],
    ]);
    const e = await w.update({ tenant: TENANT, expectedVersion: 0, content: bad }, admin).catch((x: unknown) => x);
    expect((e as ValidationError).violations[0]!.message).toBe('默认审查时限应为1至60个工作日');
    expect(
      await violations(
        w.update({ tenant: TENANT, expectedVersion: 0, content: content({ leadRule: '' as never }) }, admin),
      ),
    ).toEqual([['leadRule', 'REQUIRED']]);
    expect(w.settings.byTenant.size).toBe(0);
  });

  it('checks a route’s target at a parent hosted here with identity, and names none at the top of the tree', async () => {
    const w = world();
    const top = { ...admin, tenant: PARENT };
    expect(
      await violations(
        w.update(
          {
            tenant: PARENT,
            expectedVersion: 0,
            content: content({ escalationRoutes: [{ department: '620300-SCJG', targetDepartment: '620000-SCJG' }] }),
          },
          top,
        ),
      ),
    ).toEqual([['escalationRoutes', 'UNKNOWN']]);
  });
});

describe('joint flows', () => {
  it('answers the default flow (configured false) until the center sets one: every co-department at once', async () => {
    const w = world();
    await w.update({ tenant: TENANT, expectedVersion: 0, content: content() }, admin);
    const flow = await w.getFlow({ tenant: '', itemSeriesId: 'series-joint' }, clerk);
    expect(flow).toMatchObject({ configured: false, version: 0, leadDepartment: SCJG, itemName: '食品生产许可' });
    expect(flow.participants).toEqual(
      [XFJ, ZRZY, STHJ].map((department) => ({
        department,
        stage: 1,
        budgetWorkingDays: 4,
        required: true,
        formFields: [],
        materialIds: [],
      })),
    );
  });

  it('stores a serial flow, answers it and lists it; a second write needs the version read', async () => {
    const w = world();
    const put = await w.putFlow(
      { tenant: TENANT, itemSeriesId: 'series-joint', expectedVersion: 0, content: serial({ leadWindowId: 'w-scjg' }) },
      admin,
    );
    expect(put).toMatchObject({ configured: true, version: 1, updatedBy: 'yc.admin', itemName: '食品生产许可' });
    await expect(w.getFlow({ tenant: TENANT, itemSeriesId: 'series-joint' }, clerk)).resolves.toEqual(put);
    await expect(w.listFlows({ tenant: '', page: { pageSize: 0, pageToken: '' } }, clerk)).resolves.toMatchObject({
      items: [put],
      totalSize: 1,
    });
    await expect(
      w.putFlow({ tenant: TENANT, itemSeriesId: 'series-joint', expectedVersion: 0, content: serial() }, admin),
    ).rejects.toBeInstanceOf(ConcurrencyError);
    await expect(
      w.putFlow({ tenant: TENANT, itemSeriesId: 'series-joint', expectedVersion: 1, content: serial() }, admin),
    ).resolves.toMatchObject({ version: 2, leadWindowId: '' });
  });

  it('refuses a department that is not a co-department, budgets over the promised limit and a foreign lead window', async () => {
    const w = world();
    const bad = serial({
      leadWindowId: 'w-xfj',
      participants: [
        {
          department: XFJ,
          stage: 1,
          budgetWorkingDays: 10,
          required: true,
          formFields: ['fire exits'],
          materialIds: [],
        },
        { department: '620321-GAJ', stage: 2, budgetWorkingDays: 6, required: true, formFields: [], materialIds: [] },
      ],
    });
    expect(
      await violations(
        w.putFlow({ tenant: TENANT, itemSeriesId: 'series-joint', expectedVersion: 0, content: bad }, admin),
      ),
    ).toEqual([
      ['participants.1.department', 'NOT_A_CO_DEPARTMENT'],
      ['participants', 'BUDGET_EXCEEDS_LIMIT'],
      ['leadWindowId', 'UNKNOWN'],
      ['participants.0.formFields', 'PATTERN'],
    ]);
    expect(w.flows.byKey.size).toBe(0);
  });

  it('refuses a clerk and another tenant’s center, an unknown series and an item that is not 联办件', async () => {
    const w = world();
    const put = (itemSeriesId: string, actor: Principal) =>
      w.putFlow({ tenant: TENANT, itemSeriesId, expectedVersion: 0, content: serial() }, actor);
    await expect(put('series-joint', clerk)).rejects.toMatchObject({ code: 'ROLE_REQUIRED' });
    await expect(put('series-joint', otherAdmin)).rejects.toMatchObject({ code: 'TENANT_OUT_OF_SCOPE' });
    await expect(put('series-elsewhere', admin)).rejects.toBeInstanceOf(NotFoundError);
    await expect(put('series-missing', admin)).rejects.toMatchObject({ code: 'ITEM_NOT_FOUND' });
    await expect(put('series-plain', admin)).rejects.toBeInstanceOf(PreconditionError);
    await expect(w.getFlow({ tenant: TENANT, itemSeriesId: 'series-plain' }, clerk)).rejects.toMatchObject({
      code: 'NOT_A_JOINT_ITEM',
    });
    await expect(
      w.listFlows({ tenant: TENANT, page: { pageSize: 0, pageToken: '' } }, otherAdmin),
    ).rejects.toMatchObject({
      code: 'TENANT_OUT_OF_SCOPE',
    });
    expect(w.flows.byKey.size).toBe(0);
  });
});
