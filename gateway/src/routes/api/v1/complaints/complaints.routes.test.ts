import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@govhall/errors';
import { complaintsV1 as C } from '@govhall/proto';
import {
  fakeService,
  fakeVerifier,
  routeFixture,
  startFakeGrpcServers,
  useRouteFixture,
} from '../../../../lib/fake-grpc-server.test-double';

const TENANT = '620321';
const ID = '5d2c7b1e-4a8e-4d6b-9a51-3c2f0e9d7a10';
const CITIZEN = { authorization: 'Bearer citizen' };
const SUPERVISOR = { authorization: 'Bearer supervisor' };
const ADMIN = { authorization: 'Bearer admin' };
const CLERK = { authorization: 'Bearer clerk' };
const CHINESE = /[\u4e00-\u9fff]/;

const complaint = C.Complaint.fromPartial({
  id: ID,
  number: 'TS6203212026120700001',
  tenant: TENANT,
  type: C.ComplaintType.COMPLAINT_TYPE_COMPLAINT,
  kind: C.ComplaintKind.COMPLAINT_KIND_EFFICIENCY,
  channel: C.ComplaintChannel.COMPLAINT_CHANNEL_ONLINE,
  target: { kind: C.TargetKind.TARGET_KIND_WINDOW, id: 'w-3', name: '3号窗口（综合窗口）', department: '620321-SCJG' },
  content: '窗口让我反复补交同一份材料，浪费了三个上午。',
  complainant: { name: '张三', phone: '13912345678', email: '', subject: 'sub-applicant' },
  office: C.HandlingOffice.HANDLING_OFFICE_SUPERVISION,
  status: C.ComplaintStatus.COMPLAINT_STATUS_RECEIVED,
  receivedAt: new Date('2026-12-07T02:00:00.000Z'),
  acceptBy: '2026-12-08',
  version: 1,
});

