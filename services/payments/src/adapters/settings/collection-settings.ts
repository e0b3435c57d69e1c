import { randomInt } from 'node:crypto';
import type { CollectionSettings, PaymentCodeSource } from '../../usecases/ports';

/** Parses COLLECTING_BODIES ("<tenant>=<name>|<code>,…"); a malformed entry is a start-up error naming its position. */
export function parseCollectingBodies(value: string): Map<string, { body: string; code: string }> {
  const bodies = new Map<string, { body: string; code: string }>();
  value
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '')
    .forEach((entry, i) => {
      const m = /^(\d{6}(?:\d{3}(?:\d{3})?)?)=([^|=,]{2,60})\|([A-Z0-9]{1,32})$/u.exec(entry);
      if (!m) throw new Error(`COLLECTING_BODIES entry ${i + 1} is not "<tenant>=<name>|<code>"`);
      bodies.set(m[1]!, { body: m[2]!, code: m[3]! });
    });
  return bodies;
}

/** The configured collecting bodies and the notice period. */
export class ConfiguredCollection implements CollectionSettings {
  constructor(
    private readonly bodies: Map<string, { body: string; code: string }>,
    private readonly deadlineDays: number,
  ) {}

  of(tenant: string) {
    const known = this.bodies.get(tenant);
    return { ...(known ?? { body: `${tenant} 政务服务中心`, code: tenant }), deadlineDays: this.deadlineDays };
  }
}

/** 19 digits from the CSPRNG (Node's crypto). */
export const randomPaymentCodes: PaymentCodeSource = {
  newBody: () => Array.from({ length: 19 }, () => String(randomInt(10))).join(''),
};
