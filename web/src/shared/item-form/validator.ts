import { violationOf, type SchemaError } from '@govhall/content/form-messages';
import type { RJSFValidationError } from '@rjsf/utils';
import { customizeValidator } from '@rjsf/validator-ajv8';
import Ajv2020 from 'ajv/dist/2020';

/**
 * The browser's check of an item's form: JSON Schema 2020-12 with Ajv (as the server checks it, @govhall/content),
 * each problem worded by the server's own mapping (`violationOf`), so the sentence at a field is the same before and
 * after submitting.
 */
export const itemFormValidator = customizeValidator({ AjvClass: Ajv2020 }, (errors) => {
  for (const e of errors ?? []) {
    // rjsf's Ajv quotes a missing property's name ("'name'"); the server's does not.
    const params = { ...e.params } as Record<string, unknown>;
    if (typeof params.missingProperty === 'string')
      params.missingProperty = params.missingProperty.replace(/^'(.*)'$/, '$1');
    e.message = violationOf({ ...(e as SchemaError), params }, 'formData').message;
  }
});

/** Summaries of if/then and of combinators name no field; the server leaves them out too. */
const SUMMARIES = new Set(['if', 'anyOf', 'oneOf', 'allOf']);

export function transformErrors(errors: RJSFValidationError[]): RJSFValidationError[] {
  return errors.filter((e) => !SUMMARIES.has(e.name ?? '')).map((e) => ({ ...e, stack: e.message ?? e.stack }));
}
