import { AjvCompiler, type Options } from '@fastify/ajv-compiler';
import type { FastifyServerOptions } from 'fastify';

type ValidatorFactory = NonNullable<
  NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>['buildValidator']
>;

/**
 * Ajv validators chosen by the part of the request (Fastify's `schemaController.compilersFactory`):
 * - the JSON body is validated as sent, never coerced: an ID number sent as a JSON number is a `TYPE` error, not
 *   a string rounded from a float;
 * - the querystring, path parameters and headers arrive as text, so they keep Ajv's `coerceTypes: 'array'`
 *   (`?pageSize=20` is the integer 20, a repeated parameter an array).
 * Both keep Fastify's defaults otherwise (ajv-formats, shared schemas) and report every error.
 */
export function partAwareValidators(): ValidatorFactory {
  const bodies = AjvCompiler();
  const texts = AjvCompiler();
  return (externalSchemas, ajvOptions) => {
    // JSON Schema mode only (no JTD): the plugins and onCreate Fastify passes, our customOptions.
    const options = (coerceTypes: false | 'array') => ({
      plugins: ajvOptions?.plugins,
      onCreate: ajvOptions?.onCreate,
      customOptions: {
        ...(ajvOptions?.customOptions as Options),
        allErrors: true,
        removeAdditional: false,
        coerceTypes,
      },
    });
    const body = bodies(externalSchemas, options(false));
    const text = texts(externalSchemas, options('array'));
    return (route) => (route.httpPart === 'body' ? body(route) : text(route));
  };
}
