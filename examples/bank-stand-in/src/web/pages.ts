import type { NoticeInfo } from '../client/types';
import type { StoredTransaction } from '../store';
import { formatFen, html, type SafeHtml } from './html';

export const STYLE = `body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:0;color:#1a1a1a;background:#f5f6f8;line-height:1.6}
header{background:#8b1c1c;color:#fff;padding:.6rem 1.5rem}header p{margin:0;font-weight:600}header small{font-weight:400;opacity:.85}
main{max-width:40rem;margin:1.5rem auto;background:#fff;padding:1.5rem 2rem;border-radius:6px;box-shadow:0 1px 3px rgba(0,0,0,.12)}
h1{font-size:1.4rem;margin-top:0}label{display:block;font-weight:600;margin-bottom:.3rem}
input[type=text]{font-size:1.2rem;padding:.4rem .6rem;width:100%;box-sizing:border-box;letter-spacing:.08em;border:1px solid #767676;border-radius:4px}
button{font-size:1rem;padding:.5rem 1.4rem;border:0;border-radius:4px;background:#8b1c1c;color:#fff;cursor:pointer;margin:.8rem .6rem 0 0}
button.secondary{background:#fff;color:#8b1c1c;border:1px solid #8b1c1c}
:focus-visible{outline:3px solid #1a5fb4;outline-offset:2px}
.hint{color:#555;font-size:.9rem;margin:.3rem 0 0}.error{color:#a30000;background:#fdecec;border-left:4px solid #a30000;padding:.6rem .8rem}
.ok{color:#14532d;background:#e8f5ec;border-left:4px solid #1e7d3a;padding:.6rem .8rem}
dl{display:grid;grid-template-columns:8em 1fr;gap:.4rem 1rem}dt{color:#555}dd{margin:0}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border-bottom:1px solid #ddd;padding:.3rem;text-align:left}
.test{border:1px dashed #a05a00;padding:.6rem .8rem;margin-top:1rem}`;

function layout(title: string, body: SafeHtml): string {
  return html`<!doctype html>
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} - 本地模拟收款银行</title>
        <link rel="stylesheet" href="/style.css" />
      </head>
      <body>
        <header>
          <p>本地模拟收款银行 <small>（仅供本地演示，不是真实银行）</small></p>
        </header>
        <main>
          <h1>${title}</h1>
          ${body}
        </main>
      </body>
    </html> `.value;
}

export function queryFormPage(options: { error?: string; value?: string; controls: boolean }): string {
  const invalid = options.error !== undefined;
  return layout(
    '缴纳非税收入',
    html`${invalid ? html`<p class="error" role="alert" id="code-error">${options.error}</p>` : ''}
      <form method="post" action="/query" novalidate>
        <label for="paymentCode">缴款码</label>
        <input
          type="text"
          id="paymentCode"
          name="paymentCode"
          inputmode="numeric"
          autocomplete="off"
          maxlength="20"
          pattern="[0-9]{20}"
          required
          aria-describedby="code-hint${invalid ? ' code-error' : ''}"
          ${invalid ? html` aria-invalid="true"` : ''}
          value="${options.value ?? ''}"
        />
        <p class="hint" id="code-hint">请输入缴款通知书上的 20 位缴款码。</p>
        <button type="submit">查询</button>
      </form>
      <p><a href="/transactions">本行交易记录</a>${options.controls ? '（测试控制已开启）' : ''}</p>`,
  );
}

export function noticePage(notice: NoticeInfo, controls: boolean): string {
  return layout(
    '缴款通知书信息',
    html`<dl>
        <dt>缴款码</dt>
        <dd>${notice.paymentCode}</dd>
        <dt>通知书编号</dt>
        <dd>${notice.noticeNumber}</dd>
        <dt>执收单位</dt>
        <dd>${notice.collectingBody}</dd>
        <dt>缴款人</dt>
        <dd>${notice.payerName}</dd>
        <dt>金额（小写）</dt>
        <dd>${formatFen(notice.totalFen)}</dd>
        <dt>金额（大写）</dt>
        <dd>${notice.totalCapitals}</dd>
        <dt>缴款期限</dt>
        <dd>${notice.deadline}</dd>
        <dt>状态</dt>
        <dd>${notice.payable ? '可缴款' : '不可缴款'}</dd>
      </dl>
      ${
        notice.payable
          ? html`<form method="post" action="/pay">
              <input type="hidden" name="paymentCode" value="${notice.paymentCode}" />
              <input type="hidden" name="amountFen" value="${notice.totalFen}" />
              <input type="hidden" name="noticeNumber" value="${notice.noticeNumber}" />
              <button type="submit">确认缴款</button>
              ${controls ? html`<button type="submit" class="secondary" name="hold" value="1">缴款但暂不通知平台（测试控制）</button>` : ''}
            </form>`
          : html`<p class="error" role="alert">
              该缴款通知书当前不可缴款（已缴、已减免、已撤销或已过期），本行不收取款项。
            </p>`
      }
      <p><a href="/">返回</a></p>`,
  );
}

