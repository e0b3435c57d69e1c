import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { PreconditionError, type Violation } from '@govhall/errors';
import { violationOf } from './form-messages';

/**
 * Form data (JSON text) checked against a form's JSON Schema 2020-12 with Ajv, as the catalogue's schema check
 * promises (its json-schema.ts refuses what Ajv 2020 strict would not compile, with the ajv-formats formats).
 * Every problem is a Violation at the field's dotted path under `root` (`formData.applicant.idNumber`), in Chinese,
 * naming the field by its schema `title` when it has one.
 */

export type ParsedJson = { ok: true; value: unknown } | { ok: false; violation: Violation };

/** JSON text that must be an object (a form's data); `path` names it in the violation. */
export function parseFormData(text: string, path = 'formData'): ParsedJson {
  let value: unknown;
  try {
    value = JSON.parse(text.trim() === '' ? '{}' : text);
  } catch {
    return { ok: false, violation: { path, reason: 'JSON_PARSE', message: '表单数据不是有效的 JSON' } };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, violation: { path, reason: 'JSON_OBJECT', message: '表单数据应为 JSON 对象（{…}）' } };
  }
  return { ok: true, value };
}

const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true });
addFormats(ajv);

/** Compiled validators by schema text (forms are few and immutable per edition). */
const compiled = new Map<string, ValidateFunction>();
const MAX_COMPILED = 500;

function validatorFor(schemaText: string): ValidateFunction {
  const hit = compiled.get(schemaText);
  if (hit) return hit;
  let validate: ValidateFunction;
  try {
    validate = ajv.compile(JSON.parse(schemaText) as object);
  } catch {
    throw new PreconditionError('FORM_SCHEMA_INVALID', '该事项的申请表单定义有误，暂时无法校验，请联系政务服务中心');
  }
  if (compiled.size >= MAX_COMPILED) compiled.delete(compiled.keys().next().value as string);
  compiled.set(schemaText, validate);
  return validate;
}

/**
 * The violations of `data` against the form schema (JSON text; empty = no form, anything goes), each at
 * `root.<field path>`. A schema that does not compile is FAILED_PRECONDITION FORM_SCHEMA_INVALID (the catalogue
 * should not have published it).
 */
export function formDataViolations(schemaText: string, data: unknown, root = 'formData'): Violation[] {
  if (schemaText.trim() === '') return [];
  const validate = validatorFor(schemaText);
  if (validate(data)) return [];
  const seen = new Set<string>();
  const out: Violation[] = [];
  for (const e of validate.errors ?? []) {
    // if/then and anyOf report a summary beside the real problems: keep what names a field.
    if (e.keyword === 'if' || e.keyword === 'anyOf' || e.keyword === 'oneOf' || e.keyword === 'allOf') continue;
    const v = violationOf(e, root);
    const key = `${v.path}|${v.reason}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(v);
  }
  return out;
}