const fx = useRouteFixture(async () =>
  routeFixture(
    'complaints',
    await startFakeGrpcServers([
      fakeService(C.ComplaintServiceService, {
        fileComplaint: async (req) => {
          if (req.target?.id === 'elsewhere') {
            throw new ValidationError([
              { path: 'target.id', reason: 'NOT_FOUND', message: '在该地区找不到所选的投诉对象' },
            ]);
          }
          if (req.channel === C.ComplaintChannel.COMPLAINT_CHANNEL_PHONE) {
            throw new ForbiddenError('ROLE_REQUIRED', '只有本地区的工作人员可以登记来访、来电、来信和意见箱投诉');
          }
          return { complaint: { ...complaint, content: req.content } };
        },
        getComplaint: async (req) => {
          if (req.id !== ID) throw new NotFoundError('COMPLAINT_NOT_FOUND', '找不到该投诉');
          return { complaint };
        },
        listComplaints: async () => ({ complaints: [complaint], page: { nextPageToken: '', total: 1 } }),
        listMyComplaints: async () => ({ complaints: [complaint], page: { nextPageToken: '', total: 1 } }),
        acceptComplaint: async (req) => {
          if (req.expectedVersion !== 1) throw new ConflictError('CONCURRENT_MODIFICATION', '已被他人修改');
          return { complaint: { ...complaint, status: C.ComplaintStatus.COMPLAINT_STATUS_ACCEPTED, version: 2 } };
        },
        rejectComplaint: async () => ({
          complaint: { ...complaint, status: C.ComplaintStatus.COMPLAINT_STATUS_REJECTED },
        }),
        replyComplaint: async (req) => ({
          complaint: {
            ...complaint,
            status: C.ComplaintStatus.COMPLAINT_STATUS_REPLIED,
            reply: {
              finding: req.finding,
              text: req.text,
              repliedBy: 'yc-sup',
              repliedAt: new Date('2026-12-08T02:00:00Z'),
            },
          },
        }),
        rateReply: async (req) => ({
          complaint: {
            ...complaint,
            status: C.ComplaintStatus.COMPLAINT_STATUS_CLOSED,
            satisfaction: req.satisfaction,
          },
        }),
        listPublishedOutcomes: async () => ({
          outcomes: [
            {
              number: complaint.number,
              tenant: TENANT,
              type: complaint.type,
              kind: complaint.kind,
              targetKind: C.TargetKind.TARGET_KIND_STAFF,
              targetName: '工作人员',
              content: '窗口让我反复补交同一份材料。',
              finding: C.ComplaintFinding.COMPLAINT_FINDING_JUSTIFIED,
              reply: '已批评教育。',
              receivedAt: new Date('2026-12-07T02:00:00Z'),
              repliedAt: new Date('2026-12-08T02:00:00Z'),
            },
          ],
          page: { nextPageToken: '', total: 1 },
        }),
        getComplaintChannel: async (req) => {
          if (req.tenant !== TENANT) throw new NotFoundError('CHANNEL_NOT_SET', '该地区尚未公布投诉渠道');
          return {
            channel: {
              tenant: TENANT,
              unit: '效能监察室',
              phone: '0935-7521234',
              address: '二楼',
              procedure: '一日内受理。',
              version: 1,
            },
          };
        },
        summarizeComplaints: async (req) => {
          if (req.tenant === '620302')
            throw new ForbiddenError('TENANT_OUT_OF_SCOPE', '只能查看本地区（及下级地区）的投诉');
          if (req.to < req.from) {
            throw new ValidationError([{ path: 'to', reason: 'BEFORE_FROM', message: '结束日期不能早于开始日期' }]);
          }
          return {
            summary: {
              total: 3,
              byStatus: [
                { status: C.ComplaintStatus.COMPLAINT_STATUS_RECEIVED, count: 2 },
                { status: C.ComplaintStatus.COMPLAINT_STATUS_CLOSED, count: 1 },
              ],
              byKind: [{ kind: C.ComplaintKind.COMPLAINT_KIND_EFFICIENCY, count: 3 }],
              byFinding: [{ finding: C.ComplaintFinding.COMPLAINT_FINDING_JUSTIFIED, count: 1 }],
              bySatisfaction: [{ satisfaction: C.ReplySatisfaction.REPLY_SATISFACTION_SATISFIED, count: 1 }],
              lateAcceptance: 1,
              lateReply: 0,
              overdue: [
                {
                  id: ID,
                  number: complaint.number,
                  kind: complaint.kind,
                  target: complaint.target,
                  office: complaint.office,
                  officeDepartment: '',
                  status: complaint.status,
                  clock: C.OverdueClock.OVERDUE_CLOCK_ACCEPT,
                  dueDay: '2026-12-08',
                },
              ],
              today: '2026-12-09',
              truncated: false,
            },
          };
        },
        setComplaintChannel: async (req) => ({
          channel: { ...req.channel!, version: Number(req.expectedVersion) + 1 },
        }),
      }),
    ]),
    fakeVerifier(TENANT, {
      citizen: ['applicant'],
      supervisor: ['supervisor'],
      admin: ['center_admin'],
      clerk: ['window_clerk'],
    }),
  ),
);

const filing = (over: object = {}) => ({
  tenant: TENANT,
  type: 'complaint',
  kind: 'efficiency',
  target: { kind: 'window', id: 'w-3' },
  content: '窗口让我反复补交同一份材料，浪费了三个上午。',
  complainant: { name: '张三', phone: '13912345678' },
  requestId: 'req-0000000001',
  ...over,
});

