import { AjvCompiler, type Options } from '@fastify/ajv-compiler';
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import type { FastifyServerOptions } from 'fastify';

type CompilersFactory = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>;
type ValidatorFactory = NonNullable<CompilersFactory['buildValidator']>;
type SerializerFactory = NonNullable<CompilersFactory['buildSerializer']>;
type ValidatorCompiler = ReturnType<ValidatorFactory>;
type SerializerCompiler = ReturnType<SerializerFactory>;

/**
 * When a route's schemas become code (see ADR 0070):
 * - `lazy` (the default): at the route's first request. Compiling every validator and serializer of the gateway's
 *   routes took 1.6–3.6 s of CPU at each start (Ajv and fast-json-stringify), paid by every replica start and every
 *   test that builds the app, for routes most of them never call.
 * - `eager`: at start-up, as Fastify does by itself; a unit test builds the app so, so that a schema that cannot be
 *   compiled still fails before it ships.
 */
export type SchemaCompilation = 'lazy' | 'eager';

/** A validator compiled at its first call; it carries its `errors` as Ajv's do (Fastify reads them after a call). */
function lazyValidator(compile: () => ReturnType<ValidatorCompiler>): ReturnType<ValidatorCompiler> {
  let compiled: ReturnType<ValidatorCompiler> | undefined;
  const validate = ((data: unknown) => {
    compiled ??= compile();
    const result = compiled(data);
    validate.errors = compiled.errors;
    return result;
  }) as ReturnType<ValidatorCompiler>;
  return validate;
}

/**
 * Ajv validators chosen by the part of the request (Fastify's `schemaController.compilersFactory`):
 * - the JSON body is validated as sent, never coerced: an ID number sent as a JSON number is a `TYPE` error, not
 *   a string rounded from a float;
 * - the querystring, path parameters and headers arrive as text, so they keep Ajv's `coerceTypes: 'array'`
 *   (`?pageSize=20` is the integer 20, a repeated parameter an array).
 * Both keep Fastify's defaults otherwise (ajv-formats, shared schemas) and report every error.
 */
export function partAwareValidators(compilation: SchemaCompilation = 'lazy'): ValidatorFactory {
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
    const compile: ValidatorCompiler = (route) => (route.httpPart === 'body' ? body(route) : text(route));
    return compilation === 'eager' ? compile : (route) => lazyValidator(() => compile(route));
  };
}

/** Fastify's own response serializers (fast-json-stringify), compiled as `compilation` says. */
export function responseSerializers(compilation: SchemaCompilation = 'lazy'): SerializerFactory {
  const build = SerializerSelector();
  return (externalSchemas, serializerOptions) => {
    const compile = build(externalSchemas, serializerOptions) as SerializerCompiler;
    if (compilation === 'eager') return compile;
    return (route) => {
      let compiled: ReturnType<SerializerCompiler> | undefined;
      return (data: unknown) => (compiled ??= compile(route))(data);
    };
  };
}
