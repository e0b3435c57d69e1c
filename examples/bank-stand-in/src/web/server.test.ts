import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compactVerify } from 'jose';
import { createBankClient } from '../client/bank-client';
import { TransactionStore } from '../store';
import { createStandInServer, resendPending } from './server';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const CODE = '12345678901234567890';
const notice = {
  paymentCode: CODE,
  noticeNumber: 'JK20260001',
  payerName: '张*三',
  collectingBody: '某市市场监督管理局',
  totalFen: 123456,
  totalCapitals: '壹仟贰佰叁拾肆元伍角陆分',
  deadline: '2026-12-31',
  payable: true,
};

/** A fake GovHall edge (unit test only): the query answers the notice; callbacks answer from `callbackReplies`. */
function fakeGovhall(callbackReplies: { status: number; body: unknown }[]) {
  const callbacks: Record<string, unknown>[] = [];
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const { payload } = await compactVerify(String(init?.body), publicKey, { algorithms: ['EdDSA'] });
    const message = JSON.parse(new TextDecoder().decode(payload)) as Record<string, unknown>;
    const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });
    if (String(input).endsWith('/payment-code-queries')) {
      return message.paymentCode === CODE
        ? json(200, notice)
        : json(404, { code: 'UNKNOWN_PAYMENT_CODE', detail: '没有该缴款码对应的缴款通知书。' });
    }
    callbacks.push(message);
    const reply = callbackReplies.shift() ?? { status: 200, body: { outcome: 'ACCEPTED', noticeNumber: 'JK20260001' } };
    return json(reply.status, reply.body);
  }) as typeof globalThis.fetch;
  return { fetch, callbacks };
}

