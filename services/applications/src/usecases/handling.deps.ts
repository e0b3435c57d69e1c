import type { CaseCore } from './deps';
import type { HandlingPorts } from './handling.ports';

/** The core and the handling ports, flat: what the handling and licence use cases are given. */
export type HandlingDeps = CaseCore & HandlingPorts;

/** The handling deps of a composed core (the composition root always adds them; a core without them is a bug). */
export function handlingDeps(core: CaseCore): HandlingDeps {
  if (!core.handling) throw new Error('CaseCore.handling is not composed (see compose.ts)');
  return { ...core, ...core.handling };
}
