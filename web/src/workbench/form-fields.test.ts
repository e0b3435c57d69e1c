import { fieldLabel, formEntries, formFields } from './form-fields';

const schema = JSON.stringify({
  title: '食品经营许可申请书',
  type: 'object',
  properties: {
    operator: {
      title: '经营者',
      type: 'object',
      properties: { name: { title: '名称', type: 'string' }, creditCode: { title: '统一社会信用代码' } },
    },
    business: {
      title: '经营项目',
      type: 'object',
      properties: { items: { title: '经营项目', type: 'array' }, chain: { type: 'boolean' } },
    },
  },
});

describe('the fields of an item form', () => {
  it('are its leaves, named by the titles along their path, in the schema’s order', () => {
    expect(formFields(schema)).toEqual([
      { path: 'operator.name', label: '经营者 · 名称' },
      { path: 'operator.creditCode', label: '经营者 · 统一社会信用代码' },
      { path: 'business.items', label: '经营项目 · 经营项目' },
      { path: 'business.chain', label: '经营项目 · chain' },
    ]);
    expect(formFields('not json')).toEqual([]);
    expect(formFields(undefined)).toEqual([]);
  });

  it('list form data by those names, lists joined, then what the schema does not name', () => {
    const entries = formEntries(formFields(schema), {
      business: { items: ['散装食品销售', '特殊食品销售'], chain: false },
      operator: { name: '永昌县便利店' },
      extra: { note: 7 },
    });
    expect(entries).toEqual([
      { path: 'operator.name', label: '经营者 · 名称', value: '永昌县便利店' },
      { path: 'business.items', label: '经营项目 · 经营项目', value: '散装食品销售、特殊食品销售' },
      { path: 'business.chain', label: '经营项目 · chain', value: '否' },
      { path: 'extra.note', label: 'extra.note', value: '7' },
    ]);
    expect(fieldLabel(formFields(schema), 'operator.creditCode')).toBe('经营者 · 统一社会信用代码');
    expect(fieldLabel([], 'x.y')).toBe('x.y');
  });
});
