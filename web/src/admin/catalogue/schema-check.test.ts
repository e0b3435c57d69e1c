import { schemaProblem } from './schema-check';

const form = (properties: Record<string, unknown>) => ({ type: 'object', properties });

describe('schemaProblem: the form builder looks at a schema as it is typed', () => {
  it('accepts a form with fields', () => {
    expect(
      schemaProblem(
        form({ area: { type: 'number', title: '面积' }, tags: { type: 'array', items: { type: 'string' } } }),
      ),
    ).toBeUndefined();
  });

  it('names a wrong type where it is, nested too', () => {
    expect(schemaProblem(form({ area: { type: 'numbr' } }))).toBe(
      'properties.area.type：类型只能是 string、number、integer、boolean、object、array 或 null',
    );
    expect(schemaProblem(form({ p: { type: 'object', properties: { a: { type: ['string', 'text'] } } } }))).toMatch(
      /^properties\.p\.properties\.a\.type：/,
    );
    expect(schemaProblem(form({ l: { type: 'array', items: { type: 1 } } }))).toMatch(/^properties\.l\.items\.type：/);
  });

  it('wants an object form with at least one field', () => {
    expect(schemaProblem([])).toBe('表单结构应为 JSON 对象（{…}）');
    expect(schemaProblem({ type: 'string' })).toBe('根节点的 type 应为 "object"');
    expect(schemaProblem(form({}))).toBe('表单至少需要一个字段（properties）');
  });
});
