import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { BankClient } from '../client/bank-client';
import { newBankTxnId, receiptCode, receiptNumber } from '../client/receipt';
import type { CallbackOutcome } from '../client/types';
import type { CallbackState, StoredTransaction, TransactionStore } from '../store';
import { errorPage, noticePage, outcomeText, paymentResultPage, queryFormPage, STYLE, transactionsPage } from './pages';
import { refusalText, unreachableText } from './problem-text';
import { refundInstructionHandler, type RefundDeps } from './refunds';
import { statementFile, type StatementControls } from '../statement';

export interface StandInDeps {
  client: BankClient;
  store: TransactionStore;
  now: () => Date;
  /** STAND_IN_CONTROLS=1: pay without the callback, send a held one later. */
  controls: boolean;
  /** The province prefix of receipt codes. */
  receiptRegion: string;
  log: (line: string) => void;
  /** POST /refunds: GovHall's refund instructions (web/refunds.ts). */
  refunds?: RefundDeps;
}

const MAX_BODY = 8 * 1024;
const HEADERS = {
  'content-security-policy': "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

class BadRequest extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function send(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, { ...HEADERS, 'content-type': contentType });
  res.end(body);
}

const page = (res: ServerResponse, status: number, body: string) => send(res, status, 'text/html; charset=utf-8', body);

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') throw new BadRequest(415, '请通过页面上的表单提交。');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new BadRequest(413, '提交的内容过大。');
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** A 缴款码 as typed: spaces removed, then exactly 20 digits. */
function paymentCodeOf(value: string | null): string | undefined {
  const code = (value ?? '').replace(/\s+/g, '');
  return /^\d{20}$/.test(code) ? code : undefined;
}

function stateOf(outcome: CallbackOutcome): { state: CallbackState; refusalCode?: string; text?: string } {
  if (outcome.kind === 'confirmed') return { state: outcome.outcome };
  if (outcome.kind === 'refused') {
    return {
      state: 'REFUSED',
      refusalCode: outcome.problem.code ?? `HTTP_${outcome.status}`,
      text: refusalText(outcome),
    };
  }
  const last = outcome.last;
  return last.kind === 'refused'
    ? { state: 'GAVE_UP', refusalCode: last.problem.code ?? `HTTP_${last.status}`, text: refusalText(last) }
    : { state: 'GAVE_UP', refusalCode: 'UNREACHABLE', text: unreachableText(last) };
}

/** Sends a transaction's callback (with the client's retries) and records what became of it. */
export async function deliverCallback(
  deps: Pick<StandInDeps, 'client' | 'store' | 'now' | 'log'>,
  tx: StoredTransaction,
): Promise<{ state: CallbackState; refusalCode?: string; text?: string }> {
  const outcome = await deps.client.sendPaymentCallback(tx);
  const result = stateOf(outcome);
  deps.store.recordCallback(tx.bankTxnId, result.state, deps.now(), result.refusalCode);
  deps.log(
    `callback ${tx.bankTxnId} ${result.state}${result.refusalCode ? ` ${result.refusalCode}` : ''} attempts=${outcome.attempts}`,
  );
  return result;
}

/**
 * On start: sends again every callback left PENDING (the process stopped between taking the money and recording
 * GovHall's answer), as a bank keeps retrying until it gets an answer. HELD ones wait for the control.
 */
export async function resendPending(deps: Pick<StandInDeps, 'client' | 'store' | 'now' | 'log'>): Promise<number> {
  const pending = deps.store.list().filter((tx) => tx.callback === 'PENDING');
  for (const tx of pending.reverse()) await deliverCallback(deps, tx);
  return pending.length;
}

