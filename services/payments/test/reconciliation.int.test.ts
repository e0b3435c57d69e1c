import { randomInt } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import iconv from 'iconv-lite';
import { chinaDate } from '@govhall/identifiers';
import { applicationsV1, paymentsV1 } from '@govhall/proto';
import { grpcFailure, MongoClient, stack, startEventReader, waitFor, type EventReader } from '@govhall/testing';
import { NOTICE_TOPIC } from '../src/adapters/kafka/notice-events';
import { RECONCILIATION_TOPIC } from '../src/adapters/kafka/reconciliation-events';
import { STATEMENT_HEADER } from '../src/domain/reconciliation/statement-file';
import { feeItem, PaymentsWorld, SWJ, TENANT } from './payments-world';

/*
 * The daily reconciliation (对账) on the real stack: the bank's statement of the day, in GB18030, imported by the
 * finance reconciler and matched to the notices the world issued and paid, with one mismatch of each kind found; the
 * notice paid without the bank's callback becomes paid by the reconciliation and its case goes on once; the same file
 * again changes nothing; bad files and other roles are refused with nothing stored.
 */

const world = new PaymentsWorld();
const S = paymentsV1.NoticeState;
const K = paymentsV1.MismatchKind;
let admin: string;
let scjg: string;
let swj: string;
let clerk: string;
let finance: string;
let recon: EventReader;
let mongo: MongoClient;

const code = (suffix: string) => `P${world.cases.suffix}-${suffix}`.toUpperCase();
const today = chinaDate(new Date());
const DJF = { unit: '620321001', revenue: '103040101' };
const QS = { unit: '620321090', revenue: '10119' };

/** An approved case assessed by both departments: 登记费 80.00 (SCJG) and 契税 1.5% of 1000 = 15.00 (SWJ). */
async function issuedNotice(tag: string): Promise<paymentsV1.Notice> {
  const caseId = await world.approvedCase({ shopName: `对账测试${tag}`, price: 1000 });
  await world.call(
    'assessFees',
    {
      caseId,
      requestId: `${tag}-1`,
      lines: [
        { feeCode: code('DJF'), quantity: 1, reductions: [] },
        { feeCode: code('GBF'), quantity: 0, reductions: [] },
      ],
    },
    scjg,
  );
  const { notice } = await world.call<unknown, paymentsV1.AssessFeesResponse>(
    'assessFees',
    { caseId, requestId: `${tag}-2`, lines: [{ feeCode: code('QS'), quantity: 1, reductions: [] }] },
    swj,
  );
  expect(notice).toMatchObject({ state: S.NOTICE_STATE_ISSUED, totalFen: 9500 });
  return notice!;
}

async function payByCallback(n: paymentsV1.Notice, txn: string) {
  await world.bank(
    'receiveCallback',
    await world.sign({
      type: 'PAYMENT',
      paymentCode: n.paymentCode,
      amountFen: n.totalFen,
      bankTxnId: txn,
      paidAt: new Date().toISOString(),
      receiptCode: '62010126',
      receiptNumber: String(randomInt(1e9, 1e10 - 1)),
    }),
  );
}

const getNotice = async (id: string) =>
  (await world.call<unknown, paymentsV1.GetNoticeResponse>('getNotice', { id }, scjg)).notice!;
const getCase = async (id: string) =>
  (await world.cases.call<unknown, applicationsV1.GetCaseResponse>('getCase', { id }, admin)).case!;

type Row = [string, string, string, string, string, string, string, string];
/** A statement line: 缴款码, 执收单位编码, 收入项目编码, 金额, and the rest filled in as the bank does. */
const row = (paymentCode: string, codes: { unit: string; revenue: string }, yuan: string, txn: string): Row => [
  txn,
  '缴款',
  paymentCode,
  codes.unit,
  codes.revenue,
  '张*三',
  yuan,
  `${today} 10:30:00`,
];
const csv = (rows: Row[], header: readonly string[] = STATEMENT_HEADER) =>
  [header.join(','), ...rows.map(([txn, ...rest]) => [today, txn, ...rest, '0000012345'].join(','))].join('\r\n') +
  '\r\n';
const gb18030 = (text: string) => iconv.encode(text, 'gb18030');

const importFile = (content: Buffer, token = finance) =>
  world.reconcile<unknown, paymentsV1.ImportStatementResponse>(
    'importStatement',
    { tenant: '', fileName: `${today}.csv`, content },
    token,
  );
const listMismatches = async () =>
  (
    await world.reconcile<unknown, paymentsV1.ListMismatchesResponse>(
      'listMismatches',
      { tenant: '', statementId: '', kind: 0, state: 0, page: { pageSize: 100, pageToken: '' } },
      finance,
    )
  ).mismatches;
