import { generateKeyPairSync } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { compact, keepSample, textOf } from '@govhall/pdf/src/pdf-inspection.test-double';
import { applicationsV1, paymentsV1 } from '@govhall/proto';
import { grpcFailure, waitFor } from '@govhall/testing';
import { chinaDate } from '@govhall/identifiers';
import { yuanText } from '@govhall/money';
import { NOTICE_TOPIC } from '../src/adapters/kafka/notice-events';
import { feeItem, PaymentsWorld, SCJG, SWJ } from './payments-world';

/*
 * 收缴分离 end to end on the real stack: the fee register, two departments assessing one case (a fixed line and a
 * formula line), the notice issued with its number, payment code and capitals, the bank's signed query and callback
 * with every refusal recorded and nothing paid, the duplicate, the staff's refused attempts to mark it paid, and the
 * notice and receipt PDFs.
 */

const world = new PaymentsWorld();
const S = paymentsV1.NoticeState;
let admin: string;
let scjg: string;
let swj: string;
let noticeId = '';

const code = (suffix: string) => `P${world.cases.suffix}-${suffix}`.toUpperCase();

beforeAll(async () => {
  await world.start();
  admin = await world.cases.adminToken();
  scjg = await world.cases.token(world.staff.scjgReviewer.username);
  swj = await world.cases.token(world.staff.swjReviewer.username);
}, 300_000);

afterAll(() => world.stop(), 60_000);

describe('the fee register (P11)', () => {
  it('refuses a bad entry with the fields and reasons, and lets only the center administrator write', async () => {
    const bad = await grpcFailure(
      world.call(
        'putFeeItem',
        {
          item: feeItem({ code: 'x', name: '', formula: 'process.exit()', standardFen: 5, category: 0 }),
          expectedVersion: 0,
        },
        admin,
      ),
    );
    expect(bad.code).toBe(status.INVALID_ARGUMENT);
    expect(bad.violations.map((v) => v.path).sort()).toEqual(
      expect.arrayContaining(['code', 'name', 'category', 'formula', 'standardFen']),
    );
    const notAdmin = await grpcFailure(
      world.call(
        'putFeeItem',
        { item: feeItem({ code: code('X'), name: '某费', standardFen: 100 }), expectedVersion: 0 },
        scjg,
      ),
    );
    expect(notAdmin.code).toBe(status.PERMISSION_DENIED);
    const { items } = await world.call<unknown, paymentsV1.ListFeeItemsResponse>(
      'listFeeItems',
      { tenant: '', includeRetired: true },
      admin,
    );
    expect(items.filter((i) => i.code.startsWith(code('')))).toEqual([]);
  });

  it('holds the item’s three lines with their owners', async () => {
    const put = (item: paymentsV1.FeeItem) =>
      world.call<unknown, paymentsV1.PutFeeItemResponse>('putFeeItem', { item, expectedVersion: 0 }, admin);
    await put(feeItem({ code: code('DJF'), name: '登记费', standardFen: 8000 }));
    await put(feeItem({ code: code('GBF'), name: '工本费', standardFen: 1000, unit: '本' }));
    await put(
      feeItem({
        code: code('QS'),
        name: '契税',
        category: paymentsV1.FeeCategory.FEE_CATEGORY_TAX,
        department: SWJ,
        collectingUnitCode: '620321090',
        revenueCode: '10119',
        formula: 'price * 0.015',
      }),
    );
    const again = await grpcFailure(put(feeItem({ code: code('DJF'), name: '登记费', standardFen: 8000 })));
    expect(again).toMatchObject({ code: status.ALREADY_EXISTS, reason: 'FEE_CODE_TAKEN' });
    const { items } = await world.call<unknown, paymentsV1.ListFeeItemsResponse>(
      'listFeeItems',
      { tenant: '', includeRetired: false },
      scjg,
    );
    expect(items.filter((i) => i.code.startsWith(code(''))).map((i) => [i.code, i.department])).toEqual([
      [code('DJF'), SCJG],
      [code('GBF'), SCJG],
      [code('QS'), SWJ],
    ]);
  });
});

