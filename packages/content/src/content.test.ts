import { PreconditionError } from '@govhall/errors';
import { formDataViolations, parseFormData, sniffFileType } from './index';

const SCHEMA = JSON.stringify({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  required: ['applicant'],
  properties: {
    applicant: {
      type: 'object',
      title: '申请人',
      required: ['name', 'idNumber'],
      properties: {
        name: { type: 'string', title: '姓名', minLength: 2 },
        idNumber: { type: 'string', title: '公民身份号码', pattern: '^\\d{17}[\\dX]$' },
        email: { type: 'string', title: '电子邮箱', format: 'email' },
      },
    },
    area: { type: 'number', title: '经营面积', minimum: 1 },
  },
  additionalProperties: false,
});

describe('form data against its JSON Schema', () => {
  it('names every problem by its dotted field path, in Chinese with the field title', () => {
    const v = formDataViolations(SCHEMA, {
      applicant: { name: '张', idNumber: '123', email: 'not-mail' },
      area: 0,
      extra: 1,
    });
    expect(v).toEqual(
      expect.arrayContaining([
        { path: 'formData.applicant.name', reason: 'LENGTH', message: '“姓名”至少应有2个字符' },
        { path: 'formData.applicant.idNumber', reason: 'PATTERN', message: '“公民身份号码”的格式不正确' },
        { path: 'formData.applicant.email', reason: 'FORMAT', message: '“电子邮箱”应为有效的电子邮箱地址' },
        { path: 'formData.area', reason: 'RANGE', message: '“经营面积”不能小于1' },
        { path: 'formData.extra', reason: 'UNKNOWN_FIELD', message: '申请表单中没有字段“extra”，请删除' },
      ]),
    );
    expect(v).toHaveLength(5);
  });

  it('reports a missing field at its own path', () => {
    expect(formDataViolations(SCHEMA, { applicant: { name: '张三' } })).toEqual([
      { path: 'formData.applicant.idNumber', reason: 'REQUIRED', message: '请填写“公民身份号码”' },
    ]);
  });

  it('passes valid data, and anything when the item has no form', () => {
    expect(formDataViolations(SCHEMA, { applicant: { name: '张三', idNumber: '62032119900307123X' } })).toEqual([]);
    expect(formDataViolations('', { whatever: true })).toEqual([]);
  });

  it('refuses to judge by a schema Ajv cannot compile', () => {
    expect(() => formDataViolations('{"type":"objekt"}', {})).toThrow(PreconditionError);
  });

  it('parses form data as a JSON object only', () => {
    expect(parseFormData('{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseFormData('')).toEqual({ ok: true, value: {} });
    expect(parseFormData('{a:1}')).toMatchObject({ ok: false, violation: { path: 'formData', reason: 'JSON_PARSE' } });
    expect(parseFormData('[1]')).toMatchObject({ ok: false, violation: { reason: 'JSON_OBJECT' } });
  });
});

describe('file types from the content', () => {
  it('knows a PDF and a PNG by their bytes, and nothing for an executable', () => {
    expect(sniffFileType(Buffer.from('%PDF-1.7\n…'))?.contentType).toBe('application/pdf');
    expect(sniffFileType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))?.contentType).toBe(
      'image/png',
    );
    expect(sniffFileType(Buffer.from('MZ\x90\x00\x03\x00\x00\x00'))).toBeUndefined();
  });
});
