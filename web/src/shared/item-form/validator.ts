import { violationOf, type SchemaError } from '@govhall/content/form-messages';
import { Validator, type OutputUnit, type Schema } from '@cfworker/json-schema';
import {
  createErrorHandler,
  getDefaultFormState,
  toErrorSchema,
  unwrapErrorHandler,
  validationDataMerge,
  type RJSFSchema,
  type RJSFValidationError,
  type ValidationData,
  type ValidatorType,
} from '@rjsf/utils';

/**
 * The browser's check of an item's form: JSON Schema 2020-12, worded by the server's own mapping (`violationOf` of
 * @govhall/content), so the sentence at a field is the same before and after submitting.
 *
 * Ajv compiles each schema to JavaScript with `new Function`, which the pages' Content-Security-Policy forbids
 * (`script-src 'self'`, no `unsafe-eval`), and an item's schema is only known at run time, so it cannot be compiled
 * at build time either. @cfworker/json-schema (MIT) interprets the schema instead; its output units are turned into
 * the shape of Ajv's errors (keyword, instance path, params, parent schema) for the shared wording, then into rjsf's
 * errors at their fields (as @rjsf/validator-ajv8 does).
 */

/** Output units that only say "something below failed"; the unit below names the field. */
const SUMMARIES = new Set([
  'properties',
  'patternProperties',
  'items',
  'prefixItems',
  'contains',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  'if',
  'then',
  'else',
  '$ref',
  '$dynamicRef',
  'dependentSchemas',
  'unevaluatedItems',
  'false',
]);

/** The schema a JSON pointer (`#/properties/a/minLength`) leads to, or undefined. */
function at(root: unknown, pointer: string): unknown {
  let node = root;
  for (const raw of pointer.replace(/^#\/?/, '').split('/').filter(Boolean)) {
    const part = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

const quoted = (text: string) => /"([^"]*)"/.exec(text)?.[1];

/** What Ajv would have put in `params` for the keyword, read from the schema that failed. */
function paramsOf(unit: OutputUnit, parent: Record<string, unknown> | undefined): Record<string, unknown> {
  const value = parent?.[unit.keyword];
  switch (unit.keyword) {
    case 'required':
      return { missingProperty: quoted(unit.error) ?? '' };
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return { additionalProperty: quoted(unit.error) ?? '', unevaluatedProperty: quoted(unit.error) ?? '' };
    case 'type':
      return { type: Array.isArray(value) ? value.join(',') : value };
    case 'format':
      return { format: value };
    case 'pattern':
      return { pattern: value };
    case 'enum':
      return { allowedValues: value };
    case 'const':
      return { allowedValue: value };
    default:
      return { limit: value };
  }
}

export interface AjvShapedError extends SchemaError {
  schemaPath: string;
  message: string;
  params: Record<string, unknown>;
}

/** The problems of `data` against `schema`, as Ajv would list them (allErrors, verbose), worded in Chinese. */
export function schemaErrors(schema: object, data: unknown): AjvShapedError[] {
  const result = new Validator(schema as Schema, '2020-12', false).validate(data === undefined ? {} : data);
  if (result.valid) return [];
  return result.errors
    .filter((unit) => !SUMMARIES.has(unit.keyword))
    .map((unit) => {
      const parentSchema = at(schema, unit.keywordLocation.replace(/\/[^/]*$/, '')) as
        Record<string, unknown> | undefined;
      const error: AjvShapedError = {
        keyword: unit.keyword,
        instancePath: unit.instanceLocation.replace(/^#/, ''),
        schemaPath: unit.keywordLocation,
        params: paramsOf(unit, parentSchema),
        parentSchema,
        message: '',
      };
      error.message = violationOf(error, 'formData').message;
      return error;
    });
}

/** One problem at its field as rjsf places it: `.operator.name`, a missing property at the property itself. */
function toRjsfError(e: AjvShapedError): RJSFValidationError {
  const base = e.instancePath.replace(/\//g, '.');
  const missing = e.keyword === 'required' ? String(e.params.missingProperty ?? '') : '';
  const property = missing ? `${base}.${missing}` : base;
  return {
    name: e.keyword,
    property,
    message: e.message,
    params: e.params,
    stack: e.message,
    schemaPath: e.schemaPath,
  };
}

/** A sub-schema checked on its own still finds the root's definitions (rjsf's `isValid` of anyOf/oneOf options). */
function withDefinitions(schema: RJSFSchema, root: RJSFSchema): RJSFSchema {
  if (schema === root) return schema;
  return { ...schema, $defs: root.$defs, definitions: root.definitions } as RJSFSchema;
}

class EvalFreeValidator implements ValidatorType {
  validateFormData(...args: Parameters<ValidatorType['validateFormData']>): ValidationData<unknown> {
    const [formData, schema, customValidate, transformErrors, uiSchema] = args;
    const raw = this.rawValidation<AjvShapedError>(schema, formData);
    let errors: RJSFValidationError[] = (raw.errors ?? []).map(toRjsfError);
    if (raw.validationError) errors.push({ stack: raw.validationError.message, message: '表单定义有误，无法校验' });
    if (transformErrors) errors = transformErrors(errors, uiSchema);
    const errorSchema = toErrorSchema<unknown>(errors);
    if (!customValidate) return { errors, errorSchema };
    const full = getDefaultFormState(this, schema, formData, schema, true);
    const handler = customValidate(full, createErrorHandler(full), uiSchema, errorSchema);
    return validationDataMerge({ errors, errorSchema }, unwrapErrorHandler(handler));
  }

  isValid(schema: RJSFSchema, formData: unknown, rootSchema: RJSFSchema): boolean {
    try {
      return schemaErrors(withDefinitions(schema, rootSchema), formData).length === 0;
    } catch {
      return false;
    }
  }

  rawValidation<Result = unknown>(schema: RJSFSchema, formData?: unknown) {
    try {
      return { errors: schemaErrors(schema, formData) as Result[] };
    } catch (e) {
      return { errors: [] as Result[], validationError: e as Error };
    }
  }
}

export const itemFormValidator: ValidatorType = new EvalFreeValidator();

/** Summaries of if/then and of combinators name no field; the server leaves them out too. */
export function transformErrors(errors: RJSFValidationError[]): RJSFValidationError[] {
  return errors.filter((e) => !SUMMARIES.has(e.name ?? '')).map((e) => ({ ...e, stack: e.message ?? e.stack }));
}
