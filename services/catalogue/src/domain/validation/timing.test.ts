import { promiseCompression } from '../item-validation';
import { specialProcedureFixture, stepFixture } from '../item.test-double';
import { exactly, violationsOf } from './expect-violations.test-double';

const wd = (days: number) => ({ days, unit: 'working_day' as const });

describe('time limits', () => {
  it('requires a statutory limit above zero', () => {
    expect(violationsOf({ statutoryLimit: wd(0) })).toEqual(exactly(['content.statutoryLimit.days', 'REQUIRED']));
    expect(violationsOf({ statutoryLimit: wd(-1) })).toEqual(exactly(['content.statutoryLimit.days', 'RANGE']));
  });

  it('requires a promised limit above zero for a promised item', () => {
    expect(violationsOf({ promisedLimit: wd(0) })).toEqual(
      exactly(['content.promisedLimit.days', 'REQUIRED'], ['content.workflow', 'BUDGET_EXCEEDS_PROMISE']),
    );
  });

  it('never lets the promise exceed the statutory limit', () => {
    expect(violationsOf({ promisedLimit: wd(21) })).toEqual(
      exactly(['content.promisedLimit.days', 'EXCEEDS_STATUTORY']),
    );
    const withReason = { promisedLimit: wd(21), promiseExceptionReason: '需现场核查且申请集中，确需延长承诺时限' };
    expect(violationsOf(withReason)).toEqual(exactly(['content.promisedLimit.days', 'EXCEEDS_STATUTORY']));
  });

  it('requires the same unit for both limits', () => {
    expect(violationsOf({ promisedLimit: { days: 10, unit: 'natural_day' } })).toEqual(
      exactly(['content.promisedLimit.unit', 'UNIT_MISMATCH']),
    );
    expect(violationsOf({ promisedLimit: { days: 10, unit: 'hour' as never } })).toEqual(
      exactly(['content.promisedLimit.unit', 'ENUM']),
    );
  });

  it('limits the promise to 70% of the statutory limit, floored to whole days', () => {
    expect(violationsOf({ promisedLimit: wd(14) })).toEqual([]);
    expect(violationsOf({ promisedLimit: wd(15) })).toEqual(
      exactly(['content.promisedLimit.days', 'PROMISE_OVER_70_PERCENT']),
    );
    // 70% of 15 is 10.5: 10 days keep the compression, 11 do not
    expect(violationsOf({ statutoryLimit: wd(15), promisedLimit: wd(10) })).toEqual([]);
    expect(violationsOf({ statutoryLimit: wd(15), promisedLimit: wd(11) })).toEqual(
      exactly(['content.promisedLimit.days', 'PROMISE_OVER_70_PERCENT']),
    );
  });

  it('accepts a longer promise with a recorded reason of at least 10 characters', () => {
    const reason = '该事项须现场核查，县域面积大、路途远';
    expect(violationsOf({ promisedLimit: wd(18), promiseExceptionReason: reason })).toEqual([]);
    expect(violationsOf({ promisedLimit: wd(18), promiseExceptionReason: '路途较远需核查' })).toEqual(
      exactly(['content.promiseExceptionReason', 'TOO_SHORT']),
    );
  });

  it('requires an immediate item to promise same-day handling (0 or 1 working day), exempt from the 70% rule', () => {
    const oneStep = { workflow: [stepFixture({ budgetWorkingDays: 0 })] };
    expect(violationsOf({ ...oneStep, promisedLimit: wd(0) }, { handlingCategory: 'immediate' })).toEqual([]);
    expect(
      violationsOf({ ...oneStep, statutoryLimit: wd(1), promisedLimit: wd(1) }, { handlingCategory: 'immediate' }),
    ).toEqual([]);
    expect(violationsOf({ ...oneStep, promisedLimit: wd(2) }, { handlingCategory: 'immediate' })).toEqual(
      exactly(['content.promisedLimit.days', 'IMMEDIATE_NOT_SAME_DAY']),
    );
  });

  it('allows 0, 1 or 2 visits', () => {
    expect(violationsOf({ visits: 2 })).toEqual([]);
    expect(violationsOf({ visits: 3 })).toEqual(exactly(['content.visits', 'RANGE']));
    expect(violationsOf({ visits: -1 })).toEqual(exactly(['content.visits', 'RANGE']));
  });

  it('requires special procedures to be named, with a planned length', () => {
    expect(violationsOf({ specialProcedures: [specialProcedureFixture()] })).toEqual([]);
    expect(
      violationsOf({
        specialProcedures: [specialProcedureFixture(), specialProcedureFixture({ name: ' ', planned: wd(0) })],
      }),
    ).toEqual(
      exactly(
        ['content.specialProcedures.1.name', 'REQUIRED'],
        ['content.specialProcedures.1.planned.days', 'REQUIRED'],
      ),
    );
    expect(violationsOf({ specialProcedures: [specialProcedureFixture({ planned: wd(2.5) })] })).toEqual(
      exactly(['content.specialProcedures.0.planned.days', 'INTEGER']),
    );
  });
});

describe('promiseCompression', () => {
  const of = (statutory: number, promised: number) =>
    promiseCompression({ statutoryLimit: wd(statutory), promisedLimit: wd(promised) });

  it('gives the compression ratio and whether the promise exceeds 70%', () => {
    expect(of(20, 10)).toEqual({ ratio: 0.5, exceeds70: false });
    expect(of(20, 14)).toEqual({ ratio: 0.3, exceeds70: false });
    expect(of(20, 15)).toEqual({ ratio: 0.25, exceeds70: true });
    expect(of(15, 11)).toEqual({ ratio: 0.2667, exceeds70: true });
    expect(of(0, 5)).toEqual({ ratio: 0, exceeds70: false });
  });
});