describe('assessment by two departments, one notice (P2, P8)', () => {
  let caseId = '';

  it('shows each department its lines, with the formula computed exactly on the case’s form', async () => {
    // 1234567.89 × 1.5% = 18518.51835 yuan → 1851852 fen (half up); floats would not be trusted with it.
    caseId = await world.approvedCase({ shopName: '缴费测试', price: 1234567.89 });
    const got = await world.call<unknown, paymentsV1.GetAssessmentResponse>('getAssessment', { caseId }, swj);
    expect(got.lines.map((l) => [l.feeCode, l.mine, l.formulaFen])).toEqual([
      [code('DJF'), false, 0],
      [code('GBF'), false, 0],
      [code('QS'), true, 1851852],
    ]);
    expect(got.notice).toBeUndefined();
  });

  it('refuses a department’s incomplete or foreign assessment and changes nothing', async () => {
    const missing = await grpcFailure(
      world.call(
        'assessFees',
        { caseId, requestId: 'r-0', lines: [{ feeCode: code('DJF'), quantity: 1, reductions: [] }] },
        scjg,
      ),
    );
    expect(missing.code).toBe(status.INVALID_ARGUMENT);
    expect(missing.violations).toEqual([expect.objectContaining({ path: 'lines', reason: 'MISSING_LINE' })]);
    const foreign = await grpcFailure(
      world.call(
        'assessFees',
        { caseId, requestId: 'r-0', lines: [{ feeCode: code('QS'), quantity: 1, reductions: [] }] },
        scjg,
      ),
    );
    expect(foreign.violations[0]).toMatchObject({ path: 'lines.0.feeCode', reason: 'NOT_A_LINE_OF_YOURS' });
    const none = await grpcFailure(world.call('getCaseNotice', { caseId }, scjg));
    expect(none.code).toBe(status.NOT_FOUND);
  });

  it('issues the notice once both departments assessed: number, payment code, deadline and capitals', async () => {
    const first = await world.call<unknown, paymentsV1.AssessFeesResponse>(
      'assessFees',
      {
        caseId,
        requestId: 'r-1',
        lines: [
          { feeCode: code('DJF'), quantity: 1, reductions: [] },
          { feeCode: code('GBF'), quantity: 0, reductions: [] },
        ],
      },
      scjg,
    );
    expect(first.notice).toMatchObject({ state: S.NOTICE_STATE_ASSESSING, totalFen: 8000, number: '' });
    // A retry of the same request answers the notice as it is.
    const retried = await world.call<unknown, paymentsV1.AssessFeesResponse>(
      'assessFees',
      { caseId, requestId: 'r-1', lines: [] },
      scjg,
    );
    expect(retried.notice!.version).toBe(first.notice!.version);
    const { notice } = await world.call<unknown, paymentsV1.AssessFeesResponse>(
      'assessFees',
      { caseId, requestId: 'r-2', lines: [{ feeCode: code('QS'), quantity: 0, reductions: [] }] },
      swj,
    );
    noticeId = notice!.id;
    expect(notice).toMatchObject({
      state: S.NOTICE_STATE_ISSUED,
      totalFen: 8000 + 1851852,
      totalCapitals: '人民币壹万捌仟伍佰玖拾捌元伍角贰分',
      collectingBody: '永昌县政务服务中心',
      payerName: world.applicant.name,
    });
    expect(notice!.totalFen).toBe(notice!.lines.reduce((sum, l) => sum + l.amountFen, 0));
    expect(notice!.lines.map((l) => [l.feeCode, l.department, l.amountFen])).toEqual([
      [code('DJF'), SCJG, 8000],
      [code('QS'), SWJ, 1851852],
    ]);
    expect(notice!.number).toMatch(/^永昌县政务服务中心缴〔\d{4}〕\d{5}号$/);
    expect(notice!.paymentCode).toMatch(/^\d{20}$/);
    expect(notice!.deadline).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await waitFor(
      async () => world.events.of(NOTICE_TOPIC, noticeId, 'govhall.payments.v1.NoticeIssued').length === 1,
      {
        timeoutMs: 20_000,
        what: 'NoticeIssued',
      },
    );
    const issued = paymentsV1.NoticeIssued.decode(
      world.events.of(NOTICE_TOPIC, noticeId, 'govhall.payments.v1.NoticeIssued')[0]!.envelope.payload,
    );
    // Events carry the payer's name masked.
    expect(issued.notice!.payerName).not.toBe(world.applicant.name);
  });

  it('renders the notice as PDF with the lines, the payment code and the capitals', async () => {
    const { pdf } = await world.call<unknown, paymentsV1.GetNoticeDocumentResponse>(
      'getNoticeDocument',
      { id: noticeId, kind: paymentsV1.GetNoticeDocumentRequest_Kind.KIND_NOTICE },
      scjg,
    );
    const { notice } = await world.call<unknown, paymentsV1.GetNoticeResponse>('getNotice', { id: noticeId }, scjg);
    keepSample('payment-notice', Buffer.from(pdf));
    const text = compact((await textOf(Buffer.from(pdf))).text);
    for (const expected of [
      '缴款通知书',
      notice!.paymentCode,
      '人民币壹万捌仟伍佰玖拾捌元伍角贰分',
      '18,598.52',
      '契税',
    ]) {
      expect(text).toContain(compact(expected));
    }
  });
});