export function createStandInServer(deps: StandInDeps): Server {
  async function deliver(res: ServerResponse, tx: StoredTransaction): Promise<void> {
    const { state, text } = await deliverCallback(deps, tx);
    const stored = deps.store.get(tx.bankTxnId)!;
    page(res, 200, paymentResultPage(stored, outcomeText(state, text)));
  }

  async function query(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const form = await readForm(req);
    const typed = form.get('paymentCode') ?? '';
    const code = paymentCodeOf(typed);
    if (!code) {
      page(
        res,
        400,
        queryFormPage({ error: '缴款码应为 20 位数字。', value: typed.slice(0, 40), controls: deps.controls }),
      );
      return;
    }
    const outcome = await deps.client.queryPaymentCode(code);
    if (outcome.kind === 'notice') return page(res, 200, noticePage(outcome.notice, deps.controls));
    if (outcome.kind === 'unreachable')
      return page(res, 502, queryFormPage({ error: unreachableText(outcome), value: code, controls: deps.controls }));
    const status = outcome.status >= 400 && outcome.status < 500 ? outcome.status : 502;
    page(res, status, queryFormPage({ error: refusalText(outcome), value: code, controls: deps.controls }));
  }

  async function pay(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const form = await readForm(req);
    const code = paymentCodeOf(form.get('paymentCode'));
    const amountText = form.get('amountFen') ?? '';
    const amountFen = /^\d{1,16}$/.test(amountText) ? Number(amountText) : NaN;
    const noticeNumber = form.get('noticeNumber') ?? '';
    if (!code || !Number.isSafeInteger(amountFen) || amountFen <= 0 || noticeNumber.length > 64) {
      throw new BadRequest(400, '缴款信息不完整，请重新查询缴款码后再缴款。');
    }
    const hold = form.get('hold') === '1';
    if (hold && !deps.controls) throw new BadRequest(403, '测试控制未开启。');
    // Asked again right before the money is taken: the notice as GovHall holds it now, and its lines by owner.
    const now = await deps.client.queryPaymentCode(code);
    if (now.kind === 'unreachable') throw new BadRequest(502, unreachableText(now));
    if (now.kind !== 'notice')
      throw new BadRequest(now.status >= 400 && now.status < 500 ? now.status : 502, refusalText(now));
    if (!now.notice.payable) throw new BadRequest(409, '该缴款通知书当前不可缴款。');
    if (now.notice.totalFen !== amountFen)
      throw new BadRequest(409, '缴款金额与缴款通知书不符，请重新查询缴款码后再缴款。');
    const paidAt = deps.now();
    const tx: StoredTransaction = {
      paymentCode: code,
      amountFen,
      bankTxnId: newBankTxnId(paidAt),
      paidAt: paidAt.toISOString(),
      receiptCode: receiptCode({ region: deps.receiptRegion, year: paidAt.getUTCFullYear() }),
      receiptNumber: receiptNumber(deps.store.nextReceiptSequence()),
      noticeNumber,
      payerName: now.notice.payerName,
      lines: now.notice.lines,
      callback: hold ? 'HELD' : 'PENDING',
    };
    deps.store.recordPayment(tx);
    if (hold) {
      deps.log(`payment ${tx.bankTxnId} HELD`);
      return page(res, 200, paymentResultPage(tx, outcomeText('HELD')));
    }
    await deliver(res, tx);
  }

  async function sendHeld(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const form = await readForm(req);
    const tx = deps.store.get(form.get('bankTxnId') ?? '');
    if (!tx) throw new BadRequest(404, '没有这笔交易。');
    if (tx.callback === 'ACCEPTED' || tx.callback === 'DUPLICATE')
      throw new BadRequest(409, '这笔交易的缴款通知已被平台确认。');
    await deliver(res, tx);
  }

  /** GET /statements/<yyyy-mm-dd>.csv: the day's statement, GB18030 (controls as query parameters when on). */
  function statement(req: IncomingMessage, res: ServerResponse, date: string): void {
    const query = new URL(req.url ?? '/', 'http://stand-in').searchParams;
    const controls: StatementControls = {};
    if (deps.controls) {
      const drop = query.get('drop');
      const shift = query.get('shift');
      const outside = /^([A-Za-z0-9]{1,32}):([A-Za-z0-9]{1,32})$/.exec(query.get('outside') ?? '');
      if (drop) controls.drop = drop;
      if (shift) controls.shift = shift;
      if (outside) controls.outside = { collectingUnitCode: outside[1]!, revenueCode: outside[2]! };
    }
    const file = statementFile(date, deps.store.list(), deps.refunds?.refunds.list() ?? [], controls);
    res.writeHead(200, {
      ...HEADERS,
      'content-type': 'text/csv; charset=gb18030',
      'content-disposition': `attachment; filename="statement-${date}.csv"`,
    });
    res.end(file);
  }

  type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;
  const routes: Record<string, Partial<Record<string, Handler>>> = {
    '/': { GET: (_req, res) => page(res, 200, queryFormPage({ controls: deps.controls })) },
    '/style.css': { GET: (_req, res) => send(res, 200, 'text/css; charset=utf-8', STYLE) },
    '/healthz': { GET: (_req, res) => send(res, 200, 'application/json', '{"status":"ok"}') },
    '/query': { POST: query },
    '/pay': { POST: pay },
    ...(deps.refunds ? { '/refunds': { POST: refundInstructionHandler(deps.refunds) } } : {}),
    '/transactions': { GET: (_req, res) => page(res, 200, transactionsPage(deps.store.list(), deps.controls)) },
    ...(deps.controls ? { '/controls/send-callback': { POST: sendHeld } } : {}),
  };

  return createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://stand-in').pathname;
    const day = /^\/statements\/(\d{4}-\d{2}-\d{2})\.csv$/.exec(path);
    if (day && req.method === 'GET') return statement(req, res, day[1]!);
    const route = routes[path];
    const handler = route?.[req.method ?? 'GET'];
    if (!route) return page(res, 404, errorPage('页面不存在', '没有这个页面。'));
    if (!handler) {
      res.setHeader('allow', Object.keys(route).join(', '));
      return page(res, 405, errorPage('请求方式不支持', '请通过页面上的链接和按钮操作。'));
    }
    Promise.resolve(handler(req, res)).catch((error: unknown) => {
      if (res.headersSent) return res.destroy();
      if (error instanceof BadRequest) return page(res, error.status, errorPage('无法处理', error.message));
      deps.log(`error ${path} ${error instanceof Error ? error.name : 'unknown'}`);
      page(res, 500, errorPage('出错了', '本地模拟收款银行内部出错，请稍后再试。'));
    });
  });
}
