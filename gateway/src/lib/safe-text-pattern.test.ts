import { checkText } from '@govhall/identifiers';
import { SafeText, safeTextPattern } from './common.schemas';

// The documented text pattern against the shared rule it stands for: whatever the document calls valid, the
// services accept (the other way round the pattern may be stricter, e.g. on lengths before trimming).

const SAMPLES = [
  '张三',
  '阿依古丽·买买提',
  '  玉门市政务服务中心 ',
  '周一至周五 9:00-12:00',
  'a',
  'ab',
  ' a ',
  '',
  ' ',
  '\u3000\u3000',
  '\u00ad\u00ad',
  '\u200d\u200d',
  'a\u200db',
  '葛\u{e0100}',
  '𠀀𠀁',
  'a\nb',
  'a\r\nb',
  '\n\nab',
  'a\tb',
  '\u0008C',
  '\u008f\u0084',
  'ab\u0095',
  'a\u202eb',
  'a\u200bb',
  '\ufeffab',
  'a\u2028b',
  'ab\ufffe',
  '\u2066ab',
];

/** Random strings over a mix of every class the rule looks at. */
function randomTexts(n: number): string[] {
  const pool = [
    ...'ab张三𠀀 ·-',
    '\u3000',
    '\u00a0',
    '\n',
    '\r',
    '\t',
    '\u0000',
    '\u0085',
    '\u200b',
    '\u200d',
    '\u202e',
    '\u00ad',
    '\ufe0f',
    '\ufeff',
    '\u2028',
  ];
  let seed = 20261203;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: n }, () =>
    Array.from({ length: Math.floor(next() * 6) }, () => pool[Math.floor(next() * pool.length)]).join(''),
  );
}

describe('the safe-text pattern of the document', () => {
  const cases: [0 | 1 | 2, boolean][] = [
    [0, false],
    [1, false],
    [2, false],
    [0, true],
    [2, true],
  ];

  it.each(cases)('min %s, multi-line %s: what it accepts, checkText accepts', (min, multiline) => {
    const pattern = new RegExp(safeTextPattern(min, multiline), 'u');
    const accepted = [...SAMPLES, ...randomTexts(5000)].filter((t) => pattern.test(t));
    const refusedByService = accepted.filter((t) => !checkText(t, { label: '名称', min, max: 50, multiline }).ok);
    expect(refusedByService).toEqual([]);
    // …and it is not a pattern that accepts nothing.
    expect(accepted.length).toBeGreaterThan(min === 0 ? 4 : 3);
  });

  it('keeps what people type: names, spaces around them, rare characters, line breaks where allowed', () => {
    const single = new RegExp(safeTextPattern(2), 'u');
    for (const ok of ['张三', '阿依古丽·买买提', '  玉门市政务服务中心 ', '𠀀𠀁', '葛\u{e0100}', 'a\u200db']) {
      expect(single.test(ok)).toBe(true);
    }
    expect(new RegExp(safeTextPattern(2, true), 'u').test('第一条\r\n第二条')).toBe(true);
    for (const bad of ['a', ' a ', '\u00ad\u00ad', 'a\nb', 'a\u202eb', 'a\u200bb', '\u0008C']) {
      expect(single.test(bad)).toBe(false);
    }
    expect(new RegExp(safeTextPattern(0), 'u').test('')).toBe(true);
  });

  it('names no surrogate code point, which validators outside JavaScript cannot compile', () => {
    // Lone surrogates stay with the services: schemathesis' Rust validator refuses a pattern with \ud800-\udfff
    // and then generates as if the pattern were not there.
    for (const min of [0, 1, 2] as const) {
      for (const multiline of [false, true]) expect(safeTextPattern(min, multiline)).not.toMatch(/\\ud[89a-f]/i);
    }
  });

  it('is a string schema with its lengths and the pattern', () => {
    expect(SafeText(2, 50, '名称')).toMatchObject({
      type: 'string',
      minLength: 2,
      maxLength: 50,
      pattern: safeTextPattern(2),
    });
    expect(SafeText(0, 200, '原因')).not.toHaveProperty('minLength');
  });
});
