import { parseCreditCode } from '@govhall/identifiers';
import { HANDLING_CATEGORIES } from '../domain/item';
import { formHasField, validateItem } from '../domain/item-validation';
import { EXTRA_SEED_DEPARTMENTS, SEED_ITEMS } from './items.seed';

/** Departments identity seats in every tenant; the others must be listed for identity's seed to add. */
const IDENTITY_SEATS = ['SCJG', 'RSJ', 'ZRZY', 'ZJJ', 'WJW'];
const SEEDED_TENANTS = ['620300', '620302', '620321'];

const departmentsOf = (item: (typeof SEED_ITEMS)[number]) => [item.department, ...item.content.coDepartments];

describe('seed catalogue', () => {
  it('holds at least 30 items across at least 8 departments of the seeded tenants', () => {
    expect(SEED_ITEMS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(SEED_ITEMS.map((i) => i.department)).size).toBeGreaterThanOrEqual(8);
    expect(SEED_ITEMS.filter((i) => !SEEDED_TENANTS.includes(i.tenant)).map((i) => i.name)).toEqual([]);
  });

  it('passes validateItem, item by item', () => {
    const problems = SEED_ITEMS.map((item) => ({ name: item.name, violations: validateItem(item) }));
    expect(problems.filter((p) => p.violations.length > 0)).toEqual([]);
  });

  it('covers the four handling categories, with at least three joint items naming their co-departments', () => {
    expect(new Set(SEED_ITEMS.map((i) => i.handlingCategory))).toEqual(new Set(HANDLING_CATEGORIES));
    const joint = SEED_ITEMS.filter((i) => i.handlingCategory === 'joint');
    expect(joint.length).toBeGreaterThanOrEqual(3);
    for (const item of joint) expect([item.name, item.content.coDepartments.length > 0]).toEqual([item.name, true]);
  });

  it('gives every item a form with fields and at least one pre-review rule on its fields or materials', () => {
    for (const item of SEED_ITEMS) {
      const schema = JSON.parse(item.content.form.jsonSchema) as { properties?: Record<string, unknown> };
      expect([item.name, Object.keys(schema.properties ?? {}).length > 0]).toEqual([item.name, true]);
      expect([item.name, item.content.preReviewRules.length > 0]).toEqual([item.name, true]);
      for (const r of item.content.preReviewRules.filter((rule) => rule.field !== '')) {
        expect([item.name, r.field, formHasField(schema, r.field)]).toEqual([item.name, r.field, true]);
      }
    }
  });

  it('includes the items the issue names', () => {
    const names = SEED_ITEMS.map((i) => i.name);
    for (const wanted of [
      '食品经营许可',
      '公共场所卫生许可',
      '个体工商户设立登记',
      '建设工程规划许可证核发',
      '排污许可',
      '教师资格认定',
      '城乡居民基本养老保险待遇申领',
      '户口迁移',
      '道路运输经营许可',
      '药品零售企业许可',
    ]) {
      expect([wanted, names.some((n) => n.startsWith(wanted))]).toEqual([wanted, true]);
    }
  });

  it('keeps basic and implementation codes unique, each with a valid credit code of the implementing body', () => {
    const basic = SEED_ITEMS.map((i) => i.basicCode);
    expect(new Set(basic).size).toBe(basic.length);
    const implementation = SEED_ITEMS.map((i) => i.content.implementationCode);
    expect(new Set(implementation).size).toBe(implementation.length);
    for (const item of SEED_ITEMS) {
      const credit = parseCreditCode(item.content.implementationCode.slice(0, 18));
      expect([item.name, credit.ok && credit.value.regionCode]).toEqual([item.name, item.tenant]);
    }
  });

  it('names only departments that identity seats or that are listed for identity to add', () => {
    const known = new Set([
      ...SEEDED_TENANTS.flatMap((t) => IDENTITY_SEATS.map((a) => `${t}-${a}`)),
      ...EXTRA_SEED_DEPARTMENTS.map((d) => `${d.tenant}-${d.abbreviation}`),
    ]);
    const unknown = SEED_ITEMS.flatMap(departmentsOf).filter((d) => !known.has(d));
    expect(unknown).toEqual([]);
  });

  it('charges fees only with a legal basis, in whole fen', () => {
    for (const fee of SEED_ITEMS.flatMap((i) => i.content.fees)) {
      expect(fee.legalBasis).toMatch(/《.+》|〔\d{4}〕/);
      expect(Number.isSafeInteger(fee.amountFen)).toBe(true);
    }
  });
});
