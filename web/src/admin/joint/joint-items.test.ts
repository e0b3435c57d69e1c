import { flowShape } from './joint-items';

const at = (...stages: number[]) => ({
  participants: stages.map((stage, i) => ({
    department: `620321-D${i}`,
    stage,
    budgetWorkingDays: 3,
    required: true,
    formFields: [],
    materialIds: [],
  })),
});

describe('flowShape', () => {
  it('names one stage 并联, one department per stage 串联, and otherwise the number of stages', () => {
    expect(flowShape(at(1, 1, 1))).toBe('并联');
    expect(flowShape(at())).toBe('并联');
    expect(flowShape(at(1, 2, 3))).toBe('串联');
    expect(flowShape(at(1, 1, 2))).toBe('2个环节');
  });
});
