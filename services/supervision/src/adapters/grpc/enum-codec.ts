import { ValidationError } from '@govhall/errors';
import type { EnumSpelling } from '@govhall/proto';

/** A domain spelling ⇄ proto enum pair (unknown proto values read as undefined). */
export function enumCodec<D extends string, P extends number>(spelling: EnumSpelling<P, D>) {
  return { toProto: (v: D): P => spelling.toProto(v), fromProto: (v: P): D | undefined => spelling.fromProto(v) };
}

/** A filter enum: unspecified means no filter, a value outside the enum is refused naming the field. */
export function filterEnum<D>(value: number, fromProto: (v: never) => D | undefined, path: string): D | undefined {
  if (value === 0) return undefined;
  const spelled = fromProto(value as never);
  if (spelled === undefined) throw new ValidationError([{ path, reason: 'ENUM', message: '筛选条件的取值不存在' }]);
  return spelled;
}
