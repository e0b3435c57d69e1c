import { ForbiddenError, PreconditionError, UnauthenticatedError, ValidationError } from '@govhall/errors';
import { paymentsV1 as P } from '@govhall/proto';
import {
  fakeService,
  fakeVerifier,
  routeFixture,
  startFakeGrpcServers,
  useRouteFixture,
} from '../../../../lib/fake-grpc-server.test-double';

const TENANT = '620321';
const NOTICE_ID = 'e3000000-0000-4000-8000-000000000001';
const CASE_ID = 'e3000000-0000-4000-8000-000000000002';
const at = new Date('2026-12-05T02:00:00.000Z');
const ADMIN = { authorization: 'Bearer admin' };
const REVIEWER = { authorization: 'Bearer reviewer' };
const CLERK = { authorization: 'Bearer clerk' };
const APPLICANT = { authorization: 'Bearer applicant' };
const CHINESE = /[\u4e00-\u9fff]/;
const url = (path: string) => `/api/v1/payments${path}`;

const notice = P.Notice.fromPartial({
  id: NOTICE_ID,
  tenant: TENANT,
  caseId: CASE_ID,
  caseNumber: '6203212026120500001',
  itemName: '存量房转移登记',
  state: P.NoticeState.NOTICE_STATE_ISSUED,
  number: '永昌县政务服务中心缴〔2026〕00001号',
  paymentCode: '00000000079927398713',
  payerName: '张*',
  lines: [
    {
      feeCode: 'BDCDJ-ZZ',
      name: '不动产登记费（住宅类）',
      category: P.FeeCategory.FEE_CATEGORY_ADMINISTRATIVE,
      department: '620321-ZRZY',
      quantity: 1,
      standardFen: 8000,
      grossFen: 8000,
      reductions: [{ kind: P.Reduction_Kind.KIND_EXEMPT, amountFen: 8000, legalBasis: '财税〔2016〕' }],
      amountFen: 0,
    },
  ],
  parts: [{ department: '620321-ZRZY', assessedBy: 'zr-reviewer', assessedAt: at }],
  totalFen: 0,
  totalCapitals: '人民币零元整',
  deadline: '2026-12-20',
  issuedAt: at,
  version: 3,
  createdAt: at,
  updatedAt: at,
});

const fx = useRouteFixture(async () =>
  routeFixture(
    'payments',
    await startFakeGrpcServers([
      fakeService(P.PaymentsServiceService, {
        listFeeItems: async () => ({
          items: [
            P.FeeItem.fromPartial({
              tenant: TENANT,
              code: 'QS',
              name: '契税',
              category: P.FeeCategory.FEE_CATEGORY_TAX,
              formula: 'property.price * 0.015',
              active: true,
              version: 2,
              updatedAt: at,
            }),
          ],
        }),
        putFeeItem: async () => {
          throw new ValidationError([
            { path: 'item.formula', reason: 'NOT_ALLOWED', message: '公式中不能使用函数调用' },
          ]);
        },
        assessFees: async () => {
          throw new ValidationError([
            {
              path: 'lines.0.feeCode',
              reason: 'NOT_A_LINE_OF_YOURS',
              message: '该收费项目不是本事项中由本部门执收的项目',
            },
          ]);
        },
        getNotice: async () => ({ notice }),
        listNotices: async () => ({ notices: [notice], page: { nextPageToken: '', total: 1 } }),
        getNoticeDocument: async () => ({ pdf: Buffer.from('%PDF-1.7 test'), fileName: '缴款通知书.pdf' }),
        markNoticePaid: async () => {
          throw new ForbiddenError('COLLECTION_SEPARATED', '实行收缴分离：缴款只能由银行确认');
        },
      }),
      fakeService(P.BankServiceService, {
        receiveCallback: async (req) => {
          if (req.message?.jws === 'forged') throw new UnauthenticatedError('SIGNATURE_INVALID', '报文签名无效');
          if (req.message?.jws === 'late')
            throw new PreconditionError('AMOUNT_MISMATCH', '缴款金额与缴款通知书金额不符');
          return { outcome: P.ReceiveCallbackResponse_Outcome.OUTCOME_DUPLICATE, noticeNumber: 'N1' };
        },
      }),
    ]),
    fakeVerifier(TENANT, {
      admin: ['center_admin'],
      reviewer: ['reviewer'],
      clerk: ['window_clerk'],
      applicant: ['applicant'],
    }),
  ),
);

