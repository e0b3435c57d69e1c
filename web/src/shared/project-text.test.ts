import { agentText, dialable, expectedCompletionText, progressFigures } from './project-text';

describe('a project’s progress as people read it', () => {
  it('names the expected completion, or why there is none', () => {
    expect(expectedCompletionText({ expectedCompletionDate: '2027-03-01', casesInProgress: 2 })).toBe('2027-03-01');
    expect(expectedCompletionText({ casesInProgress: 1 })).toBe('尚未计时');
    expect(expectedCompletionText({ expectedCompletionDate: '', casesInProgress: 0 })).toBe('—');
  });

  it('dials only a full number', () => {
    expect(dialable('0935-7521234')).toBe(true);
    expect(dialable('13993509633')).toBe(true);
    expect(dialable('139****9633')).toBe(false);
    expect(dialable('')).toBe(false);
  });

  it('names the 代办员 with the phone, or says none was assigned', () => {
    expect(agentText({ displayName: '张明', phone: '0935-7521234' })).toBe('张明（0935-7521234）');
    expect(agentText({ displayName: '张明', phone: '' })).toBe('张明（未登记电话）');
    expect(agentText(undefined)).toBe('未指定');
  });

  it('counts in the order shown', () => {
    expect(
      progressFigures({ casesTotal: 5, casesCompleted: 2, casesInProgress: 3, casesOverdue: 1 }).map(
        (f) => `${f.title}${f.value}`,
      ),
    ).toEqual(['办件总数5', '已办结2', '在办3', '已超期1']);
  });
});
