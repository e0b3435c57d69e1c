import { ValidationError } from '@govhall/errors';
import { complaintsV1 as C } from '@govhall/proto';
import {
  fakeService,
  fakeVerifier,
  routeFixture,
  startFakeGrpcServers,
  useRouteFixture,
} from '../../lib/fake-grpc-server.test-double';

const TENANT = '620321';
const NUMBER = 'TS6203212026120700001';
const SYSTEM = { authorization: 'Bearer system' };
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

const status = C.RequestStatus.fromPartial({
  number: NUMBER,
  tenant: TENANT,
  type: C.ComplaintType.COMPLAINT_TYPE_COMPLAINT,
  kind: C.ComplaintKind.COMPLAINT_KIND_EFFICIENCY,
  status: C.ComplaintStatus.COMPLAINT_STATUS_ACCEPTED,
  office: C.HandlingOffice.HANDLING_OFFICE_SUPERVISION,
  receivedAt: new Date('2026-12-07T02:00:00Z'),
  updatedAt: new Date('2026-12-07T03:00:00Z'),
  expectedBy: '2026-12-14',
});

const fx = useRouteFixture(async () =>
  routeFixture(
    'complaints',
    await startFakeGrpcServers([
      fakeService(C.ComplaintServiceService, {
        fileComplaint: async (req) => ({
          complaint: C.Complaint.fromPartial({ number: NUMBER, tenant: req.tenant, acceptBy: '2026-12-08' }),
        }),
        listRequestStatuses: async (req) => {
          if (req.from === '2026-01-01') {
            throw new ValidationError([{ path: 'to', reason: 'RANGE', message: '统计期间最长为90天' }]);
          }
          const answered = req.numbers.length === 0 || req.numbers.includes(NUMBER);
          return { statuses: answered ? [status] : [], page: { nextPageToken: '', total: answered ? 1 : 0 } };
        },
      }),
    ]),
    fakeVerifier(TENANT, { system: [] }),
  ),
);

