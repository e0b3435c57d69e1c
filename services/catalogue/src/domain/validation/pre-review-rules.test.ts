import type { PreReviewRule } from '../item-content';
import { FOOD_FORM_SCHEMA, ruleFixture } from '../item.test-double';
import { exactly, fixtureContent, violationsOf } from './expect-violations.test-double';

/** The fixture's rules plus `extra` (index 5 onwards). */
function withRules(...extra: PreReviewRule[]) {
  return { preReviewRules: [...fixtureContent().preReviewRules, ...extra] };
}

describe('pre-review rules', () => {
  it('have unique ids and a message', () => {
    expect(violationsOf(withRules(ruleFixture()))).toEqual(exactly(['content.preReviewRules.5.id', 'DUPLICATE']));
    expect(violationsOf(withRules(ruleFixture({ id: '' })))).toEqual(
      exactly(['content.preReviewRules.5.id', 'REQUIRED']),
    );
    expect(violationsOf(withRules(ruleFixture({ id: 'r6', message: ' ' })))).toEqual(
      exactly(['content.preReviewRules.5.message', 'REQUIRED']),
    );
  });

  it('have a known kind', () => {
    expect(violationsOf(withRules(ruleFixture({ id: 'r6', kind: 'magic' as never })))).toEqual(
      exactly(['content.preReviewRules.5.kind', 'ENUM']),
    );
  });

  it('refer to a field that exists in the form, resolved through nested properties', () => {
    const rule = (field: string, kind: PreReviewRule['kind'] = 'field_resident_id') =>
      withRules(ruleFixture({ id: 'r6', kind, field, op: '', value: '' }));
    expect(violationsOf(rule('legalRepresentative.idNumber'))).toEqual([]);
    expect(violationsOf(rule('businessItems.0', 'field_credit_code'))).toEqual([]);
    expect(violationsOf(rule('legalRepresentative.idCard'))).toEqual(
      exactly(['content.preReviewRules.5.field', 'UNKNOWN_FIELD']),
    );
    expect(violationsOf(rule('idNumber'))).toEqual(exactly(['content.preReviewRules.5.field', 'UNKNOWN_FIELD']));
    expect(violationsOf(rule('', 'field_credit_code'))).toEqual(
      exactly(['content.preReviewRules.5.field', 'REQUIRED']),
    );
  });

  it('follow references inside the form schema', () => {
    const schema = structuredClone(FOOD_FORM_SCHEMA) as any;
    schema.$defs = { person: schema.properties.legalRepresentative };
    schema.properties.legalRepresentative = { $ref: '#/$defs/person' };
    const form = { jsonSchema: JSON.stringify(schema), uiSchema: '' };
    expect(violationsOf({ form })).toEqual([]);
  });

  it('compare with a known operator and a JSON value', () => {
    const compare = (op: string, value: string) =>
      withRules(ruleFixture({ id: 'r6', field: 'premises.address', op: op as never, value }));
    expect(violationsOf(compare('matches', '"^甘肃省"'))).toEqual([]);
    expect(violationsOf(compare('present', ''))).toEqual([]);
    expect(violationsOf(compare('absent', ''))).toEqual([]);
    expect(violationsOf(compare('in', '["永昌县", "金川区"]'))).toEqual([]);
    expect(violationsOf(compare('', '1'))).toEqual(exactly(['content.preReviewRules.5.op', 'REQUIRED']));
    expect(violationsOf(compare('between', '1'))).toEqual(exactly(['content.preReviewRules.5.op', 'ENUM']));
    expect(violationsOf(compare('eq', ''))).toEqual(exactly(['content.preReviewRules.5.value', 'REQUIRED']));
    expect(violationsOf(compare('eq', '永昌县'))).toEqual(exactly(['content.preReviewRules.5.value', 'JSON_PARSE']));
    expect(violationsOf(compare('in', '"永昌县"'))).toEqual(
      exactly(['content.preReviewRules.5.value', 'VALUE_NOT_LIST']),
    );
    expect(violationsOf(compare('matches', '"(["'))).toEqual(
      exactly(['content.preReviewRules.5.value', 'VALUE_NOT_PATTERN']),
    );
    expect(violationsOf(compare('gte', 'true'))).toEqual(
      exactly(['content.preReviewRules.5.value', 'VALUE_NOT_ORDERED']),
    );
  });

  it('refer to an existing material', () => {
    const present = (materialId: string) =>
      withRules(ruleFixture({ id: 'r6', kind: 'material_present', field: '', op: '', value: '', materialId }));
    expect(violationsOf(present('food-safety-rules'))).toEqual([]);
    expect(violationsOf(present('health-certificate'))).toEqual(
      exactly(['content.preReviewRules.5.materialId', 'UNKNOWN_MATERIAL']),
    );
    expect(violationsOf(present(''))).toEqual(exactly(['content.preReviewRules.5.materialId', 'REQUIRED']));
  });

  it('name the licence type a licence check looks for', () => {
    const licence = ruleFixture({ id: 'r6', kind: 'licence_valid', field: '', op: '', value: '', licenceType: '' });
    expect(violationsOf(withRules(licence))).toEqual(exactly(['content.preReviewRules.5.licenceType', 'REQUIRED']));
  });

  it('are not checked against a form that is itself invalid', () => {
    const form = { jsonSchema: JSON.stringify({ type: 'object', properties: { a: { type: 'text' } } }), uiSchema: '' };
    expect(violationsOf({ form })).toEqual(exactly(['content.form.jsonSchema.properties.a.type', 'SCHEMA_TYPE']));
  });
});
