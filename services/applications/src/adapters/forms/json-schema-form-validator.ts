import { formDataViolations, parseFormData } from '@govhall/content';
import type { Violation } from '@govhall/errors';
import type { FormValidator } from '../../usecases/window.ports';

/** Form data against the edition's JSON Schema, as SubmitCase checks it (@govhall/content: Ajv 2020, Chinese messages). */
export class JsonSchemaFormValidator implements FormValidator {
  validate(jsonSchema: string, formData: string): Violation[] {
    const parsed = parseFormData(formData);
    if (!parsed.ok) return [parsed.violation];
    return formDataViolations(jsonSchema, parsed.value);
  }
}
