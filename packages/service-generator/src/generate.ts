import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { chartLock, parseDependencies } from './chart-lock';
import * as edit from './edits';
import { deriveNames, UsageError, type Names } from './names';
import * as adapters from './templates/adapters';
import * as boot from './templates/boot';
import * as chart from './templates/chart';
import * as domain from './templates/domain';
import { integrationTest } from './templates/int-test';
import * as pkg from './templates/package-files';
import * as proto from './templates/proto';
import { readme } from './templates/readme';
import * as usecase from './templates/usecase';

export interface GenerateOptions {
  /** Repository root the paths below are relative to. */
  root: string;
  name: string;
  /** Example entity, kebab-case; default: the singular of the name's last word. */
  entity?: string;
  grpcPort: number;
  metricsPort: number;
  /** Timestamp written into Chart.lock files. */
  now?: Date;
}

export interface GenerateResult {
  names: Names;
  created: string[];
  edited: string[];
}

type FileMap = Record<string, string>;

function newFiles(n: Names, root: string, now: Date): FileMap {
  const e = n.entity;
  const svc = `services/${n.name}`;
  // Shaped like catalogue: its external dependency versions and tsconfig files, when it is there to copy.
  const catalogue = JSON.parse(readText(root, 'services/catalogue/package.json') ?? '{}').dependencies ?? {};
  const external = Object.fromEntries(
    Object.entries(catalogue as Record<string, string>).filter(([, v]) => !v.startsWith('workspace:')),
  );
  const libDep = { name: 'govhall-lib', version: '0.1.0', repository: 'file://../govhall-lib' };
  return {
    [`proto/${n.protoFile}`]: proto.serviceProto(n),
    [`proto/src/${n.name}-v1.ts`]: proto.protoReexport(n),
    [`${svc}/package.json`]: pkg.packageJson(n, external),
    [`${svc}/tsconfig.json`]: readText(root, 'services/catalogue/tsconfig.json') ?? pkg.tsconfig,
    [`${svc}/tsconfig.build.json`]: readText(root, 'services/catalogue/tsconfig.build.json') ?? pkg.tsconfigBuild,
    [`${svc}/.env.example`]: pkg.envExample(n),
    [`${svc}/README.md`]: readme(n),
    [`${svc}/src/instrumentation.ts`]: boot.instrumentation(n),
    [`${svc}/src/config.ts`]: boot.config(n),
    [`${svc}/src/main.ts`]: boot.main(n),
    [`${svc}/src/domain/${e.kebab}.ts`]: domain.entity(n),
    [`${svc}/src/usecases/ports.ts`]: domain.ports(n),
    [`${svc}/src/usecases/in-memory-${e.plural}.test-double.ts`]: domain.fake(n),
    [`${svc}/src/usecases/create-${e.kebab}/create-${e.kebab}.usecase.ts`]: usecase.createUseCase(n),
    [`${svc}/src/usecases/create-${e.kebab}/create-${e.kebab}.usecase.test.ts`]: usecase.createUseCaseTest(n),
    [`${svc}/src/adapters/grpc/${n.name}.grpc-handler.ts`]: adapters.grpcHandler(n),
    [`${svc}/src/adapters/grpc/${e.kebab}.mapper.ts`]: adapters.mapper(n),
    [`${svc}/src/adapters/kafka/${e.kebab}-events.ts`]: adapters.kafkaEvents(n),
    [`${svc}/src/adapters/mongo/${e.kebab}.schema.ts`]: adapters.schema(n),
    [`${svc}/src/adapters/mongo/${e.kebab}.repository.ts`]: adapters.repository(n),
    [`${svc}/test/${n.name}.int.test.ts`]: integrationTest(n),
    [`charts/${n.name}/Chart.yaml`]: chart.chartYaml(n),
    [`charts/${n.name}/Chart.lock`]: chartLock([libDep], now),
    [`charts/${n.name}/values.yaml`]: chart.chartValues(n),
    [`charts/${n.name}/templates/all.yaml`]: chart.chartTemplate,
  };
}

function editedFiles(n: Names, root: string, now: Date): FileMap {
  const read = (file: string) => {
    const full = path.join(root, file);
    if (!fs.existsSync(full)) throw new UsageError(`${full} not found: is ${root} the repository root?`);
    return fs.readFileSync(full, 'utf8');
  };
  const umbrella = edit.addUmbrellaDependency(read('charts/govhall/Chart.yaml'), n);
  read('charts/govhall/Chart.lock'); // must exist: it is rewritten for the new dependency list
  return {
    'proto/src/index.ts': edit.addProtoExport(read('proto/src/index.ts'), n),
    'charts/govhall/Chart.yaml': umbrella,
    'charts/govhall/Chart.lock': chartLock(parseDependencies(umbrella), now),
    'charts/govhall/values.yaml': edit.addUmbrellaValues(read('charts/govhall/values.yaml'), n),
    'charts/check.sh': edit.addChartToCheck(read('charts/check.sh'), n),
    'deploy/kafka/topics.txt': edit.addTopic(read('deploy/kafka/topics.txt'), n),
    'deploy/services.sh': edit.addLocalService(read('deploy/services.sh'), n),
  };
}

function readText(root: string, file: string): string | undefined {
  const full = path.join(root, file);
  return fs.existsSync(full) ? fs.readFileSync(full, 'utf8') : undefined;
}

/**
 * Formats the new files prettier covers, with the repository's settings and ignore file. The CLI runs in its own
 * process: prettier 3's API loads ES modules, which jest's module sandbox cannot.
 */
export function formatFiles(root: string, files: string[]): void {
  const covered = files.filter((f) => /\.(ts|json|ya?ml)$/.test(f));
  const bin = require.resolve('prettier/bin/prettier.cjs');
  execFileSync(process.execPath, [bin, '--write', '--log-level', 'warn', ...covered], { cwd: root, stdio: 'pipe' });
}

/** Checks everything first and writes only when nothing is in the way, so a refusal leaves the tree as it was. */
export function generateService(options: GenerateOptions): GenerateResult {
  const n = deriveNames(options);
  const now = options.now ?? new Date();
  for (const dir of [`services/${n.name}`, `charts/${n.name}`, `proto/${path.dirname(n.protoFile)}`]) {
    if (fs.existsSync(path.join(options.root, dir))) {
      throw new UsageError(`${dir} already exists: refusing to generate over an existing service`);
    }
  }
  const created = newFiles(n, options.root, now);
  for (const file of Object.keys(created)) {
    if (fs.existsSync(path.join(options.root, file))) throw new UsageError(`${file} already exists: refusing`);
  }
  const edited = editedFiles(n, options.root, now);
  for (const [file, text] of Object.entries(created)) {
    const full = path.join(options.root, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
  }
  for (const [file, text] of Object.entries(edited)) fs.writeFileSync(path.join(options.root, file), text);
  formatFiles(options.root, Object.keys(created));
  return { names: n, created: Object.keys(created), edited: Object.keys(edited) };
}