describe('complaints routes', () => {
  it('POST files a complaint, anonymously too, in the REST spelling; the request carries the enums', async () => {
    const res = await fx.app.inject({ method: 'POST', url: '/api/v1/complaints', payload: filing() });
    expect(res.statusCode).toBe(201);
    expect(fx.lastCall().request).toMatchObject({
      tenant: TENANT,
      type: C.ComplaintType.COMPLAINT_TYPE_COMPLAINT,
      kind: C.ComplaintKind.COMPLAINT_KIND_EFFICIENCY,
      channel: C.ComplaintChannel.COMPLAINT_CHANNEL_ONLINE,
      target: { kind: C.TargetKind.TARGET_KIND_WINDOW, id: 'w-3' },
      requestId: 'req-0000000001',
    });
    expect(res.json().complaint).toMatchObject({
      number: 'TS6203212026120700001',
      type: 'complaint',
      kind: 'efficiency',
      status: 'received',
      office: 'supervision',
      target: { kind: 'window', name: '3号窗口（综合窗口）' },
      reply: null,
      satisfaction: '',
    });
    const signedIn = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      headers: CITIZEN,
      payload: filing(),
    });
    expect(signedIn.statusCode).toBe(201);
  });

  it('refuses bad shapes at the edge in Chinese and maps the service’s refusals', async () => {
    const before = fx.fake.calls.length;
    const bad = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      payload: filing({ type: 'rumour', content: '太慢', requestId: 'x', extra: 1 }),
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['type', 'content', 'requestId']));
    for (const e of bad.json().errors) expect(e.message).toMatch(CHINESE);
    expect(fx.fake.calls.length).toBe(before);
    const elsewhere = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      payload: filing({ target: { kind: 'staff', id: 'elsewhere' } }),
    });
    expect([elsewhere.statusCode, elsewhere.json().errors[0].path]).toEqual([400, 'target.id']);
    const call = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      headers: CITIZEN,
      payload: filing({ channel: 'phone' }),
    });
    expect(call.statusCode).toBe(403);
  });

  it('the office lists, reads, accepts, refuses and answers; the complainant votes', async () => {
    const list = await fx.app.inject({
      url: '/api/v1/complaints?from=2026-12-01&to=2026-12-31&status=received&kind=efficiency',
      headers: SUPERVISOR,
    });
    expect(list.statusCode).toBe(200);
    expect(fx.lastCall().request).toMatchObject({
      from: '2026-12-01',
      statuses: [C.ComplaintStatus.COMPLAINT_STATUS_RECEIVED],
      kind: C.ComplaintKind.COMPLAINT_KIND_EFFICIENCY,
    });
    expect(list.json()).toMatchObject({ total: 1, complaints: [{ id: ID }] });
    expect(
      (await fx.app.inject({ url: '/api/v1/complaints?from=2026-12-01&to=2026-12-31', headers: CLERK })).statusCode,
    ).toBe(403);
    expect((await fx.app.inject({ url: `/api/v1/complaints/${ID}`, headers: CITIZEN })).json().complaint.id).toBe(ID);
    const missing = await fx.app.inject({ url: `/api/v1/complaints/${ID.replace('5d', '00')}`, headers: CITIZEN });
    expect([missing.statusCode, missing.json().code]).toEqual([404, 'COMPLAINT_NOT_FOUND']);
    const post = (path: string, payload: object, headers = SUPERVISOR) =>
      fx.app.inject({ method: 'POST', url: `/api/v1/complaints/${ID}/${path}`, headers, payload });
    expect((await post('acceptance', { expectedVersion: 1 })).json().complaint.status).toBe('accepted');
    expect((await post('acceptance', { expectedVersion: 2 })).statusCode).toBe(409);
    expect((await post('acceptance', { expectedVersion: 1 }, CITIZEN)).statusCode).toBe(403);
    expect(
      (await post('rejection', { expectedVersion: 1, reason: '不属于本中心受理范围' })).json().complaint.status,
    ).toBe('rejected');
    const replied = await post('reply', { expectedVersion: 2, finding: 'justified', text: '已批评教育。' });
    expect(fx.lastCall().request).toMatchObject({ finding: C.ComplaintFinding.COMPLAINT_FINDING_JUSTIFIED });
    expect(replied.json().complaint.reply).toMatchObject({ finding: 'justified', text: '已批评教育。' });
    expect((await post('reply', { expectedVersion: 2, finding: 'great', text: '' })).statusCode).toBe(400);
    const voted = await post('satisfaction', { satisfaction: 'satisfied' }, CITIZEN);
    expect(voted.json().complaint).toMatchObject({ status: 'closed', satisfaction: 'satisfied' });
    expect((await fx.app.inject({ url: '/api/v1/complaints/mine', headers: CITIZEN })).json().total).toBe(1);
  });

  it('anyone reads the published outcomes and the channel; a center administrator sets the channel', async () => {
    const outcomes = await fx.app.inject({ url: `/api/v1/complaints/outcomes?tenant=${TENANT}` });
    expect(outcomes.json().outcomes[0]).toMatchObject({
      targetKind: 'staff',
      targetName: '工作人员',
      finding: 'justified',
    });
    expect((await fx.app.inject({ url: '/api/v1/complaints/outcomes' })).statusCode).toBe(400);
    expect((await fx.app.inject({ url: `/api/v1/complaints/channels/${TENANT}` })).json().channel.unit).toBe(
      '效能监察室',
    );
    expect((await fx.app.inject({ url: '/api/v1/complaints/channels/620302' })).json().code).toBe('CHANNEL_NOT_SET');
    const body = {
      unit: '永昌县政务服务中心效能监察室',
      phone: '0935-7521234',
      address: '政务服务中心二楼',
      procedure: '当场登记，1个工作日内受理，5个工作日内答复。',
      expectedVersion: 0,
    };
    const put = (headers: Record<string, string>) =>
      fx.app.inject({ method: 'PUT', url: `/api/v1/complaints/channels/${TENANT}`, headers, payload: body });
    expect((await put(SUPERVISOR)).statusCode).toBe(403);
    const set = await put(ADMIN);
    expect(set.json().channel).toMatchObject({ tenant: TENANT, version: 1 });
  });

  it('GET /summary: the figures for the supervision office and the center, refusals in Chinese', async () => {
    const res = await fx.app.inject({
      url: '/api/v1/complaints/summary?from=2026-12-01&to=2026-12-31',
      headers: SUPERVISOR,
    });
    expect(res.statusCode).toBe(200);
    expect(fx.lastCall().request).toEqual({ tenant: '', from: '2026-12-01', to: '2026-12-31' });
    expect(res.json()).toEqual({
      total: 3,
      byStatus: [
        { status: 'received', count: 2 },
        { status: 'closed', count: 1 },
      ],
      byKind: [{ kind: 'efficiency', count: 3 }],
      byFinding: [{ finding: 'justified', count: 1 }],
      bySatisfaction: [{ satisfaction: 'satisfied', count: 1 }],
      lateAcceptance: 1,
      lateReply: 0,
      overdue: [
        {
          id: ID,
          number: 'TS6203212026120700001',
          kind: 'efficiency',
          target: { kind: 'window', id: 'w-3', name: '3号窗口（综合窗口）', department: '620321-SCJG' },
          office: 'supervision',
          officeDepartment: '',
          status: 'received',
          clock: 'accept',
          dueDay: '2026-12-08',
        },
      ],
      today: '2026-12-09',
      truncated: false,
    });
    expect(JSON.stringify(res.json())).not.toContain('张三');
    const admin = await fx.app.inject({
      url: '/api/v1/complaints/summary?from=2026-12-01&to=2026-12-31',
      headers: ADMIN,
    });
    expect(admin.statusCode).toBe(200);
    const before = fx.fake.calls.length;
    for (const headers of [CITIZEN, CLERK]) {
      const refused = await fx.app.inject({ url: '/api/v1/complaints/summary?from=2026-12-01&to=2026-12-31', headers });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().detail ?? refused.json().title).toMatch(CHINESE);
    }
    expect((await fx.app.inject({ url: '/api/v1/complaints/summary?from=2026-12-01&to=2026-12-31' })).statusCode).toBe(
      401,
    );
    const bad = await fx.app.inject({
      url: '/api/v1/complaints/summary?from=2026-13-01&tenant=abc',
      headers: SUPERVISOR,
    });
    expect(bad.statusCode).toBe(400);
    for (const e of bad.json().errors) expect(e.message).toMatch(CHINESE);
    expect(fx.fake.calls.length).toBe(before);
    const reversed = await fx.app.inject({
      url: '/api/v1/complaints/summary?from=2026-12-31&to=2026-12-01',
      headers: SUPERVISOR,
    });
    expect([reversed.statusCode, reversed.json().errors[0]]).toEqual([
      400,
      expect.objectContaining({ path: 'to', message: '结束日期不能早于开始日期' }),
    ]);
    const elsewhere = await fx.app.inject({
      url: '/api/v1/complaints/summary?tenant=620302&from=2026-12-01&to=2026-12-31',
      headers: SUPERVISOR,
    });
    expect([elsewhere.statusCode, elsewhere.json().code]).toEqual([403, 'TENANT_OUT_OF_SCOPE']);
  });
});
