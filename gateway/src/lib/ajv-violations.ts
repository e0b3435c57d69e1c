import type { FastifySchemaValidationError } from 'fastify/types/schema';
import type { Violation } from '@govhall/errors';

const MESSAGE_BY_KEYWORD: Record<string, string> = {
  required: '必填项不能为空',
  pattern: '格式不正确',
  enum: '取值不在允许范围内',
  additionalProperties: '不允许出现此字段',
  type: '类型不正确',
  minLength: '长度过短',
  maxLength: '长度过长',
  minimum: '数值过小',
  maximum: '数值过大',
  format: '格式不正确',
};

/** Turns schema validation errors into {path, message} with the offending field named. */
export function violationsFromAjv(errors: FastifySchemaValidationError[], context: string | undefined): Violation[] {
  return errors.map((e) => {
    const params = e.params as Record<string, unknown>;
    const base = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const extra = (params.missingProperty ?? params.additionalProperty) as string | undefined;
    const path = [context && context !== 'body' ? context : '', base, extra ?? ''].filter(Boolean).join('.');
    return {
      path: path || (context ?? ''),
      message: `${MESSAGE_BY_KEYWORD[e.keyword] ?? '不符合要求'}（${e.message ?? e.keyword}）`,
      reason: e.keyword.toUpperCase(),
    };
  });
}
