import type { ChartDependency } from './chart-lock';
import { UsageError, type Names } from './names';

/** Edits of files that already exist. Each returns the new text, or refuses when the service is already there. */

function refuseIf(present: boolean, file: string, what: string): void {
  if (present) throw new UsageError(`${file} already has ${what}: refusing to generate over an existing service`);
}

/** proto/src/index.ts: `export * as <camel>V1 from './<name>-v1';` after the last service namespace. */
export function addProtoExport(text: string, n: Names): string {
  const line = `export * as ${n.camel}V1 from './${n.name}-v1';`;
  refuseIf(text.includes(`as ${n.camel}V1 `), 'proto/src/index.ts', `an export named ${n.camel}V1`);
  const lines = text.split('\n');
  const last = lines.findLastIndex((l) => /^export \* as \w+V1 from /.test(l));
  if (last < 0) throw new UsageError('proto/src/index.ts has no `export * as <name>V1` line to add after');
  lines.splice(last + 1, 0, line);
  return lines.join('\n');
}

/** The umbrella's entry for the new chart; the condition lets a release leave it out. */
export function umbrellaDependency(n: Names): ChartDependency {
  return { name: n.name, version: '0.1.0', repository: `file://../${n.name}`, condition: `${n.name}.enabled` };
}

/** charts/govhall/Chart.yaml: appends the dependency (the list is the last block of the file). */
export function addUmbrellaDependency(text: string, n: Names): string {
  refuseIf(text.includes(`file://../${n.name}\n`), 'charts/govhall/Chart.yaml', `the dependency ${n.name}`);
  const d = umbrellaDependency(n);
  const entry = `  - name: ${d.name}\n    version: ${d.version}\n    repository: ${d.repository}\n    condition: ${d.condition}\n`;
  return `${text.replace(/\n*$/, '\n')}${entry}`;
}

/** charts/govhall/values.yaml: the new chart starts disabled in every release (see docs/new-service.md). */
export function addUmbrellaValues(text: string, n: Names): string {
  refuseIf(new RegExp(`^${n.name}:`, 'm').test(text), 'charts/govhall/values.yaml', `a ${n.name}: block`);
  return `${text.replace(/\n*$/, '\n')}${n.name}:\n  enabled: false # generated: turn on once the service does real work\n`;
}

/** deploy/kafka/topics.txt: `<topic> <partitions>`. */
export function addTopic(text: string, n: Names): string {
  refuseIf(new RegExp(`^${n.topic.replaceAll('.', '\\.')}\\s`, 'm').test(text), 'deploy/kafka/topics.txt', n.topic);
  return `${text.replace(/\n*$/, '\n')}${n.topic} 3\n`;
}

/** Default ports of the local stack (deploy/stack/env.sh): FerretDB, Kafka, Kafka controller, Keycloak. */
const STACK_PORTS = [27017, 9092, 9093, 8080, 9000];

/** Ports the SERVICES array of deploy/services.sh already gives a process. */
export function portsInUse(servicesSh: string): number[] {
  const block = /^SERVICES=\(\n([\s\S]*?)^\)/m.exec(servicesSh)?.[1] ?? '';
  return [...block.matchAll(/\b(\d{4,5})\b/g)].map((m) => Number(m[1]));
}

/** deploy/services.sh: appends `name|entry|readiness port|env` to the SERVICES array. */
export function addLocalService(text: string, n: Names): string {
  refuseIf(new RegExp(`^\\s*"${n.name}\\|`, 'm').test(text), 'deploy/services.sh', `a ${n.name} entry`);
  for (const port of [n.grpcPort, n.metricsPort]) {
    if ([...portsInUse(text), ...STACK_PORTS].includes(port)) {
      throw new UsageError(
        `port ${port} is already taken locally (deploy/services.sh or the local stack); choose another`,
      );
    }
  }
  const grpc = `\${${n.upper}_GRPC_PORT:-${n.grpcPort}}`;
  const entry = `  "${n.name}|services/${n.name}/dist/main.js|${grpc}|GRPC_PORT=${grpc} METRICS_PORT=${n.metricsPort}"\n`;
  const closing = /^SERVICES=\(\n[\s\S]*?^\)/m.exec(text);
  if (!closing) throw new UsageError('deploy/services.sh has no SERVICES=( … ) array');
  const at = closing.index + closing[0].length - 1;
  return text.slice(0, at) + entry + text.slice(at);
}

/** charts/check.sh: lint, render and validate the new chart on its own like the others. */
export function addChartToCheck(text: string, n: Names): string {
  const m = /^SERVICES=\(([^)]*)\)/m.exec(text);
  if (!m) throw new UsageError('charts/check.sh has no SERVICES=( … ) line');
  refuseIf(m[1]!.split(/\s+/).includes(n.name), 'charts/check.sh', `${n.name} in SERVICES`);
  return text.replace(m[0], `SERVICES=(${m[1]!.trim()} ${n.name})`);
}
