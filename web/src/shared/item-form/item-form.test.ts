import { errorSchemaOf, otherFields } from './server-errors';
import { parseForm } from './parse-form';
import { translateString } from './translations';
import { itemFormValidator, transformErrors } from './validator';
import { TranslatableString, type RJSFSchema } from '@rjsf/utils';

const schema: RJSFSchema = {
  type: 'object',
  required: ['operator'],
  properties: {
    operator: {
      type: 'object',
      title: '经营者',
      required: ['name'],
      properties: {
        name: { type: 'string', title: '经营者名称', minLength: 2 },
        area: { type: 'number', title: '经营面积', minimum: 1 },
      },
    },
  },
};

describe('the item form in the browser', () => {
  it('words each problem as the server does, at the field’s path', () => {
    const { errors } = itemFormValidator.validateFormData(
      { operator: { name: '甲', area: 0 } },
      schema,
      undefined,
      transformErrors,
    );
    expect(errors.map((e) => [e.property, e.message])).toEqual([
      ['.operator.name', '“经营者名称”至少应有2个字符'],
      ['.operator.area', '“经营面积”不能小于1'],
    ]);
    const missing = itemFormValidator.validateFormData({ operator: {} }, schema, undefined, transformErrors);
    expect(missing.errors.map((e) => [e.property, e.message])).toEqual([['.operator.name', '请填写“经营者名称”']]);
  });

  it('shows the server’s form-data messages at their fields and leaves the others to the page', () => {
    const fields = {
      'formData.operator.name': '请填写“经营者名称”',
      'formData.operator.name ': 'x',
      formData: '表单数据不是有效的 JSON',
      contact: '手机号码格式不正确',
    };
    delete (fields as Record<string, string>)['formData.operator.name '];
    expect(errorSchemaOf(fields)).toEqual({
      __errors: ['表单数据不是有效的 JSON'],
      operator: { name: { __errors: ['请填写“经营者名称”'] } },
    });
    expect(otherFields(fields)).toEqual({ contact: '手机号码格式不正确' });
  });

  it('parses the catalogue’s texts and says what is wrong with a broken one', () => {
    expect(parseForm('', '')).toEqual({ ok: true, schema: {}, uiSchema: {} });
    expect(parseForm('{"type":"object"}', '{"ui:order":["a"]}')).toEqual({
      ok: true,
      schema: { type: 'object' },
      uiSchema: { 'ui:order': ['a'] },
    });
    const broken = parseForm('{"type":', '');
    expect(broken.ok).toBe(false);
    expect(broken).toMatchObject({ field: 'jsonSchema' });
    expect((broken as { message: string }).message).toMatch(/^表单结构（JSON Schema）不是有效的 JSON：/);
    expect(parseForm('{}', '[1]')).toEqual({
      ok: false,
      field: 'uiSchema',
      message: '界面设置（UI Schema）应为 JSON 对象（{…}）',
    });
  });

  it('speaks Chinese on its buttons and keeps parameters', () => {
    expect(translateString(TranslatableString.AddItemButton)).toBe('添加一项');
    expect(translateString(TranslatableString.ArrayItemTitle, ['3'])).toBe('第 3 项');
    // Without a Chinese text, rjsf's English stands (so a new rjsf string is visible, not blank).
    expect(translateString(TranslatableString.CycleDetected, ['a'])).toContain('Circular reference');
  });
});
