/**
 * Every proto enum of GovHall has one text spelling, used by REST and by the services' domains alike: the value's
 * name without the enum's prefix, in lower case (`HANDLING_CATEGORY_JOINT` → `joint`, `RESPONSIBILITY_BASIS_A_POST`
 * → `a_post`). `UNSPECIFIED` has no spelling: it means "none" in a request and is never a valid answer.
 */
export type EnumSpellingOf<Name, Prefix extends string> = Name extends `${Prefix}UNSPECIFIED`
  ? never
  : Name extends `${Prefix}${infer Rest}`
    ? Lowercase<Rest>
    : never;

export interface EnumSpelling<P extends number, S extends string> {
  /** The spellings, in the enum's order. */
  readonly values: readonly S[];
  /** The value of a spelling; 0 (UNSPECIFIED) for undefined or a spelling the enum does not have. */
  toProto(spelling: string | undefined): P;
  /** The spelling of a value; undefined for UNSPECIFIED, UNRECOGNIZED or a number the enum does not have. */
  fromProto(value: number): S | undefined;
}

/** The spellings of a generated (ts-proto) enum whose value names start with `prefix`. */
export function enumSpelling<E extends Record<string, string | number>, const Prefix extends string>(
  protoEnum: E,
  prefix: Prefix,
): EnumSpelling<Extract<E[keyof E], number>, EnumSpellingOf<keyof E, Prefix>> {
  type P = Extract<E[keyof E], number>;
  type S = EnumSpellingOf<keyof E, Prefix>;
  const pairs = Object.entries(protoEnum)
    .filter(([name, value]) => typeof value === 'number' && value > 0 && name.startsWith(prefix))
    .map(([name, value]) => [value as P, name.slice(prefix.length).toLowerCase() as S] as const);
  if (pairs.length === 0) throw new Error(`no enum values start with ${prefix}`);
  const bySpelling = new Map<string, P>(pairs.map(([p, s]) => [s, p]));
  const byValue = new Map<number, S>(pairs);
  return {
    values: pairs.map(([, s]) => s),
    toProto: (spelling) => (spelling === undefined ? undefined : bySpelling.get(spelling)) ?? (0 as P),
    fromProto: (value) => byValue.get(value),
  };
}

/**
 * A domain enum ⇄ proto enum pair for a service's mappers: the domain union is the proto enum's spellings. `toProto`
 * of undefined (an optional field not set) is UNSPECIFIED; `fromProto` of UNSPECIFIED or an unknown value is '', so
 * the domain's validation reports it with its path instead of the mapper guessing. The type parameters make the
 * compiler check that the domain union is exactly the proto's spellings.
 */
export function enumCodec<D extends string, P extends number>(spelling: EnumSpelling<P, D>) {
  return {
    values: spelling.values,
    toProto: (value: D | undefined): P => spelling.toProto(value),
    fromProto: (value: P): D => spelling.fromProto(value) ?? ('' as D),
  };
}
