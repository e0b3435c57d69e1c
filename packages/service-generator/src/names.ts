/** Every spelling of the service and entity names the templates need, derived once from the CLI input. */
export interface Names {
  /** Service name, kebab-case: folder, package, chart, image, OTEL service name. */
  name: string;
  /** snake_case: proto package segment and directory, database name. */
  snake: string;
  camel: string;
  pascal: string;
  /** SCREAMING_SNAKE: env var prefixes and error codes. */
  upper: string;
  entity: EntityNames;
  grpcPort: number;
  metricsPort: number;
  /** govhall.<name>.<entity> */
  topic: string;
  /** govhall.<snake>.v1 */
  protoPackage: string;
  /** Path of the service proto relative to proto/. */
  protoFile: string;
}

export interface EntityNames {
  kebab: string;
  camel: string;
  pascal: string;
  snake: string;
  /** Plural, kebab-case (in-memory fake file name). */
  plural: string;
  pluralCamel: string;
  /** MongoDB collection, snake_case plural. */
  collection: string;
}

const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
/** Names already taken by other parts of the repository (proto packages, charts, the edge). */
const RESERVED = new Set(['gateway', 'web', 'proto', 'common', 'events', 'govhall', 'govhall-lib', 'schemas']);

export class UsageError extends Error {}

export function checkName(what: string, value: string): void {
  if (!KEBAB.test(value) || value.length > 40) {
    throw new UsageError(
      `${what} "${value}" must be kebab-case (lowercase letters and digits, words joined by "-", starting with a letter, at most 40 characters), e.g. complaints`,
    );
  }
  if (RESERVED.has(value))
    throw new UsageError(`${what} "${value}" is reserved in this repository; choose another name`);
}

/** Words the generated code cannot use as a variable name (`const case = …` does not parse). */
const JS_RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if implements import in instanceof interface let new null package private protected public return ' +
    'static super switch this throw true try typeof var void while with yield await arguments eval'
  ).split(' '),
);

function checkIdentifier(entity: string): void {
  const camel = toCamel(entity);
  if (JS_RESERVED.has(camel) || JS_RESERVED.has(plural(camel))) {
    throw new UsageError(
      `entity name "${entity}" is a JavaScript reserved word and cannot name a variable; pass another --entity (e.g. ${entity}-record) and rename afterwards`,
    );
  }
}

export function checkPort(flag: string, raw: string | undefined): number {
  if (raw === undefined) throw new UsageError(`${flag} <port> is required`);
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 1024 || port > 65535) {
    throw new UsageError(`${flag} "${raw}" must be a whole number from 1024 to 65535 (services run unprivileged)`);
  }
  return port;
}

const words = (kebab: string) => kebab.split('-');
const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
export const toSnake = (kebab: string) => kebab.replaceAll('-', '_');
export const toPascal = (kebab: string) => words(kebab).map(cap).join('');
export const toCamel = (kebab: string) => {
  const p = toPascal(kebab);
  return p.charAt(0).toLowerCase() + p.slice(1);
};

/** English plural, good enough for entity names (the generated code can be renamed afterwards). */
export function plural(word: string): string {
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  return `${word}s`;
}

/** Default entity: the singular of the name's last word (complaints → complaint, demo-widgets → widget). */
export function singular(name: string): string {
  const last = words(name).at(-1)!;
  if (/[^aeiou]ies$/.test(last)) return `${last.slice(0, -3)}y`;
  if (/(ss|us|is)$/.test(last)) return last;
  if (/(x|z|ch|sh|ss|us)es$/.test(last)) return last.slice(0, -2);
  if (last.endsWith('s') && last.length > 1) return last.slice(0, -1);
  return last;
}

export function deriveNames(input: { name: string; entity?: string; grpcPort: number; metricsPort: number }): Names {
  checkName('service name', input.name);
  const entity = input.entity ?? singular(input.name);
  checkName('entity name', entity);
  checkIdentifier(entity);
  if (input.grpcPort === input.metricsPort) {
    throw new UsageError(`--grpc-port and --metrics-port must differ (both are ${input.grpcPort})`);
  }
  const snake = toSnake(input.name);
  const pluralKebab = plural(entity);
  return {
    name: input.name,
    snake,
    camel: toCamel(input.name),
    pascal: toPascal(input.name),
    upper: snake.toUpperCase(),
    entity: {
      kebab: entity,
      camel: toCamel(entity),
      pascal: toPascal(entity),
      snake: toSnake(entity),
      plural: pluralKebab,
      pluralCamel: toCamel(pluralKebab),
      collection: toSnake(pluralKebab),
    },
    grpcPort: input.grpcPort,
    metricsPort: input.metricsPort,
    topic: `govhall.${input.name}.${entity}`,
    protoPackage: `govhall.${snake}.v1`,
    protoFile: `govhall/${snake}/v1/${snake}_service.proto`,
  };
}
