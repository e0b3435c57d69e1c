import { enumSpelling } from '@govhall/proto';

/**
 * A proto enum ⇄ its REST spelling, the one spelling of `@govhall/proto`'s `enumSpelling` (lower_snake name without
 * the prefix). UNSPECIFIED has no spelling: the service never answers it, and a request leaves an optional enum out
 * to mean "none" (0). `service` names who answered an unknown value.
 */
export function enumMapping<E extends Record<string, string | number>, const Prefix extends string>(
  service: string,
  name: string,
  protoEnum: E,
  prefix: Prefix,
) {
  const spelling = enumSpelling(protoEnum, prefix);
  type R = (typeof spelling.values)[number];
  return {
    values: spelling.values,
    rest(value: number): R {
      const r = spelling.fromProto(value);
      if (r === undefined) throw new Error(`${service} answered ${name} ${value}, which the gateway does not know`);
      return r;
    },
    proto: (value: R | undefined) => spelling.toProto(value),
  };
}
