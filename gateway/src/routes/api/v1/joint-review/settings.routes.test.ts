import { ConcurrencyError, ForbiddenError, PreconditionError, ValidationError } from '@govhall/errors';
import { jointReviewV1 as J } from '@govhall/proto';
import {
  fakeService,
  fakeVerifier,
  routeFixture,
  startFakeGrpcServers,
  useRouteFixture,
} from '../../../../lib/fake-grpc-server.test-double';

const SERIES = 'a2000000-0000-4000-8000-000000000001';
const PLAIN = 'a2000000-0000-4000-8000-000000000002';

const TENANT = '620321';
const at = new Date('2026-12-07T02:00:00.000Z');
const CENTER = { authorization: 'Bearer center' };
const CLERK = { authorization: 'Bearer clerk' };
const CHINESE = /[\u4e00-\u9fff]/;
const url = (path: string) => `/api/v1/joint-review${path}`;

const settings = J.JointReviewSettings.fromPartial({
  tenant: TENANT,
  leadRule: J.LeadRule.LEAD_RULE_FIRST_RECEIVING_WINDOW,
  defaultReviewWorkingDays: 4,
  escalationForwardWorkingDays: 0,
  escalationRoutes: [{ department: '620321-STHJ', targetDepartment: '620300-SJHJ' }],
  delegatedTransferWorkingDays: 1,
  delegatedReplyWorkingDays: 2,
  version: 1,
  updatedBy: 'yc-admin',
  updatedAt: at,
});
const flow = J.JointFlow.fromPartial({
  tenant: TENANT,
  itemSeriesId: SERIES,
  itemName: '食品生产许可',
  leadDepartment: '620321-SCJG',
  participants: [
    { department: '620321-XFJ', stage: 1, budgetWorkingDays: 3, required: true, formFields: ['fire.exits'] },
    { department: '620321-ZRZY', stage: 2, budgetWorkingDays: 3, required: false },
  ],
  configured: true,
  version: 1,
  updatedBy: 'yc-admin',
  updatedAt: at,
});

const fx = useRouteFixture(async () =>
  routeFixture(
    'jointReview',
    await startFakeGrpcServers([
      fakeService(J.JointReviewServiceService, {
        getJointReviewSettings: async (req: J.GetJointReviewSettingsRequest) => {
          if (req.tenant === '620302') throw new ForbiddenError('TENANT_OUT_OF_SCOPE', '不能查看其他地区的联办设置');
          return { settings };
        },
        updateJointReviewSettings: async (req: J.UpdateJointReviewSettingsRequest) => {
          if (req.expectedVersion === 7) throw new ConcurrencyError('联办设置已被他人修改，请刷新后重试');
          if (req.settings?.escalationRoutes.length === 2) {
            throw new ValidationError([
              { path: 'escalationRoutes.1.targetDepartment', reason: 'UNKNOWN', message: '接收部门不是上级地区的部门' },
            ]);
          }
          return { settings: { ...settings, version: 2 } };
        },
        getJointFlow: async (req: J.GetJointFlowRequest) => {
          if (req.itemSeriesId === PLAIN) {
            throw new PreconditionError('NOT_A_JOINT_ITEM', '该事项不是联办件，不能设置联办流程');
          }
          return { flow: { ...flow, configured: false, version: 0, updatedBy: '', updatedAt: undefined } };
        },
        putJointFlow: async (req: J.PutJointFlowRequest) => {
          if (req.flow?.participants.some((p) => p.department === '620321-GAJ')) {
            throw new ValidationError([
              {
                path: 'participants.0.department',
                reason: 'NOT_A_CO_DEPARTMENT',
                message: '该部门不是本事项的协办部门',
              },
              { path: 'itemSeriesId', reason: 'REQUIRED', message: '请指定事项' },
            ]);
          }
          return { flow };
        },
        listJointFlows: async () => ({ flows: [flow], page: { nextPageToken: '', total: 1 } }),
      }),
    ]),
    fakeVerifier(TENANT, { center: ['center_admin'], clerk: ['window_clerk'] }),
  ),
);

const settingsBody = {
  expectedVersion: 0,
  leadRule: 'first_receiving_window',
  defaultReviewWorkingDays: 4,
  escalationForwardWorkingDays: 0,
  escalationRoutes: [{ department: '620321-STHJ', targetDepartment: '620300-SJHJ' }],
  delegatedTransferWorkingDays: 1,
  delegatedReplyWorkingDays: 2,
};
const flowBody = {
  expectedVersion: 0,
  participants: [
    { department: '620321-XFJ', stage: 1, budgetWorkingDays: 3, required: true, formFields: ['fire.exits'] },
    { department: '620321-ZRZY', stage: 2, budgetWorkingDays: 3, required: false },
  ],
};

