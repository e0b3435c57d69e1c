import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@govhall/errors';
import { complaintsV1 as C } from '@govhall/proto';
import {
  fakeService,
  fakeVerifier,
  routeFixture,
  startFakeGrpcServers,
  useRouteFixture,
} from '../../../../lib/fake-grpc-server.test-double';
import { multipartFile } from '../../../../lib/multipart.test-double';

const TENANT = '620321';
const ID = '5d2c7b1e-4a8e-4d6b-9a51-3c2f0e9d7a10';
const CITIZEN = { authorization: 'Bearer citizen' };
const SUPERVISOR = { authorization: 'Bearer supervisor' };
const ADMIN = { authorization: 'Bearer admin' };
const CLERK = { authorization: 'Bearer clerk' };
const CHINESE = /[\u4e00-\u9fff]/;
const ATTACHMENT_ID = '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const photo = {
  id: ATTACHMENT_ID,
  fileName: '窗口照片.png',
  contentType: 'image/png',
  size: PNG.length,
  sha256: 'ab'.repeat(32),
  uploadedAt: new Date('2026-12-07T01:50:00.000Z'),
};

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
          if (req.attachmentIds.includes('theirs')) {
            throw new ValidationError([
              { path: 'attachmentIds[0]', reason: 'NOT_FOUND', message: '找不到该附件，或已随其他投诉提交' },
            ]);
          }
          if (req.channel === C.ComplaintChannel.COMPLAINT_CHANNEL_PHONE) {
            throw new ForbiddenError('ROLE_REQUIRED', '只有本地区的工作人员可以登记来访、来电、来信和意见箱投诉');
          }
          const attachments = req.attachmentIds.length > 0 ? [photo] : [];
          return { complaint: { ...complaint, content: req.content, attachmentIds: req.attachmentIds, attachments } };
        },
        uploadComplaintAttachment: async (req) => {
          if (req.content.length > 0 && req.content[0] !== 0x89) {
            throw new ValidationError([
              { path: 'content', reason: 'TYPE', message: '附件应为 JPEG、PNG 图片或 PDF 文件' },
            ]);
          }
          return { attachment: { ...photo, fileName: req.fileName, size: req.content.length } };
        },
        getComplaintAttachment: async (req) => {
          if (req.complaintId !== ID) throw new NotFoundError('COMPLAINT_NOT_FOUND', '找不到该投诉');
          if (req.attachmentId !== ATTACHMENT_ID) throw new NotFoundError('ATTACHMENT_NOT_FOUND', '该投诉没有这个附件');
          return { attachment: photo, content: PNG };
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

  describe('attachments', () => {
    const upload = (
      fields: Record<string, string>,
      content = PNG,
      headers: Record<string, string> = CITIZEN,
      fileName = '窗口照片.png',
    ) =>
      fx.app.inject({
        method: 'POST',
        url: '/api/v1/complaints/attachments',
        ...multipartFile(headers, { name: 'file', fileName, contentType: 'image/png', content }, fields),
      });

    it('a signed-in filer uploads a photo (multipart) and files it; the complaint lists it', async () => {
      const res = await upload({ tenant: TENANT });
      expect(res.statusCode).toBe(201);
      expect(fx.lastCall().request).toMatchObject({ tenant: TENANT, fileName: '窗口照片.png' });
      expect(Buffer.from(fx.lastCall().request.content).equals(PNG)).toBe(true);
      expect(res.json().attachment).toEqual({
        id: ATTACHMENT_ID,
        fileName: '窗口照片.png',
        contentType: 'image/png',
        size: PNG.length,
        sha256: 'ab'.repeat(32),
        uploadedAt: '2026-12-07T01:50:00.000Z',
      });
      const filed = await fx.app.inject({
        method: 'POST',
        url: '/api/v1/complaints',
        headers: CITIZEN,
        payload: filing({ attachmentIds: [ATTACHMENT_ID] }),
      });
      expect(filed.statusCode).toBe(201);
      expect(fx.lastCall().request.attachmentIds).toEqual([ATTACHMENT_ID]);
      expect(filed.json().complaint.attachments).toEqual([expect.objectContaining({ fileName: '窗口照片.png' })]);
    });

    it('refuses in Chinese at the field: anonymous, no tenant, a wrong type, six ids, someone else’s id', async () => {
      expect((await upload({ tenant: TENANT }, PNG, {})).statusCode).toBe(401);
      const before = fx.fake.calls.length;
      const noTenant = await upload({});
      expect([noTenant.statusCode, noTenant.json().errors[0].path]).toEqual([400, 'tenant']);
      expect(noTenant.json().errors[0].message).toMatch(CHINESE);
      expect(fx.fake.calls.length).toBe(before);
      const text = await upload({ tenant: TENANT }, Buffer.from('plain text'), CITIZEN, 'note.png');
      expect(text.statusCode).toBe(400);
      expect(text.json().errors).toEqual([expect.objectContaining({ path: 'file', reason: 'TYPE' })]);
      expect(text.json().errors[0].message).toMatch(CHINESE);
      const six = await fx.app.inject({
        method: 'POST',
        url: '/api/v1/complaints',
        headers: CITIZEN,
        payload: filing({ attachmentIds: ['a', 'b', 'c', 'd', 'e', 'f'] }),
      });
      expect([six.statusCode, six.json().errors[0].path]).toEqual([400, 'attachmentIds']);
      const theirs = await fx.app.inject({
        method: 'POST',
        url: '/api/v1/complaints',
        headers: CITIZEN,
        payload: filing({ attachmentIds: ['theirs'] }),
      });
      expect(theirs.statusCode).toBe(400);
      expect(theirs.json().errors).toEqual([
        expect.objectContaining({
          path: 'attachmentIds[0]',
          reason: 'NOT_FOUND',
          message: expect.stringMatching(CHINESE),
        }),
      ]);
    });

    it('downloads an attachment with its type and file name; another answers 404', async () => {
      const res = await fx.app.inject({
        url: `/api/v1/complaints/${ID}/attachments/${ATTACHMENT_ID}`,
        headers: SUPERVISOR,
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('image/png');
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="____.png"; filename*=UTF-8''${encodeURIComponent('窗口照片.png')}`,
      );
      expect(res.rawPayload.equals(PNG)).toBe(true);
      const other = await fx.app.inject({
        url: `/api/v1/complaints/${ID}/attachments/${ID}`,
        headers: SUPERVISOR,
      });
      expect([other.statusCode, other.json().code]).toEqual([404, 'ATTACHMENT_NOT_FOUND']);
      expect(
        (await fx.app.inject({ url: `/api/v1/complaints/${ID}/attachments/x`, headers: SUPERVISOR })).statusCode,
      ).toBe(400);
      expect((await fx.app.inject({ url: `/api/v1/complaints/${ID}/attachments/${ATTACHMENT_ID}` })).statusCode).toBe(
        401,
      );
    });
  });

  it('GET /attachments is 405 with Allow: POST, not taken for a complaint id', async () => {
    const res = await fx.app.inject({ url: '/api/v1/complaints/attachments', headers: SUPERVISOR });
    expect([res.statusCode, res.headers.allow]).toEqual([405, 'POST']);
  });
});
