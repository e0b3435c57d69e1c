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

  it('checks without generating code (the pages’ CSP has no unsafe-eval), if/then, unknown fields, enums and formats', () => {
    const conditional: RJSFSchema = {
      type: 'object',
      additionalProperties: false,
      properties: {
        kind: { type: 'string', title: '经营类型', enum: ['食品销售', '餐饮服务'] },
        opened: { type: 'string', title: '开业日期', format: 'date' },
        seats: { type: 'integer', title: '座位数' },
      },
      if: { properties: { kind: { const: '餐饮服务' } } },
      then: { required: ['seats'] },
    };
    const realFunction = globalThis.Function;
    (globalThis as { Function: unknown }).Function = function refused() {
      throw new EvalError('Content-Security-Policy: unsafe-eval is not allowed');
    };
    try {
      const { errors } = itemFormValidator.validateFormData(
        { kind: '餐饮服务', opened: '2026-02-30', extra: 1 },
        conditional,
        undefined,
        transformErrors,
      );
      expect(errors.map((e) => [e.property, e.message])).toEqual([
        ['.seats', '请填写“seats”'],
        ['.opened', '“开业日期”应为有效的日期（如 2026-03-02）'],
        // An unknown field has no place in the form: its message stands at the form's top.
        ['', '申请表单中没有字段“extra”，请删除'],
      ]);
      const wrongKind = itemFormValidator.validateFormData({ kind: '批发' }, conditional, undefined, transformErrors);
      expect(wrongKind.errors.map((e) => e.message)).toEqual(['“经营类型”应为以下之一："食品销售"、"餐饮服务"']);
      expect(itemFormValidator.isValid(conditional, { kind: '食品销售' }, conditional)).toBe(true);
    } finally {
      globalThis.Function = realFunction;
    }
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
