import { feeFixture } from '../item.test-double';
import { exactly, violationsOf } from './expect-violations.test-double';

describe('fees', () => {
  it('accepts no fee, a fixed amount in fen and a formula', () => {
    expect(violationsOf({ fees: [] })).toEqual([]);
    expect(violationsOf({ fees: [feeFixture(), feeFixture({ amountFen: 0, formula: 'area * 50' })] })).toEqual([]);
  });

  it('takes integer fen only, never negative', () => {
    expect(violationsOf({ fees: [feeFixture({ amountFen: 10.5 })] })).toEqual(
      exactly(['content.fees.0.amountFen', 'INTEGER']),
    );
    expect(violationsOf({ fees: [feeFixture({ amountFen: -100 })] })).toEqual(
      exactly(['content.fees.0.amountFen', 'RANGE']),
    );
  });

  it('needs an amount above zero or a formula, not both', () => {
    expect(violationsOf({ fees: [feeFixture(), feeFixture({ amountFen: 0 })] })).toEqual(
      exactly(['content.fees.1.amountFen', 'AMOUNT_OR_FORMULA']),
    );
    expect(violationsOf({ fees: [feeFixture({ formula: 'area * 50' })] })).toEqual(
      exactly(['content.fees.0.formula', 'AMOUNT_AND_FORMULA']),
    );
  });

  it('charges nothing without a legal basis (law §58)', () => {
    expect(violationsOf({ fees: [feeFixture({ legalBasis: '  ' })] })).toEqual(
      exactly(['content.fees.0.legalBasis', 'REQUIRED']),
    );
  });

  it('requires a name', () => {
    expect(violationsOf({ fees: [feeFixture({ name: '' })] })).toEqual(exactly(['content.fees.0.name', 'REQUIRED']));
  });
});