describe('payments routes', () => {
  it('lists the register in REST spellings', async () => {
    const res = await fx.app.inject({ url: url('/fee-items?includeRetired=true'), headers: REVIEWER });
    expect(res.statusCode).toBe(200);
    expect(fx.lastCall().request).toEqual({ tenant: '', includeRetired: true });
    expect(res.json().items[0]).toMatchObject({ code: 'QS', category: 'tax', updatedAt: at.toISOString() });
  });

  it('refuses a bad entry at the edge in Chinese, and passes on the service’s violations with their fields', async () => {
    const shape = await fx.app.inject({
      method: 'PUT',
      url: url('/fee-items/QS'),
      headers: ADMIN,
      payload: { name: 1 },
    });
    expect(shape.statusCode).toBe(400);
    expect(shape.json().detail).toMatch(CHINESE);
    expect(fx.fake.calls).toHaveLength(0);
    const res = await fx.app.inject({
      method: 'PUT',
      url: url('/fee-items/QS'),
      headers: ADMIN,
      payload: {
        name: '契税',
        legalBasis: '契税法',
        category: 'tax',
        department: '620321-SWJ',
        collectingUnitCode: '620321090',
        revenueCode: '10119',
        standardFen: 0,
        unit: '',
        formula: 'process.exit()',
        active: true,
        expectedVersion: 0,
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ path: 'formula', reason: 'NOT_ALLOWED' })]);
    expect(fx.lastCall().request.item).toMatchObject({
      tenant: '',
      code: 'QS',
      category: P.FeeCategory.FEE_CATEGORY_TAX,
    });
    const reviewer = await fx.app.inject({ method: 'PUT', url: url('/fee-items/QS'), headers: REVIEWER, payload: {} });
    expect(reviewer.statusCode).toBe(403);
  });

  it('passes an assessment on with its lines, and its refusal with the line’s path', async () => {
    const res = await fx.app.inject({
      method: 'POST',
      url: url(`/assessments/${CASE_ID}`),
      headers: REVIEWER,
      payload: {
        requestId: 'e3000000-0000-4000-8000-000000000009',
        lines: [{ feeCode: 'QS', quantity: 1, reductions: [{ kind: 'reduce', amountFen: 100, legalBasis: '减半' }] }],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ path: 'lines.0.feeCode', reason: 'NOT_A_LINE_OF_YOURS' });
    expect(fx.lastCall().request).toMatchObject({
      caseId: CASE_ID,
      lines: [{ feeCode: 'QS', quantity: 1, reductions: [{ kind: P.Reduction_Kind.KIND_REDUCE, amountFen: 100 }] }],
    });
  });

  it('answers a notice with its lines, reductions and total in fen', async () => {
    const res = await fx.app.inject({ url: url(`/notices/${NOTICE_ID}`), headers: APPLICANT });
    expect(res.statusCode).toBe(200);
    expect(res.json().notice).toMatchObject({
      state: 'issued',
      totalFen: 0,
      totalCapitals: '人民币零元整',
      lines: [{ category: 'administrative', reductions: [{ kind: 'exempt', amountFen: 8000 }] }],
      parts: [{ assessedAt: at.toISOString() }],
    });
    const list = await fx.app.inject({ url: url('/notices?state=paid'), headers: CLERK });
    expect(fx.lastCall().request).toMatchObject({ states: [P.NoticeState.NOTICE_STATE_PAID] });
    expect(list.json()).toMatchObject({ total: 1 });
  });

  it('serves the PDF, and answers a member of staff’s mark-paid with 403 COLLECTION_SEPARATED', async () => {
    const pdf = await fx.app.inject({ url: url(`/notices/${NOTICE_ID}/document?kind=receipt`), headers: APPLICANT });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(fx.lastCall().request.kind).toBe(P.GetNoticeDocumentRequest_Kind.KIND_RECEIPT);
    const marked = await fx.app.inject({
      method: 'POST',
      url: url(`/notices/${NOTICE_ID}/mark-paid`),
      headers: CLERK,
      payload: { reason: '已收现金' },
    });
    expect(marked.statusCode).toBe(403);
    expect(marked.json()).toMatchObject({ code: 'COLLECTION_SEPARATED' });
    const applicant = await fx.app.inject({
      method: 'POST',
      url: url(`/notices/${NOTICE_ID}/mark-paid`),
      headers: APPLICANT,
      payload: {},
    });
    expect(applicant.statusCode).toBe(403);
  });
});

describe('bank routes', () => {
  const post = (jws: string, contentType = 'application/jose') =>
    fx.app.inject({
      method: 'POST',
      url: url('/bank/stand-in/callbacks'),
      headers: { 'content-type': contentType },
      payload: jws,
    });

  it('forwards the JWS without a token and answers the outcome', async () => {
    const res = await post('a.b.c');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ outcome: 'DUPLICATE', noticeNumber: 'N1' });
    expect(fx.lastCall().request).toEqual({ message: { channel: 'stand-in', jws: 'a.b.c' } });
  });

  it('maps the service’s refusals to 401 and 409, and refuses other content types', async () => {
    expect((await post('forged')).statusCode).toBe(401);
    expect((await post('forged')).json()).toMatchObject({ code: 'SIGNATURE_INVALID' });
    expect((await post('late')).json()).toMatchObject({ code: 'AMOUNT_MISMATCH' });
    fx.reset();
    expect((await post('"a.b.c"', 'application/json')).statusCode).toBe(415);
    expect(fx.fake.calls).toHaveLength(0);
  });
});
