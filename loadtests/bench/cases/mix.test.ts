// The bulk cases' days and case numbers: unique numbers within a tenant and a day, and the periods the copies made
// inside PostgreSQL rely on (cases/bulk-sql.ts: copy n of seeded case n mod SEED_SPAN keeps its tenant, day, status).
import { SEED_SPAN } from './bulk-sql.ts';
import { BULK_TENANTS, bulkDay, statusOf } from './mix.ts';

const tenantOf = (i: number) => BULK_TENANTS[i % BULK_TENANTS.length];

describe('bulk cases', () => {
  it('never give two cases the same number (tenant, day, sequence) over 1,000,000', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 1_000_000; i++) {
      const status = statusOf(i);
      if (status === 'draft') continue; // drafts have no number
      const { daysAgo, sequence } = bulkDay(status, i);
      // Plain checks, not expect(): a million matcher calls took 45 s of the unit run.
      if (sequence > 99_999) throw new Error(`case ${i} has sequence ${sequence}, over 99,999`);
      const key = `${tenantOf(i)}|${daysAgo}|${sequence}`;
      if (seen.has(key)) throw new Error(`case ${i} repeats ${key}`);
      seen.add(key);
    }
  });

  it('keep cases waiting at the window recent (no notice day passed), the others 1 to 360 days back', () => {
    for (let i = 0; i < 5_000; i++) {
      const { daysAgo } = bulkDay(statusOf(i), i);
      if (statusOf(i) === 'pre_review') expect(daysAgo).toBeLessThan(5);
      else expect(daysAgo).toBeGreaterThanOrEqual(1);
    }
  });

  it('repeat every SEED_SPAN cases: a copy keeps its seed’s tenant, status and day', () => {
    for (let i = 0; i < SEED_SPAN; i += 7) {
      const n = i + 37 * SEED_SPAN;
      expect(statusOf(n)).toBe(statusOf(i));
      expect(tenantOf(n)).toBe(tenantOf(i));
      expect(bulkDay(statusOf(n), n).daysAgo).toBe(bulkDay(statusOf(i), i).daysAgo);
    }
  });
});
