import { CHECKLIST, checklistBody } from './checklist';

describe('the inspection checklist', () => {
  it('sends every entry, passed unless marked, with trimmed notes; a failed entry needs a note', () => {
    const { checklist, missingNotes } = checklistBody({
      uniform: { passed: false, note: '  未穿工作服 ' },
      badge: { passed: false },
      on_post: { passed: true, note: '   ' },
    });
    expect(checklist).toHaveLength(CHECKLIST.length);
    expect(checklist.find((c) => c.code === 'uniform')).toEqual({
      code: 'uniform',
      label: '着装规范',
      passed: false,
      note: '未穿工作服',
    });
    expect(checklist.find((c) => c.code === 'on_post')).toEqual({
      code: 'on_post',
      label: '按时在岗，不擅离岗位',
      passed: true,
    });
    expect(checklist.filter((c) => !c.passed).map((c) => c.code)).toEqual(['uniform', 'badge']);
    expect(missingNotes).toEqual(['badge']);
  });
});