const listStatements = async () =>
  (
    await world.reconcile<unknown, paymentsV1.ListStatementsResponse>(
      'listStatements',
      { tenant: '', page: { pageSize: 100, pageToken: '' } },
      finance,
    )
  ).statements;

const notices = {} as Record<'matched' | 'notOnStatement' | 'unconfirmed' | 'wrongAmount' | 'slip', paymentsV1.Notice>;
let statementFile: Buffer;
let offCenterCode = '';
let unknownCode = '';

beforeAll(async () => {
  await world.start();
  recon = await startEventReader([{ topic: RECONCILIATION_TOPIC, partitions: 3 }]);
  mongo = await MongoClient.connect(stack.mongoUri);
  admin = await world.cases.adminToken();
  scjg = await world.cases.token(world.staff.scjgReviewer.username);
  swj = await world.cases.token(world.staff.swjReviewer.username);
  clerk = await world.cases.token(world.staff.clerk.username);
  const reconciler = await world.cases.createStaff('finance_reconciler', { department: '' });
  finance = await world.cases.token(reconciler.username);

  const put = (item: paymentsV1.FeeItem) => world.call('putFeeItem', { item, expectedVersion: 0 }, admin);
  await put(feeItem({ code: code('DJF'), name: '登记费', standardFen: 8000 }));
  await put(feeItem({ code: code('GBF'), name: '工本费', standardFen: 1000, revenueCode: '103040102' }));
  await put(
    feeItem({
      code: code('QS'),
      name: '契税',
      category: paymentsV1.FeeCategory.FEE_CATEGORY_TAX,
      department: SWJ,
      collectingUnitCode: QS.unit,
      revenueCode: QS.revenue,
      formula: 'price * 0.015',
    }),
  );
  for (const key of ['matched', 'notOnStatement', 'unconfirmed', 'wrongAmount', 'slip'] as const) {
    notices[key] = await issuedNotice(key);
  }
  await payByCallback(notices.matched, `TXN-A-${world.cases.suffix}`);
  await payByCallback(notices.notOnStatement, `TXN-B-${world.cases.suffix}`);
  const slipVersion = (await getNotice(notices.slip.id)).version;
  await world.call('registerSlip', { id: notices.slip.id, expectedVersion: slipVersion, slipNumber: 'HZ-0001' }, clerk);
  // The slip's notice has come to its deadline: the day's statement is the last that could confirm it. (Notices run
  // NOTICE_DEADLINE_DAYS ≥ 1 from their issue, so the fixture moves the deadline in the service's store.) FerretDB
  // applies an update by read-modify-write, ordered only within the writing process (docs/store-rules.md): the
  // fixture writes once the service's relay has sent SlipRegistered and let go of the document, or the relay's write
  // could put the old deadline back.
  const stored = mongo.db(world.db).collection('notices');
  await waitFor(
    async () => {
      const doc = await stored.findOne({ _id: notices.slip.id as never });
      return (doc && (doc.outbox as unknown[]).length === 0 && doc.outboxPending === undefined) || undefined;
    },
    { timeoutMs: 20_000, what: 'the slip notice’s outbox sent' },
  );
  await stored.updateOne({ _id: notices.slip.id as never }, { $set: { deadline: today } });
  expect((await getNotice(notices.slip.id)).deadline).toBe(today);

  const s = world.cases.suffix.replace(/\D/g, '').padEnd(6, '7').slice(0, 6);
  offCenterCode = `8800${s}0000000001`;
  unknownCode = `9900${s}0000000002`;
  const m = notices.matched.paymentCode;
  const u = notices.unconfirmed.paymentCode;
  const w = notices.wrongAmount.paymentCode;
  statementFile = gb18030(
    csv([
      row(m, DJF, '80.00', `TXN-A-${world.cases.suffix}`),
      row(m, QS, '15.00', `TXN-A-${world.cases.suffix}`),
      row(u, DJF, '80.00', `BANK-C-${world.cases.suffix}`),
      row(u, QS, '15.00', `BANK-C-${world.cases.suffix}`),
      row(w, DJF, '80.00', `BANK-D-${world.cases.suffix}`),
      row(w, QS, '15.01', `BANK-D-${world.cases.suffix}`),
      row(offCenterCode, DJF, '550.00', `BANK-F-${world.cases.suffix}`),
      row(unknownCode, { unit: '999001', revenue: '999002' }, '12.34', `BANK-G-${world.cases.suffix}`),
    ]),
  );
  // The case of the notice paid without a callback waits for payment before the statement comes.
  await waitFor(
    async () =>
      (await getCase(notices.unconfirmed.caseId)).status === applicationsV1.CaseStatus.CASE_STATUS_AWAITING_PAYMENT,
    { timeoutMs: 30_000, what: 'the case awaiting payment' },
  );
}, 400_000);

