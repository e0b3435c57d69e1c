import { formNumbers } from './form-values';

describe('formNumbers', () => {
  it('flattens form data to dotted paths, numbers as their exact source text', () => {
    const values = formNumbers(
      JSON.stringify({ property: { price: 1234567.89, area: 89.5, use: '住宅', rooms: 3 }, firstHome: true }).replace(
        '89.5',
        '89.50',
      ),
    );
    expect({ ...values }).toEqual({
      'property.price': '1234567.89',
      'property.area': '89.50', // the text as written, not 89.5
      'property.use': '住宅',
      'property.rooms': '3',
      firstHome: 'true',
    });
    expect(Object.getPrototypeOf(values)).toBeNull();
  });

  it('keeps digits a float would lose', () => {
    const values = formNumbers('{"a": 9007199254740993, "b": 0.30000000000000004, "c": 1.005, "d": 1e21, "e": -0.0}');
    expect({ ...values }).toEqual({
      a: '9007199254740993',
      b: '0.30000000000000004',
      c: '1.005',
      d: '1e21',
      e: '-0.0',
    });
  });

  it('leaves out arrays, null and keys a formula cannot name', () => {
    const values = formNumbers('{"list": [1, 2], "none": null, "a.b": 1, "with space": 2, "房产": {"面积": 90}}');
    expect({ ...values }).toEqual({ '房产.面积': '90' });
  });

  it('refuses what is not a JSON object', () => {
    expect(() => formNumbers('[1]')).toThrow(TypeError);
    expect(() => formNumbers('12')).toThrow(TypeError);
    expect(() => formNumbers('null')).toThrow(TypeError);
    expect(() => formNumbers('{"a": 1')).toThrow(SyntaxError);
  });

  it('stops at 32 levels of nesting', () => {
    const deep = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
    expect(Object.keys(formNumbers(deep(32)))).toEqual([Array(32).fill('a').join('.')]);
    expect(Object.keys(formNumbers(deep(33)))).toEqual([]);
  });
});
