import { createHash } from 'node:crypto';

export interface ChartDependency {
  name: string;
  version: string;
  repository: string;
  condition?: string;
}

/** The `dependencies:` list of a Chart.yaml, in order (the simple block style every chart here uses). */
export function parseDependencies(chartYaml: string): ChartDependency[] {
  const lines = chartYaml.split('\n');
  const start = lines.findIndex((l) => /^dependencies:\s*$/.test(l));
  if (start < 0) return [];
  const deps: Record<string, string>[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) break;
    const m = /^\s*(-\s+)?([a-z-]+):\s*(.*?)\s*$/.exec(line);
    if (!m) continue;
    if (m[1]) deps.push({});
    deps.at(-1)![m[2]!] = m[3]!.replace(/^(['"])(.*)\1$/, '$2');
  }
  return deps.map((d) => ({
    name: d.name ?? '',
    version: d.version ?? '',
    repository: d.repository ?? '',
    ...(d.condition ? { condition: d.condition } : {}),
  }));
}

/**
 * Helm's Chart.lock digest (resolver.HashReq): sha256 of the JSON of [Chart.yaml dependencies, locked
 * dependencies], keys in Go struct order. `helm dependency build` refuses a lock whose digest does not match.
 */
export function lockDigest(deps: ChartDependency[]): string {
  const req = deps.map((d) => ({
    name: d.name,
    version: d.version,
    repository: d.repository,
    ...(d.condition ? { condition: d.condition } : {}),
  }));
  const lock = deps.map((d) => ({ name: d.name, version: d.version, repository: d.repository }));
  return `sha256:${createHash('sha256')
    .update(JSON.stringify([req, lock]))
    .digest('hex')}`;
}

/** A Chart.lock for file:// dependencies, as `helm dependency update` writes it. */
export function chartLock(deps: ChartDependency[], now: Date): string {
  const entries = deps.map((d) => `- name: ${d.name}\n  repository: ${d.repository}\n  version: ${d.version}\n`);
  return `dependencies:\n${entries.join('')}digest: ${lockDigest(deps)}\ngenerated: "${now.toISOString()}"\n`;
}