afterAll(async () => {
  await recon?.stop();
  await mongo?.close();
  await world.stop();
}, 60_000);

describe('refusals: nothing stored', () => {
  it('refuses anyone but the finance reconciler', async () => {
    for (const token of [clerk, scjg, admin]) {
      const refused = await grpcFailure(importFile(statementFile, token));
      expect(refused).toMatchObject({ code: status.PERMISSION_DENIED, reason: 'ROLE_REQUIRED' });
    }
    expect(await listStatements()).toEqual([]);
  });

  it('refuses a bad header, a bad amount and a file in neither GB18030 nor UTF-8, with the line and the reason', async () => {
    const header: string[] = [...STATEMENT_HEADER];
    header[7] = '金额（元）';
    const badHeader = await grpcFailure(importFile(gb18030(csv([row('1', DJF, '1.00', 'T1')], header))));
    expect(badHeader.code).toBe(status.INVALID_ARGUMENT);
    expect(badHeader.violations).toEqual([
      expect.objectContaining({ path: 'content', reason: 'HEADER', message: expect.stringContaining('第1行应为表头') }),
    ]);
    const badAmount = await grpcFailure(
      importFile(
        gb18030(csv([row(notices.unconfirmed.paymentCode, DJF, '80.00', 'T1'), row('1', DJF, '9.5e1', 'T2')])),
      ),
    );
    expect(badAmount.violations).toEqual([
      expect.objectContaining({
        path: 'content.lines.3.amount',
        reason: 'AMOUNT',
        message: '第3行「金额」：应为以元为单位、保留两位小数的金额，如 80.00',
      }),
    ]);
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(csv([row('1', DJF, '1.00', 'T1')]), 'utf16le'),
    ]);
    const encoding = await grpcFailure(importFile(utf16));
    expect(encoding.violations).toEqual([expect.objectContaining({ path: 'content', reason: 'ENCODING' })]);
    expect(await listStatements()).toEqual([]);
    expect(await listMismatches()).toEqual([]);
    expect((await getNotice(notices.unconfirmed.id)).state).toBe(S.NOTICE_STATE_ISSUED);
  });
});