describe('Open311 GeoReport v2 (ADR 0067)', () => {
  it('lists one service per complaint kind, in Chinese', async () => {
    const res = await fx.app.inject({ method: 'GET', url: `/open311/v2/services.json?jurisdiction_id=${TENANT}` });
    expect(res.statusCode).toBe(200);
    const list = res.json() as { service_code: string; service_name: string; metadata: boolean }[];
    expect(list.map((s) => s.service_code)).toEqual(['efficiency', 'law_enforcement', 'reconsideration', 'service']);
    expect(list[0]).toMatchObject({ service_name: '行政效能和工作作风', metadata: false, type: 'batch' });
  });

  it('asks for the jurisdiction when the deployment hosts more than one, as a GeoReport error list', async () => {
    const res = await fx.app.inject({ method: 'GET', url: '/open311/v2/services.json' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual([{ code: 400, description: 'jurisdiction_id: 请指定地区（6位行政区划代码）' }]);
  });

  it('files a form-encoded request through the complaints service as an Open311 complaint', async () => {
    const res = await fx.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { ...SYSTEM, ...FORM },
      payload: new URLSearchParams({
        jurisdiction_id: TENANT,
        service_code: 'efficiency',
        description: '窗口工作人员中午提前离岗，群众等候一个多小时。',
        first_name: '三',
        last_name: '张',
        phone: '13912345678',
        lat: '38.24',
        long: '101.97',
      }).toString(),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual([
      {
        service_request_id: NUMBER,
        service_notice: '已收到，2026-12-08前受理，受理后5个工作日内答复。',
        account_id: null,
      },
    ]);
    const sent = fx.lastCall();
    expect(sent.method).toBe('fileComplaint');
    expect(sent.authorization).toBe('Bearer system');
    expect(sent.request).toMatchObject({
      tenant: TENANT,
      type: C.ComplaintType.COMPLAINT_TYPE_COMPLAINT,
      kind: C.ComplaintKind.COMPLAINT_KIND_EFFICIENCY,
      channel: C.ComplaintChannel.COMPLAINT_CHANNEL_OPEN311,
      target: { kind: C.TargetKind.TARGET_KIND_NONE },
      complainant: { name: '张三', phone: '13912345678' },
    });
    expect(sent.request.requestId).toMatch(/^open311-/);
  });

  it('files a request without a name as a 举报', async () => {
    await fx.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: SYSTEM,
      payload: { jurisdiction_id: TENANT, service_code: 'service', description: '大厅饮水机长期无水，无人处理。' },
    });
    expect(fx.lastCall().request.type).toBe(C.ComplaintType.COMPLAINT_TYPE_REPORT);
  });

  it('refuses a request without a token or api_key, a bad api_key, or a short description, calling nothing', async () => {
    const post = (headers: Record<string, string>, body: Record<string, string>) =>
      fx.app.inject({
        method: 'POST',
        url: '/open311/v2/requests.json',
        headers: { ...FORM, ...headers },
        payload: new URLSearchParams({ jurisdiction_id: TENANT, service_code: 'efficiency', ...body }).toString(),
      });
    const long = { description: '窗口工作人员中午提前离岗，群众等候一个多小时。' };
    const none = await post({}, long);
    expect([none.statusCode, none.json()]).toEqual([
      403,
      [{ code: 403, description: '提交投诉需要部门系统服务账号的 api_key' }],
    ]);
    const malformed = await post({}, { ...long, api_key: 'no-colon' });
    expect(malformed.statusCode).toBe(403);
    expect(malformed.json()[0].description).toContain('客户端标识:客户端密钥');
    // Keycloak cannot be reached in this test: the key cannot be checked now, which is not the key's fault.
    const unreachable = await post({}, { ...long, api_key: 'ycx-open311:secret' });
    expect([unreachable.statusCode, unreachable.json()[0].code]).toEqual([503, 503]);
    const short = await post(SYSTEM, { description: '太慢' });
    expect(short.statusCode).toBe(400);
    expect(short.json()[0].description).toMatch(/^description: /);
    // The shared safe-text rule: no control characters in a description.
    const control = await post(SYSTEM, { description: '窗口工作人员中午提前离岗\u0007，群众等候一个多小时。' });
    expect([control.statusCode, control.json()[0].description]).toEqual([400, expect.stringMatching(/^description: /)]);
    expect(fx.fake.calls).toEqual([]);
  });

  it('answers where requests stand: by number, open or closed, in GeoReport’s words', async () => {
    const res = await fx.app.inject({
      method: 'GET',
      url: `/open311/v2/requests.json?jurisdiction_id=${TENANT}&service_request_id=${NUMBER},TS6203212026120799999&status=open`,
    });
    expect(res.statusCode).toBe(200);
    expect(fx.lastCall().request).toMatchObject({
      tenant: TENANT,
      numbers: [NUMBER, 'TS6203212026120799999'],
      state: C.RequestState.REQUEST_STATE_OPEN,
    });
    expect(res.json()).toEqual([
      expect.objectContaining({
        service_request_id: NUMBER,
        status: 'open',
        status_notes: '已受理',
        service_code: 'efficiency',
        agency_responsible: '效能监察室',
        requested_datetime: '2026-12-07T02:00:00.000Z',
        updated_datetime: '2026-12-07T03:00:00.000Z',
        expected_datetime: '2026-12-14T23:59:59+08:00',
      }),
    ]);
  });

  it('reads dates as China days; a period the service refuses is an error list naming the field', async () => {
    await fx.app.inject({
      method: 'GET',
      url: `/open311/v2/requests.json?jurisdiction_id=${TENANT}&start_date=2026-11-30T16:00:00Z&end_date=2026-12-06T15:59:59Z`,
    });
    expect(fx.lastCall().request).toMatchObject({ from: '2026-12-01', to: '2026-12-06' });
    const refused = await fx.app.inject({
      method: 'GET',
      url: `/open311/v2/requests.json?jurisdiction_id=${TENANT}&start_date=2026-01-01T00:00:00%2B08:00`,
    });
    expect([refused.statusCode, refused.json()]).toEqual([400, [{ code: 400, description: 'to: 统计期间最长为90天' }]]);
  });

  it('one request by its number; an unknown number is 404', async () => {
    const one = await fx.app.inject({
      method: 'GET',
      url: `/open311/v2/requests/${NUMBER}.json?jurisdiction_id=${TENANT}`,
    });
    expect([one.statusCode, one.json()[0].service_request_id]).toEqual([200, NUMBER]);
    const unknown = await fx.app.inject({
      method: 'GET',
      url: `/open311/v2/requests/TS6203212026120799999.json?jurisdiction_id=${TENANT}`,
    });
    expect([unknown.statusCode, unknown.json()]).toEqual([404, [{ code: 404, description: '找不到该投诉编号' }]]);
  });
});
