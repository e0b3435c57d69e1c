import { escapeHtml, formatFen, html } from './html';
import { errorPage, noticePage, paymentResultPage, queryFormPage, transactionsPage } from './pages';

const HOSTILE = `<script>alert("x")</script>&'`;

describe('escapeHtml', () => {
  it('escapes the five characters that matter in text and quoted attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;',
    );
    expect(escapeHtml('张*三 ¥1,234.56')).toBe('张*三 ¥1,234.56');
  });
});

describe('html', () => {
  it('escapes every interpolation, in lists too, but not nested html', () => {
    const inner = html`<b>${'<i>'}</b>`;
    const out = html`<p title="${'"x"'}">${HOSTILE}${[1, '<', inner]}${null}${undefined}${false}</p>`.value;

    expect(out).toBe(
      '<p title="&quot;x&quot;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;1&lt;<b>&lt;i&gt;</b></p>',
    );
  });
});

describe('formatFen', () => {
  it.each([
    [0, '¥0.00'],
    [5, '¥0.05'],
    [100, '¥1.00'],
    [123456, '¥1,234.56'],
    [100000000, '¥1,000,000.00'],
    [Number.MAX_SAFE_INTEGER, '¥90,071,992,547,409.91'],
  ])('%d fen → %s', (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });
});

describe('pages', () => {
  const notice = {
    paymentCode: '12345678901234567890',
    noticeNumber: HOSTILE,
    payerName: HOSTILE,
    collectingBody: HOSTILE,
    totalFen: 123456,
    totalCapitals: HOSTILE,
    deadline: HOSTILE,
    payable: true,
    lines: [],
  };
  const tx = {
    paymentCode: '12345678901234567890',
    amountFen: 1,
    bankTxnId: HOSTILE,
    paidAt: HOSTILE,
    receiptCode: HOSTILE,
    receiptNumber: HOSTILE,
    noticeNumber: HOSTILE,
    callback: 'REFUSED' as const,
    refusalCode: HOSTILE,
  };

  it('never lets text from GovHall, the payer or the store out unescaped', () => {
    const pages = [
      queryFormPage({ error: HOSTILE, value: HOSTILE, controls: true }),
      noticePage(notice, true),
      noticePage({ ...notice, payable: false }, false),
      paymentResultPage(tx, { ok: false, text: HOSTILE }),
      errorPage(HOSTILE, HOSTILE),
      transactionsPage([tx], true),
    ];
    for (const page of pages) {
      expect(page).not.toContain('<script>');
      expect(page).not.toContain(`"x"`);
      expect(page).toContain('&lt;script&gt;');
    }
  });

  it('shows the notice in Chinese with the amount in figures and GovHall’s capitals, and the 确认缴款 button when payable', () => {
    const page = noticePage(
      { ...notice, collectingBody: '某市市场监督管理局', totalCapitals: '壹仟贰佰叁拾肆元伍角陆分' },
      false,
    );

    expect(page).toContain('<html lang="zh-CN">');
    expect(page).toContain('<dd>¥1,234.56</dd>');
    expect(page).toContain('<dd>壹仟贰佰叁拾肆元伍角陆分</dd>');
    expect(page).toContain('<dd>某市市场监督管理局</dd>');
    expect(page).toContain('确认缴款');
    expect(page).not.toContain('name="hold"');
    expect(noticePage(notice, false)).toContain('<input type="hidden" name="amountFen" value="123456" />');
    expect(noticePage({ ...notice, payable: false }, false)).not.toContain('确认缴款');
  });

  it('labels the payment code field and ties the error to it', () => {
    const page = queryFormPage({ error: '缴款码应为 20 位数字。', value: '1', controls: false });

    expect(page).toContain('<label for="paymentCode">缴款码</label>');
    expect(page).toContain('aria-describedby="code-hint code-error"');
    expect(page).toContain('aria-invalid="true"');
    expect(queryFormPage({ controls: false })).not.toContain('aria-invalid');
    expect(page).toContain('role="alert" id="code-error"');
  });
});