describe('the day’s statement', () => {
  let statementId = '';

  it('finds one mismatch of each kind', async () => {
    const got = await importFile(statementFile);
    expect(got.created).toBe(true);
    statementId = got.statement!.id;
    expect(statementId).toMatch(/^[0-9a-f]{64}$/);
    expect(got.statement).toMatchObject({
      tenant: TENANT,
      settlementDate: today,
      encoding: 'GB18030',
      lineCount: 8,
      paidTotalFen: 9500 * 3 + 1 + 55000 + 1234,
      matchedCount: 1,
      mismatchCount: 6,
    });
    const stored = await listMismatches();
    const byKind = new Map(stored.map((m) => [m.kind, m]));
    expect(stored).toHaveLength(6);
    expect(byKind.get(K.MISMATCH_KIND_AMOUNT)).toMatchObject({
      noticeId: notices.wrongAmount.id,
      expectedFen: 9500,
      statementFen: 9501,
      revenueCode: QS.revenue,
      lineNumbers: [6, 7],
    });
    expect(byKind.get(K.MISMATCH_KIND_UNKNOWN_PAYMENT_CODE)).toMatchObject({
      paymentCode: unknownCode,
      statementFen: 1234,
    });
    expect(byKind.get(K.MISMATCH_KIND_FEE_OUTSIDE_CENTER)).toMatchObject({
      paymentCode: offCenterCode,
      department: world.staff.scjgReviewer.department,
      revenueCode: DJF.revenue,
      statementFen: 55000,
    });
    expect(byKind.get(K.MISMATCH_KIND_PAID_NOT_CONFIRMED)).toMatchObject({ noticeId: notices.unconfirmed.id });
    expect(byKind.get(K.MISMATCH_KIND_CONFIRMED_NOT_ON_STATEMENT)).toMatchObject({
      noticeId: notices.notOnStatement.id,
      bankTxnId: `TXN-B-${world.cases.suffix}`,
    });
    expect(byKind.get(K.MISMATCH_KIND_SLIP_UNCONFIRMED)).toMatchObject({ noticeId: notices.slip.id });
    expect(stored.every((m) => m.state === paymentsV1.MismatchState.MISMATCH_STATE_OPEN && m.detail)).toBe(true);
    // Each announced once, for supervision and the journal.
    await waitFor(
      async () => recon.of(RECONCILIATION_TOPIC, statementId, 'govhall.payments.v1.MismatchFound').length === 6,
      {
        timeoutMs: 20_000,
        what: 'six MismatchFound',
      },
    );
    await waitFor(
      async () => recon.of(RECONCILIATION_TOPIC, statementId, 'govhall.payments.v1.StatementImported').length === 1,
      { timeoutMs: 20_000, what: 'StatementImported' },
    );
  });

  it('marks the notice paid by the reconciliation, and its case goes on as after a callback', async () => {
    const paid = await getNotice(notices.unconfirmed.id);
    expect(paid).toMatchObject({
      state: S.NOTICE_STATE_PAID,
      payment: {
        source: paymentsV1.PaymentSource.PAYMENT_SOURCE_RECONCILIATION,
        bankTxnId: `BANK-C-${world.cases.suffix}`,
      },
    });
    const settled = await waitFor(
      async () => {
        const c = await getCase(notices.unconfirmed.caseId);
        return c.status === applicationsV1.CaseStatus.CASE_STATUS_APPROVED ? c : undefined;
      },
      { timeoutMs: 30_000, what: 'the case going on' },
    );
    expect(settled.payment).toMatchObject({ state: applicationsV1.PaymentState.PAYMENT_STATE_PAID });
    // The others are as they were: the wrong amount is not paid, the slip still waits for the bank.
    expect((await getNotice(notices.wrongAmount.id)).state).toBe(S.NOTICE_STATE_ISSUED);
    expect((await getNotice(notices.slip.id)).state).toBe(S.NOTICE_STATE_SLIP_REGISTERED);
  });

  it('imports the same file again without changing anything', async () => {
    const before = await Promise.all(Object.values(notices).map((n) => getNotice(n.id)));
    const again = await importFile(statementFile);
    expect(again.created).toBe(false);
    expect(again.statement!.id).toBe(statementId);
    expect(again.mismatches).toHaveLength(6);
    expect(await listStatements()).toHaveLength(1);
    const after = await Promise.all(Object.values(notices).map((n) => getNotice(n.id)));
    expect(after.map((n) => [n.state, n.version])).toEqual(before.map((n) => [n.state, n.version]));

    // The barrier: resolving a mismatch announces MismatchResolved on the statement's key, after anything else.
    const amount = (await listMismatches()).find((m) => m.kind === K.MISMATCH_KIND_AMOUNT)!;
    const blank = await grpcFailure(
      world.reconcile('resolveMismatch', { id: amount.id, note: ' ', expectedVersion: amount.version }, finance),
    );
    expect(blank.violations).toEqual([expect.objectContaining({ path: 'note' })]);
    const byClerk = await grpcFailure(
      world.reconcile('resolveMismatch', { id: amount.id, note: '已核实', expectedVersion: 0 }, clerk),
    );
    expect(byClerk.code).toBe(status.PERMISSION_DENIED);
    const { mismatch } = await world.reconcile<unknown, paymentsV1.ResolveMismatchResponse>(
      'resolveMismatch',
      { id: amount.id, note: '与银行核实：银行多收1分，已办理退回', expectedVersion: amount.version },
      finance,
    );
    expect(mismatch).toMatchObject({
      state: paymentsV1.MismatchState.MISMATCH_STATE_RESOLVED,
      resolutionNote: '与银行核实：银行多收1分，已办理退回',
      version: amount.version + 1,
    });
    const twice = await grpcFailure(
      world.reconcile('resolveMismatch', { id: amount.id, note: '再次处理', expectedVersion: 0 }, finance),
    );
    expect(twice).toMatchObject({ code: status.FAILED_PRECONDITION, reason: 'WRONG_STATE' });
    await waitFor(
      async () => recon.of(RECONCILIATION_TOPIC, statementId, 'govhall.payments.v1.MismatchResolved').length === 1,
      { timeoutMs: 20_000, what: 'MismatchResolved' },
    );
    await recon.caughtUp();
    expect(recon.of(RECONCILIATION_TOPIC, statementId, 'govhall.payments.v1.MismatchFound')).toHaveLength(6);
    expect(recon.of(RECONCILIATION_TOPIC, statementId, 'govhall.payments.v1.StatementImported')).toHaveLength(1);
    // One NoticePaid for the notice the reconciliation paid, and its case resumed once.
    await world.events.caughtUp();
    const paid = world.events.of(NOTICE_TOPIC, notices.unconfirmed.id, 'govhall.payments.v1.NoticePaid');
    expect(new Set(paid.map((e) => e.envelope.id)).size).toBe(1);
    const resumed = (await getCase(notices.unconfirmed.caseId)).history.filter(
      (h) => h.action.includes(notices.unconfirmed.number) && h.action.includes('恢复计时'),
    );
    expect(resumed).toHaveLength(1);
  });
});
