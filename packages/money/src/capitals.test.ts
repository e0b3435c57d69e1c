import nzhcn from 'nzh/cn';
import { capitals, MAX_CAPITALS_FEN } from './capitals';
import { MAX_FEN, MoneyError, parseYuan } from './fen';

describe('capitals (人民币大写)', () => {
  it.each([
    // 中国人民银行《正确填写票据和结算凭证的基本规定》 and its worked examples
    ['1409.50', '人民币壹仟肆佰零玖元伍角整'], // a middle 0 → 零; 整 after 角 (会计基础工作规范 §52)
    ['6007.14', '人民币陆仟零柒元壹角肆分'], // several zeros → one 零
    ['16409.02', '人民币壹万陆仟肆佰零玖元零贰分'], // 角 0, 分 not: 零 after 元
    ['325.04', '人民币叁佰贰拾伍元零肆分'],
    // Where the standard allows a 零 or none, nzh writes none (allowed: "也可以不写零字"); pinned.
    ['1680.32', '人民币壹仟陆佰捌拾元叁角贰分'],
    ['107000.53', '人民币壹拾万柒仟元伍角叁分'],
    // 整 / 正 rules and small amounts
    ['10.00', '人民币壹拾元整'], // never 拾元
    ['80.00', '人民币捌拾元整'], // the seeded 登记费
    ['550.00', '人民币伍佰伍拾元整'],
    ['0.00', '人民币零元整'],
    ['0.50', '人民币伍角整'],
    ['0.01', '人民币壹分'], // no 整 after 分
    ['0.05', '人民币伍分'],
    ['1.10', '人民币壹元壹角整'],
    ['123.45', '人民币壹佰贰拾叁元肆角伍分'],
    ['10.05', '人民币壹拾元零伍分'],
    ['18518.52', '人民币壹万捌仟伍佰壹拾捌元伍角贰分'],
    // large amounts
    ['1000000.01', '人民币壹佰万元零壹分'],
    ['100000.01', '人民币壹拾万元零壹分'],
    ['100100.00', '人民币壹拾万零壹佰元整'],
    ['100010000.00', '人民币壹亿零壹万元整'],
    ['1000010000.00', '人民币壹拾亿零壹万元整'],
    ['999999999999.99', '人民币玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分'],
  ])('%s 元 → %s', (yuan, expected) => {
    expect(capitals(parseYuan(yuan))).toBe(expected);
    expect(capitals(BigInt(parseYuan(yuan)))).toBe(expected);
  });

  it('refuses negative, fractional and too large amounts instead of writing them', () => {
    expect(() => capitals(-500)).toThrow(MoneyError); // nzh itself would write 负伍元整
    expect(() => capitals(0.5)).toThrow(MoneyError);
    expect(() => capitals(MAX_CAPITALS_FEN + 1)).toThrow('金额过大');
    expect(() => capitals(MAX_FEN)).toThrow('金额过大');
    expect(() => capitals(2n ** 53n + 1n)).toThrow('超出可处理的范围');
  });

  it('has its cap where nzh 1.0.14 starts dropping a 零 (from 1 万亿元)', () => {
    // 1,0000,4400,1036 元: the 亿 group is all zeros, so the standard wants 壹万亿零肆仟肆佰万…; nzh leaves the 零 out.
    // If this starts failing, nzh changed: check the amounts above the cap before raising it.
    expect(nzhcn.toMoney('1000044001036.00', { forceZheng: true })).toBe('人民币壹万亿肆仟肆佰万壹仟零叁拾陆元整');
    expect(() => capitals(parseYuan('1000044001036.00'))).toThrow(MoneyError);
  });

  it('needs forceZheng: without it nzh writes 壹拾元 without 整 for "10.00"', () => {
    expect(nzhcn.toMoney('10.00')).toBe('人民币壹拾元');
    expect(capitals(1000)).toBe('人民币壹拾元整');
  });

  // An independent reference on bigint (the research's appendix), writing the optional 零 before 角 that nzh leaves
  // out; otherwise the two must agree on every amount below the cap.
  const D = '零壹贰叁肆伍陆柒捌玖';
  const U = ['', '拾', '佰', '仟'];
  const G = ['', '万', '亿'];
  const section = (n: number) => {
    let s = '';
    let zero = false;
    for (let i = 3; i >= 0; i--) {
      const d = Math.floor(n / 10 ** i) % 10;
      if (d === 0) {
        if (s) zero = true;
        continue;
      }
      if (zero) s += '零';
      zero = false;
      s += D[d]! + U[i]!;
    }
    return s;
  };
  const yuanWords = (y: bigint) => {
    const groups: number[] = [];
    for (let v = y; v > 0n; v /= 10000n) groups.push(Number(v % 10000n));
    let s = '';
    let gap = false;
    for (let i = groups.length - 1; i >= 0; i--) {
      const n = groups[i]!;
      if (n === 0) {
        if (s) gap = true;
        continue;
      }
      if (s && (gap || n < 1000)) s += '零';
      gap = false;
      s += section(n) + G[i]!;
    }
    return s;
  };
  const reference = (fen: bigint) => {
    const y = fen / 100n;
    const jiao = Number((fen / 10n) % 10n);
    const f = Number(fen % 10n);
    let s = yuanWords(y);
    if (y > 0n) s += '元';
    if (jiao === 0 && f === 0) return '人民币' + (s || '零元') + '整';
    if (jiao > 0) s += D[jiao]! + '角';
    else if (y > 0n) s += '零';
    return '人民币' + s + (f > 0 ? D[f]! + '分' : '整');
  };

  it('agrees with an independent reference on every amount to 1,000 元 and on 20,000 zero-rich amounts', () => {
    for (let fen = 0n; fen <= 100_000n; fen++) {
      const got = capitals(fen);
      if (got !== reference(fen)) expect([fen, got]).toEqual([fen, reference(fen)]);
    }
    let seed = 20261205;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 20_000; i++) {
      const length = 1 + Math.floor(random() * 14);
      let digits = '';
      for (let k = 0; k < length; k++) digits += random() < 0.55 ? '0' : String(1 + Math.floor(random() * 9));
      const fen = BigInt(digits);
      const got = capitals(fen);
      if (got !== reference(fen)) expect([fen, got]).toEqual([fen, reference(fen)]);
    }
  });
});
