import { FOOD_FORM_SCHEMA } from '../item.test-double';
import { exactly, violationsOf } from './expect-violations.test-double';

const schemaText = (schema: unknown) => ({ form: { jsonSchema: JSON.stringify(schema), uiSchema: '' } });

/** The fixture's form schema with one change made by `edit` on a deep copy. */
function editedSchema(edit: (schema: any) => void) {
  const schema = structuredClone(FOOD_FORM_SCHEMA) as any;
  edit(schema);
  return schemaText(schema);
}

describe('application form', () => {
  it('is required', () => {
    expect(violationsOf({ form: { jsonSchema: ' ', uiSchema: '' } })).toEqual(
      exactly(['content.form.jsonSchema', 'REQUIRED']),
    );
  });

  it('must parse as JSON, and so must a UI schema when given', () => {
    const [violation] = violationsOf({ form: { jsonSchema: '{"type": "object",}', uiSchema: '' } });
    expect(violation).toMatchObject({ path: 'content.form.jsonSchema', reason: 'JSON_PARSE' });
    expect(violation?.message).toContain('第19个字符');
    expect(violationsOf({ form: { jsonSchema: JSON.stringify(FOOD_FORM_SCHEMA), uiSchema: '{ui' } })).toEqual(
      exactly(['content.form.uiSchema', 'JSON_PARSE']),
    );
    expect(violationsOf({ form: { jsonSchema: JSON.stringify(FOOD_FORM_SCHEMA), uiSchema: '[]' } })).toEqual(
      exactly(['content.form.uiSchema', 'UI_SCHEMA_NOT_OBJECT']),
    );
  });

  it('must be an object schema with at least one field', () => {
    expect(violationsOf(editedSchema((s) => (s.type = 'array')))).toEqual(
      exactly(['content.form.jsonSchema.type', 'FORM_NOT_OBJECT']),
    );
    expect(violationsOf({ ...schemaText({ type: 'object', properties: {} }), preReviewRules: [] })).toEqual(
      exactly(['content.form.jsonSchema.properties', 'FORM_NO_FIELDS']),
    );
    expect(violationsOf({ ...schemaText(42), preReviewRules: [] })).toEqual(
      exactly(['content.form.jsonSchema', 'SCHEMA_NOT_OBJECT']),
    );
  });

  it('must be valid JSON Schema 2020-12, reported at the keyword inside the schema', () => {
    const cases: [(schema: any) => void, string, string][] = [
      [(s) => (s.properties.premises.properties.areaSquareMeters.exclusiveMinimum = '0'), 'properties.premises.properties.areaSquareMeters.exclusiveMinimum', 'SCHEMA_KEYWORD'],
      [(s) => (s.properties.operator.properties.name.type = 'text'), 'properties.operator.properties.name.type', 'SCHEMA_TYPE'],
      [(s) => (s.requried = ['operator']), 'requried', 'SCHEMA_UNKNOWN_KEYWORD'],
      [(s) => (s.properties.operator.properties.creditCode.pattern = '^[0-9'), 'properties.operator.properties.creditCode.pattern', 'SCHEMA_PATTERN'],
      [(s) => (s.properties.operator.properties.name.format = 'chinese-name'), 'properties.operator.properties.name.format', 'SCHEMA_FORMAT'],
      [(s) => (s.properties.businessItems.items = [{ type: 'string' }]), 'properties.businessItems.items', 'SCHEMA_KEYWORD'],
      [(s) => (s.properties.businessItems.minItems = -1), 'properties.businessItems.minItems', 'SCHEMA_KEYWORD'],
      [(s) => (s.required = ['operator', 'operator']), 'required', 'SCHEMA_KEYWORD'],
      [(s) => (s.properties.businessItems.items.enum = []), 'properties.businessItems.items.enum', 'SCHEMA_KEYWORD'],
      [(s) => (s.properties.premises = { $ref: '#/$defs/address' }), 'properties.premises.$ref', 'SCHEMA_UNRESOLVED_REF'],
      [(s) => (s.$schema = 'http://json-schema.org/draft-07/schema#'), '$schema', 'SCHEMA_DIALECT'],
    ]; // prettier-ignore
    for (const [edit, at, reason] of cases) {
      expect(violationsOf(editedSchema(edit))).toEqual(exactly([`content.form.jsonSchema.${at}`, reason]));
    }
  });
});
