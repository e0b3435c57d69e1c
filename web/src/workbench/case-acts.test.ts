import type { Case } from '../api/types';
import { availableActs, stepKind } from './case-acts';

type Steps = Case['steps'];
const steps = (active: number): Steps =>
  [
    ['受理', 'window_clerk'],
    ['审查', 'reviewer'],
    ['决定', 'approver'],
    ['制证', 'window_clerk'],
  ].map(([name, role], index) => ({
    index,
    name: name!,
    role: role!,
    budgetWorkingDays: 1,
    state: index < active ? 'done' : index === active ? 'active' : 'pending',
  }));
const kase = (over: Partial<Case>) =>
  ({ status: 'pre_review', steps: [], handlingCategory: 'promised', ...over }) as Pick<
    Case,
    'status' | 'steps' | 'extension' | 'handlingCategory'
  >;

describe('the acts the workbench offers', () => {
  it('at the window: pre-review, acceptance and refusals for the clerk; on the spot for an immediate item', () => {
    expect(availableActs(kase({}), ['window_clerk'])).toEqual([
      'passPreReview',
      'accept',
      'notice',
      'correct',
      'refuse',
      'void',
    ]);
    expect(availableActs(kase({ handlingCategory: 'immediate' }), ['window_clerk'])[0]).toBe('decideOnTheSpot');
    expect(availableActs(kase({ status: 'awaiting_paper' }), ['window_clerk'])).toEqual([
      'accept',
      'notice',
      'correct',
      'refuse',
    ]);
    expect(availableActs(kase({}), ['reviewer'])).toEqual([]);
  });

  it('in processing: the active step’s act for its role, suspension and one extension', () => {
    const review = kase({ status: 'processing', steps: steps(1) });
    expect(availableActs(review, ['reviewer'])).toEqual(['completeStep', 'suspend', 'requestExtension']);
    expect(availableActs(review, ['approver'])).toEqual([]);
    const decision = kase({ status: 'processing', steps: steps(2) });
    expect(availableActs(decision, ['approver'])).toEqual(['decide', 'suspend', 'requestExtension']);
    const extended = kase({
      status: 'processing',
      steps: steps(1),
      extension: { workingDays: 3, reason: '现场核查', state: 'requested', requestedBy: 'r' },
    });
    expect(availableActs(extended, ['reviewer'])).toEqual(['completeStep', 'suspend']);
    expect(availableActs(extended, ['department_head'])).toEqual(['reviewExtension']);
    expect(
      availableActs({ ...extended, extension: { ...extended.extension!, state: 'head_approved' } }, [
        'department_head',
      ]),
    ).toEqual([]);
  });

  it('after the decision: the result, its delivery, then the archive', () => {
    expect(availableActs(kase({ status: 'approved', steps: steps(3) }), ['window_clerk'])).toEqual(['issueResult']);
    expect(availableActs(kase({ status: 'completed', steps: steps(4) }), ['window_clerk'])).toEqual(['deliver']);
    expect(availableActs(kase({ status: 'delivered' }), ['window_clerk'])).toEqual(['archive']);
    expect(stepKind({ name: '送达', role: 'window_clerk' })).toBe('delivery');
    expect(stepKind({ name: '复核', role: 'approver' })).toBe('decision');
  });
});
