import { stepFixture } from '../item.test-double';
import { exactly, fixtureContent, violationsOf } from './expect-violations.test-double';

function withStep(index: number, overrides: Parameters<typeof stepFixture>[0]) {
  const workflow = fixtureContent().workflow;
  workflow[index] = { ...workflow[index]!, ...overrides };
  return { workflow };
}

describe('workflow', () => {
  it('requires at least one step', () => {
    expect(violationsOf({ workflow: [] })).toEqual(exactly(['content.workflow', 'REQUIRED']));
  });

  it('requires a step name', () => {
    expect(violationsOf(withStep(0, { name: '' }))).toEqual(exactly(['content.workflow.0.name', 'REQUIRED']));
  });

  it('requires a GovHall staff role', () => {
    expect(violationsOf(withStep(1, { role: 'clerk' }))).toEqual(exactly(['content.workflow.1.role', 'ENUM']));
    expect(violationsOf(withStep(1, { role: 'applicant' }))).toEqual(exactly(['content.workflow.1.role', 'ENUM']));
    expect(violationsOf(withStep(1, { role: '' }))).toEqual(exactly(['content.workflow.1.role', 'REQUIRED']));
    expect(violationsOf(withStep(1, { role: 'department_head' }))).toEqual([]);
  });

  it('requires integer budgets, at least one working day for a promised item', () => {
    expect(violationsOf(withStep(2, { budgetWorkingDays: 0 }))).toEqual(
      exactly(['content.workflow.2.budgetWorkingDays', 'RANGE']),
    );
    expect(violationsOf(withStep(2, { budgetWorkingDays: 1.5 }))).toEqual(
      exactly(['content.workflow.2.budgetWorkingDays', 'INTEGER']),
    );
    expect(violationsOf(withStep(2, { budgetWorkingDays: -1 }))).toEqual(
      exactly(['content.workflow.2.budgetWorkingDays', 'RANGE']),
    );
  });

  it('requires a named responsible person with a mobile or landline phone', () => {
    expect(violationsOf(withStep(3, { responsibleName: ' ' }))).toEqual(
      exactly(['content.workflow.3.responsibleName', 'REQUIRED']),
    );
    expect(violationsOf(withStep(3, { responsiblePhone: '' }))).toEqual(
      exactly(['content.workflow.3.responsiblePhone', 'REQUIRED']),
    );
    for (const bad of ['12345', '1290935123', '23909351234', '0935-123456']) {
      expect(violationsOf(withStep(3, { responsiblePhone: bad }))).toEqual(
        exactly(['content.workflow.3.responsiblePhone', 'PATTERN']),
      );
    }
    for (const good of ['09357521234', '010-12345678', '19909351234']) {
      expect(violationsOf(withStep(3, { responsiblePhone: good }))).toEqual([]);
    }
  });

  it('keeps the sum of the budgets within the promised limit', () => {
    // 1 + 5 + 2 + 1 = 9 of 10; one more day is still within, two are not
    expect(violationsOf(withStep(0, { budgetWorkingDays: 2 }))).toEqual([]);
    expect(violationsOf(withStep(0, { budgetWorkingDays: 3 }))).toEqual(
      exactly(['content.workflow', 'BUDGET_EXCEEDS_PROMISE']),
    );
  });

  it('keeps an immediate item within the same day', () => {
    const promisedLimit = { days: 1, unit: 'working_day' as const };
    const twoDays = [stepFixture(), stepFixture({ name: '决定', role: 'approver' })];
    expect(violationsOf({ promisedLimit, workflow: twoDays }, { handlingCategory: 'immediate' })).toEqual(
      exactly(['content.workflow', 'BUDGET_EXCEEDS_PROMISE']),
    );
    const onTheSpot = [stepFixture({ budgetWorkingDays: 0 }), stepFixture({ name: '决定', role: 'approver' })];
    expect(violationsOf({ promisedLimit, workflow: onTheSpot }, { handlingCategory: 'immediate' })).toEqual([]);
  });
});
