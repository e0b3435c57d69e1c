/**
 * A proto enum ⇄ its lower_snake REST spelling. UNSPECIFIED has no spelling: the service never answers it, and a
 * request leaves an optional enum out to mean "none" (0). `service` names who answered an unknown value.
 */
export function enumMapping<P extends number, const R extends string>(
  service: string,
  name: string,
  pairs: readonly (readonly [P, R])[],
) {
  const toRest = new Map<number, R>(pairs);
  const toProto = new Map<string, P>(pairs.map(([p, r]) => [r, p]));
  return {
    values: pairs.map(([, r]) => r),
    rest(value: number): R {
      const r = toRest.get(value);
      if (r === undefined) throw new Error(`${service} answered ${name} ${value}, which the gateway does not know`);
      return r;
    },
    proto(value: R | undefined): P {
      return (value === undefined ? 0 : toProto.get(value)!) as P;
    },
  };
}
