import { characterCount, checkText, normalizeText, type TextRule } from './text';

const NAME: TextRule = { label: '姓名', min: 2, max: 30 };
const NOTES: TextRule = { label: '填报须知', max: 20, multiline: true };

function refused(input: string, rule: TextRule = NAME) {
  const result = checkText(input, rule);
  if (result.ok) throw new Error(`expected ${JSON.stringify(input)} to be refused`);
  return result.violation;
}

function accepted(input: string, rule: TextRule = NAME): string {
  const result = checkText(input, rule);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(input)} to be accepted: ${result.violation.message}`);
  return result.value;
}

describe('checkText', () => {
  it('accepts an ordinary name and trims it, full-width spaces included', () => {
    expect(accepted('\u3000 张三 \u3000')).toBe('张三');
    expect(accepted('阿依古丽·买买提')).toBe('阿依古丽·买买提');
  });

  it('normalises to NFC: a decomposed letter and a CJK compatibility ideograph become what people mean', () => {
    expect(accepted('Jose\u0301 Li')).toBe('Jos\u00e9 Li');
    // U+F907 (compatibility 龜) is canonically equivalent to U+9F9C.
    expect(accepted('\uF907山')).toBe('\u9F9C山');
  });

  it.each([
    ['NUL', '张\u0000三'],
    ['a line feed in a one-line field', '张\n三'],
    ['a tab', '张\t三'],
    ['DEL', '张\u007F三'],
    ['a C1 control', '张\u0085三'],
    ['the line separator', '张\u2028三'],
    ['an unpaired surrogate', '张\uD800三'],
    ['a non-character', '张\uFFFF三'],
  ])('refuses a control character: %s', (_what, input) => {
    const v = refused(input);
    expect(v.reason).toBe('CONTROL_CHARACTER');
    expect(v.message).toMatch(/^姓名不能包含控制字符/);
    expect(v.message).toContain('第2个字符');
  });

  it.each([
    ['RLO', '\u202Egnp.exe'],
    ['LRE', 'ab\u202Acd'],
    ['PDF', 'ab\u202Ccd'],
    ['RLI', '张\u2067三'],
    ['PDI', '张\u2069三'],
    ['RLM', '张\u200F三'],
    ['LRM', '张\u200E三'],
    ['ALM', '张\u061C三'],
  ])('refuses a bidirectional control: %s', (_what, input) => {
    const v = refused(input, { label: '文件名', min: 1, max: 120 });
    expect(v.reason).toBe('BIDI_CONTROL');
    expect(v.message).toMatch(/^文件名不能包含文字方向控制字符/);
  });

  it.each([
    ['zero-width space', '张\u200B三'],
    ['BOM', '\uFEFF张三'],
    ['word joiner', '张\u2060三'],
    ['Hangul filler', '张\u3164三'],
  ])('refuses an invisible character inside a text: %s', (_what, input) => {
    expect(refused(input).reason).toBe('INVISIBLE_CHARACTER');
  });

  it('refuses a text that is blank once invisible characters are removed', () => {
    expect(refused('\u200D\u200C\u3000').reason).toBe('BLANK');
    expect(refused('\u00AD\uFE0F', { label: '备注', max: 10 })).toEqual({
      reason: 'BLANK',
      message: '备注不能只包含空格或不可见字符，请填写实际内容',
    });
  });

  it('treats white space alone as empty: required fields ask for it, optional ones accept it as empty', () => {
    expect(refused(' \u3000 ')).toEqual({ reason: 'REQUIRED', message: '请填写姓名' });
    expect(accepted(' \u3000 ', { label: '备注', max: 10 })).toBe('');
  });

  it('counts characters in code points: an Extension B character is one', () => {
    expect(accepted('𠀀𪚥')).toBe('𠀀𪚥');
    expect(accepted('𰻞'.repeat(30))).toHaveLength(60); // 30 characters, 60 UTF-16 units
    expect(refused('𰻞'.repeat(31))).toEqual({ reason: 'LENGTH', message: '姓名应为2至30个字符，当前为31个' });
    expect(refused('张')).toEqual({ reason: 'LENGTH', message: '姓名应为2至30个字符，当前为1个' });
    expect(refused('长'.repeat(21), NOTES)).toEqual({
      reason: 'LENGTH',
      message: '填报须知不能超过20个字符，当前为21个',
    });
  });

  it('allows line feeds in a multi-line text and turns CR LF and CR into LF', () => {
    expect(accepted('第一行\r\n第二行\r第三行\n', NOTES)).toBe('第一行\n第二行\n第三行');
    expect(refused('第一行\t第二行', NOTES)).toMatchObject({ reason: 'CONTROL_CHARACTER' });
    expect(refused('第一行\u0007', NOTES).message).toBe(
      '填报须知不能包含控制字符（换行除外），第4个字符是 U+0007，请删除后重新输入',
    );
  });

  it('keeps joiners and variation selectors inside visible text (ideographic variation sequences)', () => {
    expect(accepted('葛\u{E0100}优')).toBe('葛\u{E0100}优');
  });
});

describe('characterCount and normalizeText', () => {
  it('counts code points and normalises as checkText stores', () => {
    expect(characterCount('𠀀a张')).toBe(3);
    expect(normalizeText(' e\u0301 ')).toBe('\u00e9');
    expect(normalizeText('a\r\nb', true)).toBe('a\nb');
  });
});