describe('the bank (收缴分离): only a verified callback pays', () => {
  const payment = (over: Record<string, unknown> = {}) => ({
    type: 'PAYMENT',
    amountFen: 8000 + 1851852,
    bankTxnId: `TXN-${world.cases.suffix}`,
    paidAt: new Date().toISOString(),
    receiptCode: '62010126',
    receiptNumber: '0000012345',
    ...over,
  });
  let paymentCode = '';

  beforeAll(async () => {
    paymentCode = (await world.call<unknown, paymentsV1.GetNoticeResponse>('getNotice', { id: noticeId }, scjg)).notice!
      .paymentCode;
  });

  it('answers a signed payment-code query with the payer masked', async () => {
    const info = await world.bank<paymentsV1.QueryPaymentCodeResponse>(
      'queryPaymentCode',
      await world.sign({ type: 'PAYMENT_CODE_QUERY', paymentCode }),
    );
    expect(info).toMatchObject({ paymentCode, totalFen: 8000 + 1851852, payable: true });
    expect(info.payerName).not.toBe(world.applicant.name);
  });

  it('refuses forged, altered, expired, replayed, mismatched and unknown callbacks, and pays nothing', async () => {
    const other = generateKeyPairSync('ed25519');
    const genuine = await world.sign({ ...payment(), paymentCode });
    const [h, , sig] = genuine.split('.');
    const altered = `${h}.${Buffer.from(JSON.stringify({ ...payment({ amountFen: 1 }), paymentCode, iat: Math.floor(Date.now() / 1000), nonce: 'n'.repeat(22) })).toString('base64url')}.${sig}`;
    const cases: [string, Promise<string> | string, string][] = [
      ['forged', world.sign({ ...payment(), paymentCode }, { key: other.privateKey }), 'SIGNATURE_INVALID'],
      ['altered', altered, 'SIGNATURE_INVALID'],
      ['expired', world.sign({ ...payment(), paymentCode, iat: Math.floor(Date.now() / 1000) - 301 }), 'EXPIRED'],
      ['amount', world.sign({ ...payment({ amountFen: 8000 }), paymentCode }), 'AMOUNT_MISMATCH'],
      ['unknown code', world.sign({ ...payment(), paymentCode: '00000000079927398713' }), 'UNKNOWN_PAYMENT_CODE'],
    ];
    for (const [what, jws, reason] of cases) {
      const refused = await grpcFailure(world.bank('receiveCallback', await jws));
      expect({ what, reason: refused.reason }).toEqual({ what, reason });
    }
    // A nonce used by a refused-for-amount message is spent: the same bytes again are a replay.
    const once = await world.sign({ ...payment({ amountFen: 1 }), paymentCode });
    expect((await grpcFailure(world.bank('receiveCallback', once))).reason).toBe('AMOUNT_MISMATCH');
    expect((await grpcFailure(world.bank('receiveCallback', once))).reason).toBe('REPLAYED');
    const { notice } = await world.call<unknown, paymentsV1.GetNoticeResponse>('getNotice', { id: noticeId }, scjg);
    expect(notice!.state).toBe(S.NOTICE_STATE_ISSUED);
    expect(notice!.payment).toBeUndefined();
  });

  it('pays on the genuine callback; the bank’s retry is a duplicate that changes nothing', async () => {
    const accepted = await world.bank<paymentsV1.ReceiveCallbackResponse>(
      'receiveCallback',
      await world.sign({ ...payment(), paymentCode }),
    );
    expect(accepted.outcome).toBe(paymentsV1.ReceiveCallbackResponse_Outcome.OUTCOME_ACCEPTED);
    const retry = await world.bank<paymentsV1.ReceiveCallbackResponse>(
      'receiveCallback',
      await world.sign({ ...payment(), paymentCode }),
    );
    expect(retry.outcome).toBe(paymentsV1.ReceiveCallbackResponse_Outcome.OUTCOME_DUPLICATE);
    const { notice } = await world.call<unknown, paymentsV1.GetNoticeResponse>('getNotice', { id: noticeId }, scjg);
    expect(notice).toMatchObject({
      state: S.NOTICE_STATE_PAID,
      payment: { bankTxnId: `TXN-${world.cases.suffix}`, receiptNumber: '0000012345' },
    });
    // Exactly one NoticePaid: the later StaffMarkPaidRefused of the next test is the barrier.
    await waitFor(async () => world.events.of(NOTICE_TOPIC, noticeId, 'govhall.payments.v1.NoticePaid').length >= 1, {
      timeoutMs: 20_000,
      what: 'NoticePaid',
    });
  });

  it('refuses any member of staff who tries to mark it paid, and records each attempt for supervision', async () => {
    const tokens = [
      await world.cases.token(world.staff.clerk.username),
      await world.cases.token(world.staff.head.username),
      admin,
    ];
    for (const token of tokens) {
      const refused = await grpcFailure(
        world.call('markNoticePaid', { id: noticeId, reason: '申请人已现金缴纳' }, token),
      );
      expect(refused).toMatchObject({ code: status.PERMISSION_DENIED, reason: 'COLLECTION_SEPARATED' });
    }
    await waitFor(
      async () => world.events.of(NOTICE_TOPIC, noticeId, 'govhall.payments.v1.StaffMarkPaidRefused').length === 3,
      { timeoutMs: 20_000, what: 'three refused attempts' },
    );
    await world.events.caughtUp();
    const attempts = world.events
      .of(NOTICE_TOPIC, noticeId, 'govhall.payments.v1.StaffMarkPaidRefused')
      .map((e) => paymentsV1.StaffMarkPaidRefused.decode(e.envelope.payload));
    expect(attempts.map((a) => [a.actor, a.attempt])).toEqual([
      [world.staff.clerk.username, 1],
      [world.staff.head.username, 2],
      ['yc-admin', 3],
    ]);
    expect(world.events.of(NOTICE_TOPIC, noticeId, 'govhall.payments.v1.NoticePaid')).toHaveLength(1);
  });

  it('issues the receipt with the fiscal e-receipt number', async () => {
    const { pdf } = await world.call<unknown, paymentsV1.GetNoticeDocumentResponse>(
      'getNoticeDocument',
      { id: noticeId, kind: paymentsV1.GetNoticeDocumentRequest_Kind.KIND_RECEIPT },
      await world.applicant.token(),
    );
    keepSample('payment-receipt', Buffer.from(pdf));
    const text = compact((await textOf(Buffer.from(pdf))).text);
    expect(text).toContain('缴费凭证');
    expect(text).toContain('0000012345');
  });
});

