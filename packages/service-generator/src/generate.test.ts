import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lockDigest, parseDependencies } from './chart-lock';
import { generateService } from './generate';
import { read, tempRoot } from './test-root.test-double';

const NOW = new Date('2026-11-26T00:00:00Z');
let root: string;
let created: string[];

beforeAll(() => {
  root = tempRoot();
  ({ created } = generateService({ root, name: 'petitions', grpcPort: 50061, metricsPort: 9481, now: NOW }));
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('generating a service', () => {
  it('creates the service folder in the house layout', () => {
    const svc = 'services/petitions';
    for (const file of [
      `${svc}/package.json`,
      `${svc}/tsconfig.json`,
      `${svc}/tsconfig.build.json`,
      `${svc}/.env.example`,
      `${svc}/README.md`,
      `${svc}/src/instrumentation.ts`,
      `${svc}/src/config.ts`,
      `${svc}/src/main.ts`,
      `${svc}/src/domain/petition.ts`,
      `${svc}/src/usecases/ports.ts`,
      `${svc}/src/usecases/create-petition/create-petition.usecase.ts`,
      `${svc}/src/usecases/create-petition/create-petition.usecase.test.ts`,
      `${svc}/src/adapters/grpc/petitions.grpc-handler.ts`,
      `${svc}/src/adapters/mongo/petition.schema.ts`,
      `${svc}/src/adapters/mongo/petition.repository.ts`,
      `${svc}/src/adapters/kafka/petition-events.ts`,
      `${svc}/test/petitions.int.test.ts`,
    ]) {
      expect(created).toContain(file);
      expect(fs.existsSync(path.join(root, file))).toBe(true);
    }
    const pkg = JSON.parse(read(root, `${svc}/package.json`));
    expect(pkg.name).toBe('@govhall/petitions');
    expect(pkg.dependencies['@govhall/kafka']).toBe('workspace:*');
    const catalogue = JSON.parse(read(root, 'services/catalogue/package.json')).dependencies;
    expect(pkg.dependencies['@grpc/grpc-js']).toBe(catalogue['@grpc/grpc-js']);
    expect(read(root, `${svc}/src/config.ts`)).toContain('GRPC_PORT: common.port.default(50061)');
    expect(read(root, `${svc}/src/instrumentation.ts`)).toContain('defaultMetricsPort: 9481');
    expect(read(root, `${svc}/src/adapters/kafka/petition-events.ts`)).toContain(
      "PETITION_TOPIC = 'govhall.petitions.petition'",
    );
    expect(read(root, `${svc}/src/adapters/mongo/petition.schema.ts`)).toMatch(/\/\/ Serves .*\n.*\.index\(/);
  });

  it('lists every variable config.ts reads in .env.example, with a comment', () => {
    const env = read(root, 'services/petitions/.env.example');
    const config = read(root, 'services/petitions/src/config.ts');
    for (const [, name] of config.matchAll(/^ {2}([A-Z_]+):/gm))
      expect(env).toMatch(new RegExp(`^# .*\\n${name}=`, 'm'));
    expect(env).toContain('GRPC_PORT=50061');
    expect(env).toContain('METRICS_PORT=9481');
  });

  it('writes a proto with the service, one RPC and its messages, re-exported as petitionsV1', () => {
    const proto = read(root, 'proto/govhall/petitions/v1/petitions_service.proto');
    expect(proto).toContain('package govhall.petitions.v1;');
    expect(proto).toContain('service PetitionsService {');
    expect(proto).toContain('rpc CreatePetition(CreatePetitionRequest) returns (CreatePetitionResponse);');
    expect(proto).toMatch(/message CreatePetitionRequest {[^}]+}\n\nmessage CreatePetitionResponse {/);
    expect(read(root, 'proto/src/petitions-v1.ts')).toBe(
      "export * from './gen/govhall/petitions/v1/petitions_service';\n",
    );
    const index = read(root, 'proto/src/index.ts');
    // After the last existing service namespace, before googleRpc.
    const lines = index.split('\n');
    const at = lines.indexOf("export * as petitionsV1 from './petitions-v1';");
    expect(at).toBeGreaterThan(0);
    expect(lines[at - 1]).toMatch(/^export \* as \w+V1 from '\.\/[a-z-]+-v1';$/);
    expect(lines[at + 1]).toMatch(/^export \* as googleRpc /);
  });

  it('adds the chart to the umbrella, disabled, with a Chart.lock helm accepts', () => {
    expect(read(root, 'charts/petitions/templates/all.yaml')).toBe('{{ include "govhall-lib.service" . }}\n');
    expect(read(root, 'charts/petitions/Chart.yaml')).toContain('repository: file://../govhall-lib');
    expect(read(root, 'charts/petitions/values.yaml')).toContain('grpc: 50061');
    const umbrella = read(root, 'charts/govhall/Chart.yaml');
    expect(parseDependencies(umbrella).at(-1)).toEqual({
      name: 'petitions',
      version: '0.1.0',
      repository: 'file://../petitions',
      condition: 'petitions.enabled',
    });
    const lock = read(root, 'charts/govhall/Chart.lock');
    expect(lock).toContain(`digest: ${lockDigest(parseDependencies(umbrella))}\n`);
    expect(lock).toContain('- name: petitions\n  repository: file://../petitions\n  version: 0.1.0\n');
    expect(read(root, 'charts/govhall/values.yaml')).toMatch(/\npetitions:\n {2}enabled: false/);
    expect(read(root, 'charts/check.sh')).toMatch(/^SERVICES=\(.* petitions\)$/m);
  });

  it('appends the topic and the local run entry', () => {
    expect(read(root, 'deploy/kafka/topics.txt')).toMatch(/\ngovhall\.petitions\.petition 3\n$/);
    expect(read(root, 'deploy/services.sh')).toContain(
      '  "petitions|services/petitions/dist/main.js|${PETITIONS_GRPC_PORT:-50061}|GRPC_PORT=${PETITIONS_GRPC_PORT:-50061} METRICS_PORT=9481"\n)\n',
    );
  });

  it('leaves every file prettier covers formatted, the edited ones included', () => {
    const files = [...created, 'proto/src/index.ts', 'charts/govhall/Chart.yaml', 'charts/govhall/values.yaml'];
    const bin = require.resolve('prettier/bin/prettier.cjs');
    const covered = files.filter((f) => /\.(ts|json|ya?ml)$/.test(f));
    expect(() =>
      execFileSync(process.execPath, [bin, '--check', ...covered], { cwd: root, stdio: 'pipe' }),
    ).not.toThrow();
  });
});

describe('names with several words', () => {
  it('uses snake_case where proto and MongoDB need it and kebab-case elsewhere', () => {
    const dir = tempRoot();
    try {
      generateService({ root: dir, name: 'demo-widgets', grpcPort: 50099, metricsPort: 9499, now: NOW });
      const proto = read(dir, 'proto/govhall/demo_widgets/v1/demo_widgets_service.proto');
      expect(proto).toContain('package govhall.demo_widgets.v1;');
      expect(proto).toContain('service DemoWidgetsService {');
      expect(read(dir, 'proto/src/index.ts')).toContain("export * as demoWidgetsV1 from './demo-widgets-v1';");
      expect(read(dir, 'services/demo-widgets/src/config.ts')).toContain("default('govhall_demo_widgets')");
      expect(read(dir, 'deploy/kafka/topics.txt')).toContain('govhall.demo-widgets.widget 3');
      expect(fs.existsSync(path.join(dir, 'services/demo-widgets/src/domain/widget.ts'))).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
