import { evaluateFormula, formNumbers, parseFormula, sumFen } from '@govhall/money';
import { FEE_CASE_ASSESSMENTS, FEE_CASE_FORM, FEE_CASE_TOTAL_FEN } from './demo-fee-case';
import { DEMO_FEE_ITEMS } from './fee-register';

describe('the demo fee case', () => {
  it('owes 3 760 yuan under the demo register: 登记费 80 (one home) and 契税 1% of 368 000', () => {
    const values = formNumbers(JSON.stringify(FEE_CASE_FORM));
    const amounts = DEMO_FEE_ITEMS.map((item) => {
      if (item.formula) {
        const parsed = parseFormula(item.formula);
        if (!parsed.ok) throw new Error(`${item.code}: ${JSON.stringify(parsed.violations)}`);
        return evaluateFormula(parsed.formula, values);
      }
      const quantity = FEE_CASE_ASSESSMENTS.find((a) => a.department === item.department)?.quantities[item.code];
      if (quantity === undefined) throw new Error(`no quantity for the fixed line ${item.code}`);
      return item.standardFen * quantity;
    });
    expect(amounts).toEqual([8_000, 0, 0, 368_000]);
    expect(sumFen(...amounts)).toBe(FEE_CASE_TOTAL_FEN);
  });

  it('names an assessor for every owning department of the register', () => {
    const owners = new Set(DEMO_FEE_ITEMS.map((i) => i.department));
    expect(new Set(FEE_CASE_ASSESSMENTS.map((a) => a.department))).toEqual(owners);
  });
});
