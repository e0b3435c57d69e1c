import { stepKind } from './handling';

describe('stepKind', () => {
  it.each([
    ['受理', 'window_clerk', 'review'],
    ['审查（含现场核查）', 'reviewer', 'review'],
    ['决定', 'approver', 'decision'],
    ['审批', 'department_head', 'decision'],
    // A step that decides and issues at once is the decision; the result is issued after it.
    ['审查决定并发证', 'approver', 'decision'],
    ['登簿发证', 'approver', 'decision'],
    ['制证', 'window_clerk', 'certificate'],
    ['发放营业执照', 'window_clerk', 'review'],
    ['制证送达', 'window_clerk', 'delivery'],
  ])('%s by %s is a %s step', (name, role, kind) => {
    expect(stepKind({ name, role })).toBe(kind);
  });
});
