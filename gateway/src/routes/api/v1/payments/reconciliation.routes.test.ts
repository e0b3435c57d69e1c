import { ValidationError } from '@govhall/errors';
import { paymentsV1 as P } from '@govhall/proto';
import {
  fakeService,
  fakeVerifier,
  routeFixture,
  startFakeGrpcServers,
  useRouteFixture,
} from '../../../../lib/fake-grpc-server.test-double';
import { multipartFile } from '../../../../lib/multipart.test-double';

const TENANT = '620321';
const SHA = 'a'.repeat(64);
const at = new Date('2026-12-05T02:00:00.000Z');
const FINANCE = { authorization: 'Bearer finance' };
const CLERK = { authorization: 'Bearer clerk' };
const CHINESE = /[\u4e00-\u9fff]/;
const url = (path: string) => `/api/v1/payments/reconciliation${path}`;

const statement = P.Statement.fromPartial({
  id: SHA,
  tenant: TENANT,
  settlementDate: '2026-12-05',
  fileName: '2026-12-05.csv',
  encoding: 'GB18030',
  lineCount: 8,
  paidTotalFen: 85_235,
  matchedCount: 1,
  mismatchCount: 1,
  importedBy: 'yc-finance',
  importedAt: at,
});
const mismatch = P.Mismatch.fromPartial({
  id: '620321.fee-outside-center.8800',
  tenant: TENANT,
  statementId: SHA,
  settlementDate: '2026-12-05',
  kind: P.MismatchKind.MISMATCH_KIND_FEE_OUTSIDE_CENTER,
  paymentCode: '8800',
  lineNumbers: [8],
  statementFen: 55_000,
  detail: '疑似在中心外收费',
  state: P.MismatchState.MISMATCH_STATE_OPEN,
  foundAt: at,
  version: 1,
});

const fx = useRouteFixture(async () =>
  routeFixture(
    'payments',
    await startFakeGrpcServers([
      fakeService(P.ReconciliationServiceService, {
        importStatement: async (req) => {
          if (req.content.toString('latin1').startsWith('bad')) {
            throw new ValidationError([
              {
                path: 'content.lines.3.amount',
                reason: 'AMOUNT',
                message: '第3行「金额」：应为以元为单位、保留两位小数的金额，如 80.00',
              },
            ]);
          }
          return { statement, created: req.fileName !== 'again.csv', mismatches: [mismatch] };
        },
        listMismatches: async () => ({ mismatches: [mismatch], page: { nextPageToken: '', total: 1 } }),
        listStatements: async () => ({ statements: [statement], page: { nextPageToken: '', total: 1 } }),
        resolveMismatch: async (req) => ({
          mismatch: { ...mismatch, state: P.MismatchState.MISMATCH_STATE_RESOLVED, resolutionNote: req.note },
        }),
      }),
    ]),
    fakeVerifier(TENANT, { finance: ['finance_reconciler'], clerk: ['window_clerk'] }),
  ),
);

const upload = (fileName: string, content: Buffer, auth = FINANCE) => ({
  method: 'POST' as const,
  url: url('/statements'),
  ...multipartFile(auth, { name: 'statement', fileName, contentType: 'text/csv', content }),
});

describe('reconciliation routes', () => {
  it('uploads a statement as its bytes, and answers 201 with the mismatches in REST spellings (200 the second time)', async () => {
    const bytes = Buffer.from([0xc7, 0xe5, 0xcb, 0xe3, 0x2c]);
    const res = await fx.app.inject(upload('2026-12-05.csv', bytes));
    expect(res.statusCode).toBe(201);
    expect(fx.lastCall().request).toMatchObject({ tenant: '', fileName: '2026-12-05.csv' });
    expect(Buffer.from(fx.lastCall().request.content as Uint8Array)).toEqual(bytes);
    expect(res.json()).toMatchObject({
      created: true,
      statement: { id: SHA, importedAt: at.toISOString() },
      mismatches: [{ kind: 'fee_outside_center', state: 'open', lineNumbers: [8], foundAt: at.toISOString() }],
    });
    const again = await fx.app.inject(upload('again.csv', bytes));
    expect(again.statusCode).toBe(200);
    expect(again.json().created).toBe(false);
  });

  it('names the bad line under the statement part, in Chinese, and refuses a request that is not an upload', async () => {
    const bad = await fx.app.inject(upload('bad.csv', Buffer.from('bad')));
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().errors).toEqual([
      expect.objectContaining({
        path: 'statement.lines.3.amount',
        reason: 'AMOUNT',
        message: expect.stringMatching(CHINESE),
      }),
    ]);
    const json = await fx.app.inject({ method: 'POST', url: url('/statements'), headers: FINANCE, payload: {} });
    expect(json.statusCode).toBe(415);
    expect(json.json().detail).toMatch(CHINESE);
    fx.reset();
    const clerk = await fx.app.inject(upload('x.csv', Buffer.from('x'), CLERK));
    expect(clerk.statusCode).toBe(403);
    expect(fx.fake.calls).toHaveLength(0);
  });

  it('lists mismatches by kind and state, and resolves one with a note', async () => {
    const list = await fx.app.inject({
      url: url(`/mismatches?kind=fee_outside_center&state=open&statementId=${SHA}`),
      headers: FINANCE,
    });
    expect(list.statusCode).toBe(200);
    expect(fx.lastCall().request).toMatchObject({
      statementId: SHA,
      kind: P.MismatchKind.MISMATCH_KIND_FEE_OUTSIDE_CENTER,
      state: P.MismatchState.MISMATCH_STATE_OPEN,
    });
    expect(list.json()).toMatchObject({ total: 1, mismatches: [{ kind: 'fee_outside_center' }] });
    const badKind = await fx.app.inject({ url: url('/mismatches?kind=other'), headers: FINANCE });
    expect(badKind.statusCode).toBe(400);
    const statements = await fx.app.inject({ url: url('/statements'), headers: FINANCE });
    expect(statements.json()).toMatchObject({ total: 1, statements: [{ settlementDate: '2026-12-05' }] });
    const resolved = await fx.app.inject({
      method: 'POST',
      url: url(`/mismatches/${mismatch.id}/resolve`),
      headers: FINANCE,
      payload: { note: '已移交监察', expectedVersion: 1 },
    });
    expect(resolved.statusCode).toBe(200);
    expect(fx.lastCall().request).toEqual({ id: mismatch.id, note: '已移交监察', expectedVersion: 1 });
    expect(resolved.json().mismatch).toMatchObject({ state: 'resolved', resolutionNote: '已移交监察' });
  });
});
