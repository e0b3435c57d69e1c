import { checkJsonSchema, DIALECT_2020_12 } from './json-schema';
import { formHasField } from './form';

/** Uses most of 2020-12 as Ajv accepts it: references, dynamic anchors, combinators, tuples, conditionals. */
const RICH = {
  $schema: DIALECT_2020_12,
  $id: 'https://govhall.example/forms/household-move',
  type: 'object',
  $defs: {
    address: {
      $dynamicAnchor: 'addr',
      type: 'object',
      properties: { street: { type: 'string' } },
      required: ['street'],
    },
    person: { type: 'object', properties: { name: { type: 'string' }, birthDate: { type: 'string', format: 'date' } } },
  },
  properties: {
    applicant: { $ref: '#/$defs/person' },
    from: { $ref: '#addr' },
    members: { type: 'array', items: { $ref: '#/$defs/person' }, minItems: 1, uniqueItems: true },
    pair: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'integer' }], items: false },
    reason: { enum: ['work', 'study', 'family'], default: 'work', description: '迁移原因' },
    note: { type: 'string', nullable: true, deprecated: true },
    contact: { allOf: [{ properties: { phone: { type: 'string', pattern: '^1\\d{10}$' } } }] },
    tags: { type: 'object', patternProperties: { '^x-': { type: 'string' } }, additionalProperties: false },
  },
  if: { properties: { reason: { const: 'study' } } },
  then: { properties: { school: { type: 'string', minLength: 2 } }, required: ['school'] },
  dependentRequired: { from: ['reason'] },
  unevaluatedProperties: false,
  examples: [{ reason: 'work' }],
};

describe('checkJsonSchema', () => {
  it('accepts a schema using references, anchors, combinators and conditionals', () => {
    expect(checkJsonSchema(RICH)).toEqual([]);
    expect(checkJsonSchema(true)).toEqual([]);
  });

  it('refuses references that leave the schema', () => {
    expect(checkJsonSchema({ $ref: 'https://example.com/other.json' })).toEqual([
      expect.objectContaining({ at: ['$ref'], reason: 'SCHEMA_UNRESOLVED_REF' }),
    ]);
    expect(checkJsonSchema({ $ref: '#nowhere' })).toEqual([
      expect.objectContaining({ at: ['$ref'], reason: 'SCHEMA_UNRESOLVED_REF' }),
    ]);
  });

  it('refuses what Ajv refuses in strict mode: $anchor, ignored keywords, nullable without type', () => {
    const problems = checkJsonSchema({
      $defs: { a: { $anchor: 'a', type: 'string' } },
      properties: { b: { if: { type: 'string' } }, c: { maxContains: 2 }, d: { nullable: true } },
    });
    expect(problems.map((p) => `${p.at.join('.')} ${p.reason}`)).toEqual([
      '$defs.a.$anchor SCHEMA_UNKNOWN_KEYWORD',
      'properties.b.if SCHEMA_KEYWORD',
      'properties.c.maxContains SCHEMA_KEYWORD',
      'properties.d.nullable SCHEMA_KEYWORD',
    ]);
  });

  it('refuses a reference to something that is not a schema', () => {
    expect(checkJsonSchema({ $defs: { a: { type: 'string' } }, properties: { x: { $ref: '#/$defs' } } })).toEqual([
      expect.objectContaining({ at: ['properties', 'x', '$ref'], reason: 'SCHEMA_UNRESOLVED_REF' }),
    ]);
  });

  it('checks subschemas in every position', () => {
    const problems = checkJsonSchema({
      allOf: [{ minLength: 'x' }],
      if: { type: 'array' },
      then: { maxItems: 1.5 },
      patternProperties: { '(': { type: 'string' } },
      dependentRequired: { a: 'b' },
      multipleOf: 0,
    });
    expect(problems.map((p) => `${p.at.join('.')} ${p.reason}`)).toEqual([
      'allOf.0.minLength SCHEMA_KEYWORD',
      'then.maxItems SCHEMA_KEYWORD',
      'patternProperties.( SCHEMA_PATTERN',
      'dependentRequired.a SCHEMA_KEYWORD',
      'multipleOf SCHEMA_KEYWORD',
    ]);
  });
});

describe('formHasField', () => {
  it('resolves dotted paths through properties, references, combinators, conditionals and arrays', () => {
    for (const field of ['applicant.name', 'from.street', 'members.0.birthDate', 'pair.1', 'contact.phone', 'school']) {
      expect(formHasField(RICH, field)).toBe(true);
    }
    for (const field of ['applicant.street', 'members.name', 'pair.x', 'contact.email', 'nothing', 'reason.x']) {
      expect(formHasField(RICH, field)).toBe(false);
    }
  });
});