describe('a crash between storing the bank’s confirmation and answering it', () => {
  it('leaves the notice paid once, and the case goes on exactly once', async () => {
    const caseId = await world.approvedCase({ shopName: '断电测试', price: 100 });
    await world.call(
      'assessFees',
      {
        caseId,
        requestId: 'k-1',
        lines: [
          { feeCode: code('DJF'), quantity: 1, reductions: [] },
          { feeCode: code('GBF'), quantity: 1, reductions: [] },
        ],
      },
      scjg,
    );
    const { notice } = await world.call<unknown, paymentsV1.AssessFeesResponse>(
      'assessFees',
      { caseId, requestId: 'k-2', lines: [{ feeCode: code('QS'), quantity: 1, reductions: [] }] },
      swj,
    );
    expect(notice).toMatchObject({ state: S.NOTICE_STATE_ISSUED, totalFen: 8000 + 1000 + 150 });
    const caseNow = async () =>
      (await world.cases.call<unknown, applicationsV1.GetCaseResponse>('getCase', { id: caseId }, admin)).case!;
    await waitFor(async () => (await caseNow()).status === applicationsV1.CaseStatus.CASE_STATUS_AWAITING_PAYMENT, {
      timeoutMs: 30_000,
      what: 'the case awaiting payment',
    });

    // payments dies right after the payment and its NoticePaid are stored, before it answers the bank.
    await world.payments.stop();
    const armed = await world.startPayments({ GOVHALL_FAILPOINTS: 'payments.after-callback-stored' });
    const died = new Promise((resolve) => armed.child.once('exit', resolve));
    const pay = () =>
      world.sign({
        type: 'PAYMENT',
        paymentCode: notice!.paymentCode,
        amountFen: notice!.totalFen,
        bankTxnId: `TXN-K-${world.cases.suffix}`,
        paidAt: new Date().toISOString(),
        receiptCode: '62010126',
        receiptNumber: '0000012346',
      });
    await expect(world.bank('receiveCallback', await pay())).rejects.toBeDefined();
    await died;

    // Back up: the bank's retry (signed again) is a duplicate; the relay still sends NoticePaid.
    await world.startPayments({ GOVHALL_FAILPOINTS: '' });
    const retry = await world.bank<paymentsV1.ReceiveCallbackResponse>('receiveCallback', await pay());
    expect(retry.outcome).toBe(paymentsV1.ReceiveCallbackResponse_Outcome.OUTCOME_DUPLICATE);
    const settled = await waitFor(
      async () => {
        const c = await caseNow();
        return c.status === applicationsV1.CaseStatus.CASE_STATUS_APPROVED ? c : undefined;
      },
      { timeoutMs: 30_000, what: 'the case going on' },
    );
    expect(settled.payment).toMatchObject({ state: applicationsV1.PaymentState.PAYMENT_STATE_PAID });
    await waitFor(async () => world.events.of(NOTICE_TOPIC, notice!.id, 'govhall.payments.v1.NoticePaid').length >= 1, {
      timeoutMs: 20_000,
      what: 'NoticePaid',
    });
    // A barrier after it: a staff attempt's event; then exactly one NoticePaid, and the case resumed once.
    await grpcFailure(world.call('markNoticePaid', { id: notice!.id, reason: '' }, admin));
    await waitFor(
      async () => world.events.of(NOTICE_TOPIC, notice!.id, 'govhall.payments.v1.StaffMarkPaidRefused').length === 1,
      { timeoutMs: 20_000, what: 'the barrier' },
    );
    await world.events.caughtUp();
    // At least once on the wire (a relay may resend after a crash), one event: one envelope id.
    const paid = world.events.of(NOTICE_TOPIC, notice!.id, 'govhall.payments.v1.NoticePaid');
    expect(new Set(paid.map((e) => e.envelope.id)).size).toBe(1);
    const resumed = (await caseNow()).history.filter(
      (h) => h.action.includes(notice!.number) && h.action.includes('恢复计时'),
    );
    expect(resumed).toHaveLength(1);
  }, 120_000);
});

