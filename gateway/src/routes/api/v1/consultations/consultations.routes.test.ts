import { ForbiddenError, ValidationError } from '@govhall/errors';
import { complaintsV1 as C } from '@govhall/proto';
import {
  fakeService,
  fakeVerifier,
  routeFixture,
  startFakeGrpcServers,
  useRouteFixture,
} from '../../../../lib/fake-grpc-server.test-double';

const TENANT = '620321';
const ID = '7b0f3c2e-1d4a-4e8b-9c6f-2a5d8e1b3c4f';
const CITIZEN = { authorization: 'Bearer citizen' };
const CLERK = { authorization: 'Bearer clerk' };
const HEAD = { authorization: 'Bearer head' };

const consultation = C.Consultation.fromPartial({
  id: ID,
  number: 'ZX6203212026120700001',
  tenant: TENANT,
  kind: C.ConsultationKind.CONSULTATION_KIND_QUESTION,
  channel: C.ConsultationChannel.CONSULTATION_CHANNEL_ONLINE,
  itemId: 'item-food',
  itemName: '食品经营许可',
  itemCode: 'SPJY00000001',
  department: '620321-SCJG',
  visibility: C.ConsultationVisibility.CONSULTATION_VISIBILITY_PUBLIC,
  question: '个体工商户办理食品经营许可需要现场核查吗？',
  status: C.ConsultationStatus.CONSULTATION_STATUS_OPEN,
  askedAt: new Date('2026-12-07T02:00:00Z'),
  version: 1,
});

const fx = useRouteFixture(async () =>
  routeFixture(
    'complaints',
    await startFakeGrpcServers([
      fakeService(C.ConsultationServiceService, {
        askConsultation: async (req) => {
          if (req.itemId === 'elsewhere') {
            throw new ValidationError([{ path: 'itemId', reason: 'NOT_FOUND', message: '在该地区找不到该事项' }]);
          }
          return { consultation: { ...consultation, question: req.question } };
        },
        getConsultation: async () => ({ consultation }),
        listPublicConsultations: async () => ({ consultations: [consultation], page: { nextPageToken: '', total: 1 } }),
        listMyConsultations: async () => ({ consultations: [consultation], page: { nextPageToken: '', total: 1 } }),
        listConsultationQueue: async () => ({ consultations: [consultation], page: { nextPageToken: '', total: 1 } }),
        answerConsultation: async (req) => ({
          consultation: {
            ...consultation,
            status: C.ConsultationStatus.CONSULTATION_STATUS_ANSWERED,
            answer: {
              text: req.text,
              answeredBy: 'yc-clerk',
              answererName: '王清',
              answeredAt: new Date('2026-12-07T03:00:00Z'),
            },
            version: 2,
          },
        }),
        curateConsultation: async () => {
          throw new ForbiddenError('NOT_CURATOR', '只有该事项所属部门的负责人或中心管理员可以整理常见问题');
        },
        listItemFaqs: async () => ({
          faqs: [
            {
              consultationId: ID,
              question: '需要现场核查吗？',
              answer: '需要。',
              curatedAt: new Date('2026-12-07T04:00:00Z'),
            },
          ],
        }),
      }),
    ]),
    fakeVerifier(TENANT, { citizen: ['applicant'], clerk: ['window_clerk'], head: ['department_head'] }),
  ),
);

const asking = (over: object = {}) => ({
  tenant: TENANT,
  kind: 'question',
  itemId: 'item-food',
  visibility: 'public',
  question: '个体工商户办理食品经营许可需要现场核查吗？',
  requestId: 'req-zx-00000001',
  ...over,
});

describe('consultation routes', () => {
  it('a signed-in person asks: 201 with the consultation, the kind and channel as the service spells them', async () => {
    const res = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/consultations',
      headers: CITIZEN,
      payload: asking(),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().consultation).toMatchObject({
      number: 'ZX6203212026120700001',
      kind: 'question',
      channel: 'online',
      visibility: 'public',
      itemCode: 'SPJY00000001',
      status: 'open',
      answer: null,
      faq: null,
    });
    expect(fx.lastCall().request).toMatchObject({
      kind: C.ConsultationKind.CONSULTATION_KIND_QUESTION,
      channel: C.ConsultationChannel.CONSULTATION_CHANNEL_ONLINE,
      visibility: C.ConsultationVisibility.CONSULTATION_VISIBILITY_PUBLIC,
    });
  });

  it('refuses an anonymous asker, a short question and an unknown kind at their fields, calling nothing', async () => {
    const anonymous = await fx.app.inject({ method: 'POST', url: '/api/v1/consultations', payload: asking() });
    expect(anonymous.statusCode).toBe(401);
    const bad = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/consultations',
      headers: CITIZEN,
      payload: asking({ question: '多久？', kind: 'gossip' }),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect([...new Set((bad.json().errors as { path: string }[]).map((e) => e.path))].sort()).toEqual([
      'kind',
      'question',
    ]);
    expect(fx.fake.calls).toEqual([]);
  });

  it('the service’s refusal of an item reaches the field', async () => {
    const res = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/consultations',
      headers: CITIZEN,
      payload: asking({ itemId: 'elsewhere' }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ path: 'itemId', message: '在该地区找不到该事项' })]);
  });

  it('the department answers; an applicant may not (403 before the service)', async () => {
    const answer = { text: '需要，受理后5个工作日内现场核查。', expectedVersion: 1 };
    const refused = await fx.app.inject({
      method: 'POST',
      url: `/api/v1/consultations/${ID}/answer`,
      headers: CITIZEN,
      payload: answer,
    });
    expect(refused.statusCode).toBe(403);
    const res = await fx.app.inject({
      method: 'POST',
      url: `/api/v1/consultations/${ID}/answer`,
      headers: CLERK,
      payload: answer,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().consultation.answer).toMatchObject({
      answererName: '王清',
      answeredAt: '2026-12-07T03:00:00.000Z',
    });
  });

  it('lists the room, mine and the queue; the FAQ is public; the service’s refusal to curate is 403', async () => {
    for (const url of [`/api/v1/consultations/public?tenant=${TENANT}`, '/api/v1/consultations/mine']) {
      const res = await fx.app.inject({ method: 'GET', url, headers: CITIZEN });
      expect([res.statusCode, res.json().total]).toEqual([200, 1]);
    }
    expect(
      (await fx.app.inject({ method: 'GET', url: '/api/v1/consultations/queue', headers: CITIZEN })).statusCode,
    ).toBe(403);
    const queue = await fx.app.inject({
      method: 'GET',
      url: '/api/v1/consultations/queue?status=open',
      headers: CLERK,
    });
    expect(queue.statusCode).toBe(200);
    expect(fx.lastCall().request.status).toBe(C.ConsultationStatus.CONSULTATION_STATUS_OPEN);
    const faqs = await fx.app.inject({
      method: 'GET',
      url: `/api/v1/consultations/faqs?tenant=${TENANT}&itemCode=SPJY00000001`,
    });
    expect(faqs.json()).toEqual({
      faqs: [
        { consultationId: ID, question: '需要现场核查吗？', answer: '需要。', curatedAt: '2026-12-07T04:00:00.000Z' },
      ],
    });
    const curate = await fx.app.inject({
      method: 'POST',
      url: `/api/v1/consultations/${ID}/faq`,
      headers: HEAD,
      payload: { question: '需要现场核查吗？', answer: '需要。', expectedVersion: 2 },
    });
    expect([curate.statusCode, curate.json().code]).toEqual([403, 'NOT_CURATOR']);
  });
});
