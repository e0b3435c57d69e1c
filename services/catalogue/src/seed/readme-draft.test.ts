import * as fs from 'node:fs';
import * as path from 'node:path';
import { SEED_ITEMS } from './items.seed';

// The README's draft example must work on a stack that `pnpm start` seeded: a tenant has one item per basic code
// (BASIC_CODE_TAKEN otherwise), so its basic code must be none the seed catalogue publishes or the demo drafts
// (scripts/seed-demo.js) create in that tenant.

const ROOT = path.resolve(__dirname, '../../../..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const DEMO = fs.readFileSync(path.join(ROOT, 'scripts/seed-demo.js'), 'utf8');

function readmeDraft(): { tenant: string; basicCode: string } {
  const body = /catalogue\/items[^\n]*\\\n(?:[^\n]*\\\n)*?\s*-d '(\{[^']*\})'/.exec(README)?.[1];
  if (!body) throw new Error('no draft example (POST /api/v1/catalogue/items with -d) in the README');
  return JSON.parse(body) as { tenant: string; basicCode: string };
}

function demoDrafts(): { tenant: string; basicCode: string }[] {
  return [...DEMO.matchAll(/tenant: '(\d{6})',\s*name: '[^']*',\s*basicCode: '(\d{12})'/g)].map(([, tenant, code]) => ({
    tenant: tenant!,
    basicCode: code!,
  }));
}

it('the README’s draft uses a basic code that the seeds leave free in its tenant', () => {
  const draft = readmeDraft();
  const demo = demoDrafts();
  expect(demo.length).toBeGreaterThan(0);
  const taken = [...SEED_ITEMS, ...demo].filter((item) => item.tenant === draft.tenant).map((item) => item.basicCode);
  expect(taken.length).toBeGreaterThan(1);
  expect(taken).not.toContain(draft.basicCode);
});
