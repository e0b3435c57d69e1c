import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The repository this package lives in (packages/service-generator/src → ../../..). */
export const REPO_ROOT = path.resolve(__dirname, '../../..');

/** Files the generator reads or edits, copied from the real tree so the tests follow it as it changes. */
const FILES = [
  '.prettierrc.json',
  '.prettierignore',
  'proto/src/index.ts',
  'charts/govhall/Chart.yaml',
  'charts/govhall/Chart.lock',
  'charts/govhall/values.yaml',
  'charts/check.sh',
  'deploy/kafka/topics.txt',
  'deploy/services.sh',
  'services/catalogue/package.json',
  'services/catalogue/tsconfig.json',
  'services/catalogue/tsconfig.build.json',
];

/** A temporary repository root holding copies of the files the generator touches. */
export function tempRoot(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'new-service-'));
  for (const file of FILES) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.copyFileSync(path.join(REPO_ROOT, file), path.join(root, file));
  }
  return root;
}

export function read(root: string, file: string): string {
  return fs.readFileSync(path.join(root, file), 'utf8');
}

/** Every file under root, relative, sorted: to show a refusal wrote nothing. */
export function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    out[path.relative(root, full)] = fs.readFileSync(full, 'utf8');
  }
  return out;
}