describe('joint-review settings routes', () => {
  it('reads the settings in REST spellings; another tenant is 403', async () => {
    const res = await fx.app.inject({ url: url(`/settings/${TENANT}`), headers: CLERK });
    expect(res.statusCode).toBe(200);
    expect(res.json().settings).toEqual({
      tenant: TENANT,
      leadRule: 'first_receiving_window',
      defaultReviewWorkingDays: 4,
      escalationForwardWorkingDays: 0,
      escalationRoutes: [{ department: '620321-STHJ', targetDepartment: '620300-SJHJ' }],
      delegatedTransferWorkingDays: 1,
      delegatedReplyWorkingDays: 2,
      version: 1,
      updatedBy: 'yc-admin',
      updatedAt: at.toISOString(),
    });
    const other = await fx.app.inject({ url: url('/settings/620302'), headers: CLERK });
    expect([other.statusCode, other.json().code]).toEqual([403, 'TENANT_OUT_OF_SCOPE']);
  });

  it('writes the settings in proto spellings for the center only; refusals keep their fields', async () => {
    const res = await fx.app.inject({
      method: 'PUT',
      url: url(`/settings/${TENANT}`),
      headers: CENTER,
      payload: settingsBody,
    });
    expect(res.statusCode).toBe(200);
    expect(fx.lastCall().request).toMatchObject({
      expectedVersion: 0,
      settings: {
        tenant: TENANT,
        leadRule: J.LeadRule.LEAD_RULE_FIRST_RECEIVING_WINDOW,
        escalationRoutes: [{ department: '620321-STHJ', targetDepartment: '620300-SJHJ' }],
        delegatedReplyWorkingDays: 2,
      },
    });
    expect(res.json().settings.version).toBe(2);

    const byClerk = await fx.app.inject({
      method: 'PUT',
      url: url(`/settings/${TENANT}`),
      headers: CLERK,
      payload: settingsBody,
    });
    expect(byClerk.statusCode).toBe(403);
    const tooLong = await fx.app.inject({
      method: 'PUT',
      url: url(`/settings/${TENANT}`),
      headers: CENTER,
      payload: { ...settingsBody, delegatedReplyWorkingDays: 11 },
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().errors[0]).toMatchObject({ path: 'delegatedReplyWorkingDays' });
    expect(tooLong.json().errors[0].message).toMatch(CHINESE);
    const badRoute = await fx.app.inject({
      method: 'PUT',
      url: url(`/settings/${TENANT}`),
      headers: CENTER,
      payload: {
        ...settingsBody,
        escalationRoutes: [
          ...settingsBody.escalationRoutes,
          { department: '620321-SCJG', targetDepartment: '620321-SCJG' },
        ],
      },
    });
    expect(badRoute.json().errors).toEqual([
      { path: 'escalationRoutes.1.targetDepartment', reason: 'UNKNOWN', message: '接收部门不是上级地区的部门' },
    ]);
    const stale = await fx.app.inject({
      method: 'PUT',
      url: url(`/settings/${TENANT}`),
      headers: CENTER,
      payload: { ...settingsBody, expectedVersion: 7 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().detail).toMatch(CHINESE);
  });
});

describe('joint flow routes', () => {
  it('reads an item’s flow (the default, configured false) and lists the configured ones', async () => {
    const res = await fx.app.inject({ url: url(`/flows/${TENANT}/${SERIES}`), headers: CLERK });
    expect(res.statusCode).toBe(200);
    expect(fx.lastCall().request).toEqual({ tenant: TENANT, itemSeriesId: SERIES });
    expect(res.json().flow).toMatchObject({ configured: false, version: 0, leadDepartment: '620321-SCJG' });
    expect(res.json().flow.updatedBy).toBeUndefined();
    const plain = await fx.app.inject({ url: url(`/flows/${TENANT}/${PLAIN}`), headers: CLERK });
    expect([plain.statusCode, plain.json().code]).toEqual([409, 'NOT_A_JOINT_ITEM']);
    const list = await fx.app.inject({ url: url('/flows?pageSize=10'), headers: CLERK });
    expect(fx.lastCall().request).toEqual({ tenant: '', page: { pageSize: 10, pageToken: '' } });
    expect(list.json()).toMatchObject({ flows: [{ itemSeriesId: SERIES, configured: true }], total: 1 });
  });

  it('puts a flow for the center with defaults filled; the service’s violations reach the body’s and path’s fields', async () => {
    const res = await fx.app.inject({
      method: 'PUT',
      url: url(`/flows/${TENANT}/${SERIES}`),
      headers: CENTER,
      payload: flowBody,
    });
    expect(res.statusCode).toBe(200);
    expect(fx.lastCall().request).toMatchObject({
      expectedVersion: 0,
      flow: {
        tenant: TENANT,
        itemSeriesId: SERIES,
        leadDepartment: '',
        leadWindowId: '',
        meetingExpected: false,
        participants: [
          { department: '620321-XFJ', stage: 1, formFields: ['fire.exits'], materialIds: [] },
          { department: '620321-ZRZY', stage: 2, required: false, formFields: [], materialIds: [] },
        ],
      },
    });
    expect(res.json().flow).toMatchObject({ configured: true, version: 1 });
    const byClerk = await fx.app.inject({
      method: 'PUT',
      url: url(`/flows/${TENANT}/${SERIES}`),
      headers: CLERK,
      payload: flowBody,
    });
    expect(byClerk.statusCode).toBe(403);
    const bad = await fx.app.inject({
      method: 'PUT',
      url: url(`/flows/${TENANT}/${SERIES}`),
      headers: CENTER,
      payload: { ...flowBody, participants: [{ ...flowBody.participants[0], department: '620321-GAJ' }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([
      { path: 'participants.0.department', reason: 'NOT_A_CO_DEPARTMENT', message: '该部门不是本事项的协办部门' },
      { path: 'params.itemSeriesId', reason: 'REQUIRED', message: '请指定事项' },
    ]);
    const stage0 = await fx.app.inject({
      method: 'PUT',
      url: url(`/flows/${TENANT}/${SERIES}`),
      headers: CENTER,
      payload: { ...flowBody, participants: [{ ...flowBody.participants[0], stage: 0 }] },
    });
    expect(stage0.statusCode).toBe(400);
    expect(stage0.json().errors[0].path).toBe('participants.0.stage');
  });
});