describe('refunds: asked with a reason, decided by another finance person, paid back by the bank, confirmed', () => {
  const R = paymentsV1.RefundState;
  let standIn = '';
  let notice: paymentsV1.Notice;
  let clerk: string;
  let finance1: string;
  let finance2: string;
  const read = async () =>
    (await world.call<unknown, paymentsV1.GetNoticeResponse>('getNotice', { id: notice.id }, finance1)).notice!;

  beforeAll(async () => {
    const [gatewayUrl, f1, f2] = await Promise.all([
      world.startGateway(),
      world.cases.createStaff('finance_reconciler', { department: '' }),
      world.cases.createStaff('finance_reconciler', { department: '' }),
    ]);
    standIn = await world.startStandIn(
      gatewayUrl,
      `${process.env.GOVHALL_STATE ?? '.stack'}/test-stand-in-${world.cases.suffix}`,
    );
    clerk = await world.cases.token(world.staff.clerk.username);
    finance1 = await world.cases.token(f1.username);
    finance2 = await world.cases.token(f2.username);
    const caseId = await world.approvedCase({ shopName: '退款测试', price: 1000 });
    await world.call(
      'assessFees',
      {
        caseId,
        requestId: 'r-1',
        lines: [
          { feeCode: code('DJF'), quantity: 1, reductions: [] },
          { feeCode: code('GBF'), quantity: 1, reductions: [] },
        ],
      },
      scjg,
    );
    notice = (
      await world.call<unknown, paymentsV1.AssessFeesResponse>(
        'assessFees',
        { caseId, requestId: 'r-2', lines: [{ feeCode: code('QS'), quantity: 1, reductions: [] }] },
        swj,
      )
    ).notice!;
    expect(notice).toMatchObject({ state: S.NOTICE_STATE_ISSUED, totalFen: 8000 + 1000 + 1500 });
  }, 120_000);

  it('the payer pays at the bank stand-in; its signed callback through the gateway makes the notice paid', async () => {
    const form = (fields: Record<string, string>) => ({
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
    const shown = await fetch(`${standIn}/query`, form({ paymentCode: notice.paymentCode }));
    expect(shown.status).toBe(200);
    expect(await shown.text()).toContain(notice.totalCapitals);
    const paid = await fetch(
      `${standIn}/pay`,
      form({ paymentCode: notice.paymentCode, amountFen: String(notice.totalFen), noticeNumber: notice.number }),
    );
    expect(paid.status).toBe(200);
    const now = await read();
    expect(now).toMatchObject({ state: S.NOTICE_STATE_PAID, payment: { channel: 'stand-in' } });
    notice = now;
  });

  it('refuses more than was paid, a missing reason, and the applicant; nothing changes', async () => {
    const tooMuch = await grpcFailure(
      world.call(
        'requestRefund',
        {
          noticeId: notice.id,
          expectedVersion: notice.version,
          requestId: 'refund-too-much',
          amountFen: notice.totalFen + 1,
          reason: '多缴',
        },
        clerk,
      ),
    );
    expect(tooMuch.code).toBe(status.INVALID_ARGUMENT);
    expect(tooMuch.violations).toEqual([expect.objectContaining({ path: 'amountFen', reason: 'REFUND_TOO_LARGE' })]);
    const noReason = await grpcFailure(
      world.call(
        'requestRefund',
        {
          noticeId: notice.id,
          expectedVersion: notice.version,
          requestId: 'refund-no-reason',
          amountFen: 100,
          reason: ' ',
        },
        clerk,
      ),
    );
    expect(noReason.violations.map((v) => v.path)).toEqual(['reason']);
    const applicant = await grpcFailure(
      world.call(
        'requestRefund',
        {
          noticeId: notice.id,
          expectedVersion: notice.version,
          requestId: 'refund-applicant',
          amountFen: 100,
          reason: '申请人自行退款',
        },
        await world.applicant.token(),
      ),
    );
    expect(applicant.code).toBe(status.PERMISSION_DENIED);
    expect(await read()).toMatchObject({ version: notice.version, refunds: [] });
  });

  it('its requester cannot approve it; another finance reconciler does, and the bank pays back and confirms', async () => {
    const asked = await world.call<unknown, paymentsV1.RequestRefundResponse>(
      'requestRefund',
      {
        noticeId: notice.id,
        expectedVersion: notice.version,
        requestId: 'refund-qs-1',
        amountFen: 1500,
        reason: '契税已另行缴纳，申请退还',
      },
      finance1,
    );
    const refundId = asked.refundId;
    expect(asked.notice!.refunds).toEqual([
      expect.objectContaining({ id: refundId, amountFen: 1500, state: R.REFUND_STATE_REQUESTED }),
    ]);
    const decide = (token: string, version: number) =>
      world.call<unknown, paymentsV1.ApproveRefundResponse>(
        'approveRefund',
        { noticeId: notice.id, refundId, expectedVersion: version },
        token,
      );
    const self = await grpcFailure(decide(finance1, asked.notice!.version));
    expect({ code: self.code, reason: self.reason }).toEqual({ code: status.PERMISSION_DENIED, reason: 'SAME_PERSON' });
    const byClerk = await grpcFailure(decide(clerk, asked.notice!.version));
    expect(byClerk.reason).toBe('ROLE_REQUIRED');
    expect((await read()).refunds[0]!.state).toBe(R.REFUND_STATE_REQUESTED);

    const approved = await decide(finance2, asked.notice!.version);
    expect(approved.notice!.refunds[0]).toMatchObject({
      state: R.REFUND_STATE_APPROVED,
      decidedBy: expect.any(String),
    });
    const refunded = await waitFor(
      async () => {
        const r = (await read()).refunds[0]!;
        return r.state === R.REFUND_STATE_REFUNDED ? r : undefined;
      },
      { timeoutMs: 30_000, what: 'the bank confirming the refund' },
    );
    expect(refunded.bankRefundTxnId).toMatch(/^RF\d{20}$/);
    expect((await read()).state).toBe(S.NOTICE_STATE_PAID);
  });

  it('counts what is asked against what is left; a rejection needs a reason; the bank cannot confirm a rejected refund, nor forge a confirmation', async () => {
    const before = await read();
    const asked = await world.call<unknown, paymentsV1.RequestRefundResponse>(
      'requestRefund',
      {
        noticeId: notice.id,
        expectedVersion: before.version,
        requestId: 'refund-djf-1',
        amountFen: 9000,
        reason: '登记费重复收取',
      },
      clerk,
    );
    // What is left: 10 500 − 1 500 refunded − 9 000 asked.
    const tooMuch = await grpcFailure(
      world.call(
        'requestRefund',
        {
          noticeId: notice.id,
          expectedVersion: asked.notice!.version,
          requestId: 'refund-left',
          amountFen: 1,
          reason: '再退一分',
        },
        clerk,
      ),
    );
    expect(tooMuch.violations).toEqual([expect.objectContaining({ path: 'amountFen', reason: 'REFUND_TOO_LARGE' })]);
    const noReason = await grpcFailure(
      world.call(
        'rejectRefund',
        { noticeId: notice.id, refundId: asked.refundId, expectedVersion: asked.notice!.version, reason: '' },
        finance1,
      ),
    );
    expect(noReason.violations.map((v) => v.path)).toEqual(['reason']);
    const rejected = await world.call<unknown, paymentsV1.RejectRefundResponse>(
      'rejectRefund',
      {
        noticeId: notice.id,
        refundId: asked.refundId,
        expectedVersion: asked.notice!.version,
        reason: '登记费未重复收取',
      },
      finance1,
    );
    expect(rejected.notice!.refunds[1]).toMatchObject({
      state: R.REFUND_STATE_REJECTED,
      rejectReason: '登记费未重复收取',
    });

    const confirmation = (over: Record<string, unknown> = {}) => ({
      type: 'REFUND',
      paymentCode: notice.paymentCode,
      refundId: asked.refundId,
      amountFen: 9000,
      refundTxnId: `RF-X-${world.cases.suffix}`,
      refundedAt: new Date().toISOString(),
      ...over,
    });
    const notApproved = await grpcFailure(world.bank('receiveCallback', await world.sign(confirmation())));
    expect(notApproved.reason).toBe('REFUND_NOT_APPROVED');
    const forged = await grpcFailure(
      world.bank(
        'receiveCallback',
        await world.sign(confirmation(), { key: generateKeyPairSync('ed25519').privateKey }),
      ),
    );
    expect(forged.reason).toBe('SIGNATURE_INVALID');
    const unknown = await grpcFailure(
      world.bank('receiveCallback', await world.sign(confirmation({ refundId: 'no-such-refund' }))),
    );
    expect(unknown.reason).toBe('REFUND_NOT_FOUND');
    expect((await read()).refunds.map((r) => r.state)).toEqual([R.REFUND_STATE_REFUNDED, R.REFUND_STATE_REJECTED]);
  });

  it('lists the refunds for finance with the payer masked, by state; each change announced once', async () => {
    const list = async (states: paymentsV1.RefundState[]) =>
      (
        await world.call<unknown, paymentsV1.ListRefundsResponse>(
          'listRefunds',
          { tenant: '', states, page: { pageSize: 50, pageToken: '' } },
          finance2,
        )
      ).refunds.filter((e) => e.noticeId === notice.id);
    const all = await list([]);
    expect(all.map((e) => e.refund!.state)).toEqual([R.REFUND_STATE_REJECTED, R.REFUND_STATE_REFUNDED]);
    expect(all[0]!.payerName).not.toBe(world.applicant.name);
    expect((await list([R.REFUND_STATE_REFUNDED])).map((e) => e.refund!.amountFen)).toEqual([1500]);
    const refused = await grpcFailure(
      world.call('listRefunds', { tenant: '', states: [], page: { pageSize: 10, pageToken: '' } }, clerk),
    );
    expect(refused.code).toBe(status.PERMISSION_DENIED);
    // The rejection is the last event of the notice: the barrier after which the count is final.
    await waitFor(
      async () => world.events.of(NOTICE_TOPIC, notice.id, 'govhall.payments.v1.RefundRejected').length >= 1,
      { timeoutMs: 20_000, what: 'RefundRejected' },
    );
    await world.events.caughtUp();
    const count = (type: string) =>
      new Set(world.events.of(NOTICE_TOPIC, notice.id, `govhall.payments.v1.${type}`).map((e) => e.envelope.id)).size;
    expect([count('RefundRequested'), count('RefundApproved'), count('RefundPaid'), count('RefundRejected')]).toEqual([
      2, 1, 1, 1,
    ]);
  });

  it('reports the collections per owning department with the refund, and as CSV; a bad period and a clerk are refused', async () => {
    // Yesterday and today (China time): the run may cross midnight.
    const today = chinaDate(new Date());
    const yesterday = chinaDate(new Date(Date.now() - 86_400_000));
    const G = paymentsV1.GetCollectionReportRequest_GroupBy;
    const query = { tenant: '', from: yesterday, to: today, groupBy: G.GROUP_BY_DEPARTMENT };
    const report = await world.call<unknown, paymentsV1.GetCollectionReportResponse>(
      'getCollectionReport',
      query,
      finance2,
    );
    const paid = (
      await world.call<unknown, paymentsV1.ListNoticesResponse>(
        'listNotices',
        { tenant: '', states: [S.NOTICE_STATE_PAID], page: { pageSize: 100, pageToken: '' } },
        finance2,
      )
    ).notices;
    const owned = (department: string) =>
      paid
        .flatMap((n) => n.lines)
        .filter((l) => l.department === department)
        .reduce((a, l) => a + l.amountFen, 0);
    expect(report.noticeCount).toBe(paid.length);
    expect(report.totalFen).toBe(paid.reduce((a, n) => a + n.totalFen, 0));
    expect(report.rows.map((r) => [r.department, r.amountFen])).toEqual([
      [SCJG, owned(SCJG)],
      [SWJ, owned(SWJ)],
    ]);
    expect(report.rows.reduce((a, r) => a + r.amountFen, 0)).toBe(report.totalFen);
    expect({ refundedFen: report.refundedFen, refundCount: report.refundCount }).toEqual({
      refundedFen: 1500,
      refundCount: 1,
    });
    const byCategory = await world.call<unknown, paymentsV1.GetCollectionReportResponse>(
      'getCollectionReport',
      { ...query, groupBy: G.GROUP_BY_CATEGORY },
      finance2,
    );
    expect(byCategory.rows.map((r) => r.category).sort()).toEqual(
      [paymentsV1.FeeCategory.FEE_CATEGORY_ADMINISTRATIVE, paymentsV1.FeeCategory.FEE_CATEGORY_TAX].sort(),
    );

    const exported = await world.call<unknown, paymentsV1.ExportCollectionReportResponse>(
      'exportCollectionReport',
      { report: query },
      finance2,
    );
    const csv = Buffer.from(exported.csv);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.subarray(3).toString('utf8');
    expect(text.split('\n')[0]).toBe('执收部门,收费类别,缴款笔数,收费项目条数,金额（元）');
    expect(text).toContain(`合计,,${paid.length},,${yuanText(report.totalFen)}`);
    expect(text).toContain('退款,,1,,15.00');

    const backwards = await grpcFailure(
      world.call('getCollectionReport', { ...query, from: today, to: '2020-01-01' }, finance2),
    );
    expect(backwards.violations).toEqual([expect.objectContaining({ path: 'to', reason: 'BEFORE_FROM' })]);
    const byClerk = await grpcFailure(world.call('getCollectionReport', query, clerk));
    expect(byClerk.code).toBe(status.PERMISSION_DENIED);
  });

  it('the stand-in’s statement of the day reconciles: its payment matches; payments it never took are flagged', async () => {
    const paidDay = chinaDate(notice.payment!.paidAt!);
    const file = Buffer.from(await (await fetch(`${standIn}/statements/${paidDay}.csv`)).arrayBuffer());
    // GB18030: the lines of the notice paid at the stand-in, one per revenue item, and the refund paid back.
    const text = new TextDecoder('gb18030', { fatal: true }).decode(file);
    expect(text.split('\r\n')[0]).toBe(
      '清算日期,银行流水号,交易类型,缴款码,执收单位编码,收入项目编码,缴款人,金额,交易时间,票据号码',
    );
    expect(text).toContain(`,缴款,${notice.paymentCode},`);
    expect(text).toContain(`,退款,${notice.paymentCode},`);
    const imported = await world.reconcile<unknown, paymentsV1.ImportStatementResponse>(
      'importStatement',
      { tenant: '', fileName: `${paidDay}.csv`, content: file },
      finance1,
    );
    expect(imported.created).toBe(true);
    const mismatches = (
      await world.reconcile<unknown, paymentsV1.ListMismatchesResponse>(
        'listMismatches',
        { tenant: '', statementId: imported.statement!.id, kind: 0, state: 0, page: { pageSize: 100, pageToken: '' } },
        finance1,
      )
    ).mismatches;
    expect(mismatches.filter((m) => m.paymentCode === notice.paymentCode)).toEqual([]);
    // The notices this file's earlier tests paid by sending callbacks themselves were never taken by the stand-in.
    expect(mismatches.filter((m) => m.noticeId === noticeId).map((m) => m.kind)).toEqual([
      paymentsV1.MismatchKind.MISMATCH_KIND_CONFIRMED_NOT_ON_STATEMENT,
    ]);
  });
});