const OUTCOME_TEXT: Record<string, string> = {
  ACCEPTED: '缴款成功，政务服务平台已确认。',
  DUPLICATE: '政务服务平台此前已确认本笔缴款（重复通知，未作变更）。',
  HELD: '本行已扣款，但按测试控制暂未通知政务服务平台（留待对账）。',
};

export function paymentResultPage(tx: StoredTransaction, message: { ok: boolean; text: string }): string {
  return layout(
    message.ok ? '缴款完成' : '缴款结果',
    html`<p class="${message.ok ? 'ok' : 'error'}" role="${message.ok ? 'status' : 'alert'}">${message.text}</p>
      <dl>
        <dt>缴款码</dt>
        <dd>${tx.paymentCode}</dd>
        <dt>金额</dt>
        <dd>${formatFen(tx.amountFen)}</dd>
        <dt>银行流水号</dt>
        <dd>${tx.bankTxnId}</dd>
        <dt>缴款时间</dt>
        <dd>${tx.paidAt}</dd>
        <dt>电子票据代码</dt>
        <dd>${tx.receiptCode}</dd>
        <dt>电子票据号码</dt>
        <dd>${tx.receiptNumber}</dd>
      </dl>
      <p><a href="/">继续缴款</a></p>`,
  );
}

export function outcomeText(callback: StoredTransaction['callback'], refusal?: string): { ok: boolean; text: string } {
  if (callback === 'ACCEPTED' || callback === 'DUPLICATE') return { ok: true, text: OUTCOME_TEXT[callback]! };
  if (callback === 'HELD') return { ok: false, text: OUTCOME_TEXT.HELD! };
  if (callback === 'REFUSED')
    return {
      ok: false,
      text: `本行已扣款，但政务服务平台拒绝了缴款通知：${refusal ?? ''}本行将按对账结果退款或补正。`,
    };
  return { ok: false, text: `本行已扣款，但缴款通知多次发送未成功：${refusal ?? ''}本行将在对账时补正。` };
}

export function errorPage(title: string, message: string, back = '/'): string {
  return layout(
    title,
    html`<p class="error" role="alert">${message}</p>
      <p><a href="${back}">返回</a></p>`,
  );
}

const STATE_TEXT: Record<StoredTransaction['callback'], string> = {
  PENDING: '发送中',
  HELD: '暂未通知',
  ACCEPTED: '已确认',
  DUPLICATE: '已确认（重复）',
  REFUSED: '被拒绝',
  GAVE_UP: '发送失败',
};

export function transactionsPage(list: StoredTransaction[], controls: boolean): string {
  const rows = list.map(
    (tx) =>
      html`<tr>
        <td>${tx.bankTxnId}</td>
        <td>${tx.paymentCode}</td>
        <td>${formatFen(tx.amountFen)}</td>
        <td>${tx.paidAt}</td>
        <td>${tx.receiptCode}-${tx.receiptNumber}</td>
        <td>${STATE_TEXT[tx.callback]}${tx.refusalCode ? `（${tx.refusalCode}）` : ''}</td>
        <td>
          ${
            controls && tx.callback !== 'ACCEPTED' && tx.callback !== 'DUPLICATE'
              ? html`<form method="post" action="/controls/send-callback">
                  <input type="hidden" name="bankTxnId" value="${tx.bankTxnId}" /><button
                    type="submit"
                    class="secondary"
                  >
                    发送缴款通知
                  </button>
                </form>`
              : ''
          }
        </td>
      </tr>`,
  );
  return layout(
    '本行交易记录',
    html`<table>
        <caption class="hint">
          本地模拟收款银行收取的款项（最新在前）
        </caption>
        <thead>
          <tr>
            <th scope="col">银行流水号</th>
            <th scope="col">缴款码</th>
            <th scope="col">金额</th>
            <th scope="col">缴款时间</th>
            <th scope="col">电子票据</th>
            <th scope="col">缴款通知</th>
            <th scope="col"><span class="hint">操作</span></th>
          </tr>
        </thead>
        <tbody>
          ${rows}
        </tbody>
      </table>
      <p><a href="/">返回</a></p>`,
  );
}