async function startStandIn(options: { controls: boolean; replies?: { status: number; body: unknown }[] }) {
  const stateDir = mkdtempSync(join(tmpdir(), 'bank-stand-in-server-'));
  const govhall = fakeGovhall(options.replies ?? []);
  const now = () => new Date('2026-12-05T08:00:00.000Z');
  const client = createBankClient({
    govhallUrl: 'http://govhall.test',
    channel: 'stand-in',
    key: { privateKey, kid: 'stand-in-1' },
    now,
    fetch: govhall.fetch,
    sleep: async () => {},
  });
  const store = new TransactionStore(stateDir);
  const logs: string[] = [];
  const server = createStandInServer({
    client,
    store,
    now,
    controls: options.controls,
    receiptRegion: '11',
    log: (l) => logs.push(l),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const post = (path: string, form: Record<string, string>) =>
    fetch(`${base}${path}`, { method: 'POST', body: new URLSearchParams(form) });
  return { base, post, store, stateDir, govhall, logs, close: () => new Promise((r) => server.close(r)) };
}

describe('the stand-in pages', () => {
  let standIn: Awaited<ReturnType<typeof startStandIn>>;
  afterEach(async () => standIn.close());

  it('serves the form, the health check, and Chinese 404/405 pages', async () => {
    standIn = await startStandIn({ controls: false });

    const home = await fetch(`${standIn.base}/`);
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(home.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await home.text()).toContain('<label for="paymentCode">缴款码</label>');
    expect(await (await fetch(`${standIn.base}/healthz`)).json()).toEqual({ status: 'ok' });
    const missing = await fetch(`${standIn.base}/nope`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('页面不存在');
    expect((await fetch(`${standIn.base}/pay`)).status).toBe(405);
  });

  it('refuses a payment code that is not 20 digits without asking GovHall, and shows GovHall’s refusal in Chinese', async () => {
    standIn = await startStandIn({ controls: false });

    const bad = await standIn.post('/query', { paymentCode: '123<b>' });
    expect(bad.status).toBe(400);
    const badPage = await bad.text();
    expect(badPage).toContain('缴款码应为 20 位数字。');
    expect(badPage).toContain('value="123&lt;b&gt;"');

    const unknown = await standIn.post('/query', { paymentCode: '99999 99999 99999 99999' });
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('没有该缴款码对应的缴款通知书。');
  });

  it('shows the notice, then pays: records the transaction, sends the signed callback, shows the 电子票据', async () => {
    standIn = await startStandIn({ controls: false });

    const shown = await (await standIn.post('/query', { paymentCode: CODE })).text();
    expect(shown).toContain('<dd>¥1,234.56</dd>');
    expect(shown).toContain('<dd>壹仟贰佰叁拾肆元伍角陆分</dd>');
    expect(shown).toContain('确认缴款');

    const paid = await standIn.post('/pay', { paymentCode: CODE, amountFen: '123456', noticeNumber: 'JK20260001' });
    const page = await paid.text();

    expect(paid.status).toBe(200);
    expect(page).toContain('缴款成功，政务服务平台已确认。');
    expect(page).toContain('<dd>11010126</dd>');
    expect(page).toContain('<dd>0000000001</dd>');
    expect(standIn.govhall.callbacks).toEqual([
      expect.objectContaining({
        type: 'PAYMENT',
        paymentCode: CODE,
        amountFen: 123456,
        receiptCode: '11010126',
        receiptNumber: '0000000001',
      }),
    ]);
    const [tx] = standIn.store.list();
    expect(tx).toMatchObject({ callback: 'ACCEPTED', bankTxnId: standIn.govhall.callbacks[0]!.bankTxnId });
    // The JSON-lines store reads back the same.
    expect(new TransactionStore(standIn.stateDir).list()).toEqual([tx]);
    expect(standIn.logs.join('\n')).not.toContain('张');
  });

  it('shows a refused callback with GovHall’s Chinese detail and records it as refused', async () => {
    standIn = await startStandIn({
      controls: false,
      replies: [
        { status: 409, body: { status: 409, code: 'NOTICE_NOT_PAYABLE', detail: '该缴款通知书已由另一笔交易缴清。' } },
      ],
    });

    const page = await (
      await standIn.post('/pay', { paymentCode: CODE, amountFen: '123456', noticeNumber: 'JK20260001' })
    ).text();

    expect(page).toContain('政务服务平台拒绝了缴款通知：该缴款通知书已由另一笔交易缴清。');
    expect(standIn.store.list()[0]).toMatchObject({ callback: 'REFUSED', refusalCode: 'NOTICE_NOT_PAYABLE' });
  });

  it('takes no money when the amount differs from the notice as GovHall answers it now', async () => {
    standIn = await startStandIn({ controls: false });
    const res = await standIn.post('/pay', { paymentCode: CODE, amountFen: '1', noticeNumber: 'JK20260001' });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('缴款金额与缴款通知书不符');
    expect(standIn.store.list()).toEqual([]);
    expect(standIn.govhall.callbacks).toEqual([]);
  });

  it('without STAND_IN_CONTROLS, refuses to hold a callback and has no control routes', async () => {
    standIn = await startStandIn({ controls: false });

    const held = await standIn.post('/pay', { paymentCode: CODE, amountFen: '123456', noticeNumber: 'N', hold: '1' });
    expect(held.status).toBe(403);
    expect(standIn.store.list()).toEqual([]);
    expect((await standIn.post('/controls/send-callback', { bankTxnId: 'x' })).status).toBe(404);
    expect(standIn.govhall.callbacks).toEqual([]);
  });

  it('with STAND_IN_CONTROLS, pays without the callback, then sends it when asked', async () => {
    standIn = await startStandIn({ controls: true });

    const held = await (
      await standIn.post('/pay', { paymentCode: CODE, amountFen: '123456', noticeNumber: 'N', hold: '1' })
    ).text();
    expect(held).toContain('暂未通知政务服务平台');
    expect(standIn.govhall.callbacks).toEqual([]);
    const [tx] = standIn.store.list();
    expect(tx).toMatchObject({ callback: 'HELD' });

    const sent = await (await standIn.post('/controls/send-callback', { bankTxnId: tx!.bankTxnId })).text();
    expect(sent).toContain('缴款成功');
    expect(standIn.govhall.callbacks).toHaveLength(1);
    expect(standIn.store.get(tx!.bankTxnId)).toMatchObject({ callback: 'ACCEPTED' });
    expect((await standIn.post('/controls/send-callback', { bankTxnId: tx!.bankTxnId })).status).toBe(409);
  });

  it('on start, sends again the callbacks left PENDING by a stop mid-send, and leaves HELD ones alone', async () => {
    standIn = await startStandIn({ controls: true });
    const base = {
      paymentCode: CODE,
      amountFen: 123456,
      paidAt: '2026-12-05T08:00:00.000Z',
      noticeNumber: 'N',
      receiptCode: '11010126',
    };
    standIn.store.recordPayment({ ...base, bankTxnId: 'SI-PENDING', receiptNumber: '0000000001', callback: 'PENDING' });
    standIn.store.recordPayment({ ...base, bankTxnId: 'SI-HELD', receiptNumber: '0000000002', callback: 'HELD' });
    const restarted = new TransactionStore(standIn.stateDir);
    const client = createBankClient({
      govhallUrl: 'http://govhall.test',
      channel: 'stand-in',
      key: { privateKey, kid: 'stand-in-1' },
      fetch: standIn.govhall.fetch,
    });

    const resent = await resendPending({ client, store: restarted, now: () => new Date(), log: () => {} });

    expect(resent).toBe(1);
    expect(standIn.govhall.callbacks.map((c) => c.bankTxnId)).toEqual(['SI-PENDING']);
    expect(new TransactionStore(standIn.stateDir).get('SI-PENDING')).toMatchObject({ callback: 'ACCEPTED' });
    expect(restarted.get('SI-HELD')).toMatchObject({ callback: 'HELD' });
  });
});
