// The catalogue's own list (a file without imports; the web does not bundle it: it reads content with Buffer).
import { FILE_TYPES } from '../../../../packages/content/src/file-types';
import {
  ITEM_FILE_TYPES,
  fieldLabel,
  itemFileType,
  lineDiff,
  parseJson,
  placeErrors,
  schemaFieldPaths,
  shownValue,
  tabOf,
} from './model';

describe('placeErrors: an API error path finds its field in the item editor', () => {
  const known = [
    'name',
    'content.materials.2.name',
    'content.promisedLimit.days',
    'content.form.jsonSchema',
    'content.workflow',
  ];

  it('puts a message at the field its path names, with the index of a list entry', () => {
    const placed = placeErrors({ 'content.materials.2.name': '请填写材料名称', name: '事项名称应为2～100个字' }, known);
    expect(placed.fields).toEqual([
      { name: ['content', 'materials', 2, 'name'], errors: ['请填写材料名称'] },
      { name: ['name'], errors: ['事项名称应为2～100个字'] },
    ]);
    expect(placed.rest).toEqual([]);
  });

  it('puts a schema problem at the schema editor, saying where in the schema it is', () => {
    const placed = placeErrors({ 'content.form.jsonSchema.properties.area.type': '类型无效' }, known);
    expect(placed.fields).toEqual([
      { name: ['content', 'form', 'jsonSchema'], errors: ['properties.area.type：类型无效'] },
    ]);
  });

  it('does not name the place twice when the message names it already', () => {
    const placed = placeErrors(
      { 'content.form.jsonSchema.properties.a.minimun': '表单模式 properties.a.minimun：未知的关键字“minimun”' },
      known,
    );
    expect(placed.fields[0]!.errors).toEqual(['表单模式 properties.a.minimun：未知的关键字“minimun”']);
  });

  it('keeps a message with no field above the form, naming the place in words', () => {
    const placed = placeErrors({ 'content.location.hours': '请填写办理时间' }, known);
    expect(placed.fields).toEqual([]);
    expect(placed.rest).toEqual(['办理地点 › 办理时间：请填写办理时间']);
  });

  it('does not take a field whose name only starts like the path (content.workflow vs content.workflowX)', () => {
    expect(placeErrors({ 'content.workflowX': '错' }, known).fields).toEqual([]);
  });
});

describe('tabOf: the editor tab holding a field', () => {
  it.each([
    ['name', 'basic'],
    ['content.implementationCode', 'basic'],
    ['content.legalBases.0.law', 'conditions'],
    ['content.materials.3.formats', 'materials'],
    ['content.promisedLimit.days', 'limits'],
    ['content.fees.0.amountFen', 'limits'],
    ['content.workflow', 'workflow'],
    ['content.faq.1.answer', 'service'],
    ['content.form.jsonSchema', 'form'],
    ['content.preReviewRules.0.field', 'rules'],
  ])('%s → %s', (path, tab) => expect(tabOf(path)).toBe(tab));
});

describe('fieldLabel: a diff path in words', () => {
  it.each([
    ['name', '事项名称'],
    ['content.materials.2.name', '申请材料 › 第3项 › 名称'],
    ['content.materials.0.form', '申请材料 › 第1项 › 材料形式'],
    ['content.form.jsonSchema', '电子表单 › 表单结构（JSON Schema）'],
    ['content.promisedLimit.days', '承诺办结时限 › 天数'],
    ['content.preReviewRules.1.kind', '预审规则 › 第2项 › 规则类型'],
  ])('%s → %s', (path, words) => expect(fieldLabel(path)).toBe(words));
});

describe('shownValue', () => {
  it('pretty-prints JSON text and says booleans in words', () => {
    expect(shownValue('{"a":1}')).toBe('{\n  "a": 1\n}');
    expect(shownValue(true)).toBe('是');
    expect(shownValue(undefined)).toBe('');
    expect(shownValue('经营场所')).toBe('经营场所');
  });
});

describe('lineDiff', () => {
  it('keeps common lines and marks the removed and added ones in order', () => {
    expect(lineDiff('a\nb\nc', 'a\nx\nc\nd')).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'removed', text: 'b' },
      { kind: 'added', text: 'x' },
      { kind: 'same', text: 'c' },
      { kind: 'added', text: 'd' },
    ]);
  });

  it('treats an empty side as no lines', () => {
    expect(lineDiff('', 'a')).toEqual([{ kind: 'added', text: 'a' }]);
  });
});

describe('parseJson', () => {
  it('parses JSON and says where broken JSON is broken, in Chinese', () => {
    expect(parseJson('{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
    const broken = parseJson('{\n  "a": 1,\n  "b": }');
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.message).toMatch(/^不是有效的 JSON（(第 3 行第 \d+ 列附近|“}”处有误)）/);
    const cut = parseJson('{"a": ');
    expect(!cut.ok && cut.message).toBe('不是有效的 JSON（内容不完整，缺少结尾的括号或引号），请检查括号、引号和逗号');
  });
});

describe('schemaFieldPaths', () => {
  it('lists the leaf fields of nested objects', () => {
    expect(
      schemaFieldPaths({
        type: 'object',
        properties: {
          operator: { type: 'object', properties: { name: { type: 'string' }, creditCode: { type: 'string' } } },
          area: { type: 'number' },
        },
      }),
    ).toEqual(['operator.name', 'operator.creditCode', 'area']);
  });
});

describe('the types of blank forms and samples', () => {
  it('are exactly the catalogue’s, by extension', () => {
    const catalogue = Object.entries(FILE_TYPES).flatMap(([type, t]) => t.extensions.map((ext) => [ext, type]));
    expect(Object.entries(ITEM_FILE_TYPES).sort()).toEqual(catalogue.sort());
  });

  it('give a file its media type by its extension, whatever its case', () => {
    expect(itemFileType('申请书.DOCX')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(itemFileType('样表.ofd')).toBe('application/ofd');
    expect(itemFileType('说明')).toBe('application/octet-stream');
  });
});
