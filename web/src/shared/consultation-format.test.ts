import { consultationActs, consultationSubject } from './consultation-format';

const question = {
  kind: 'question' as const,
  status: 'open' as const,
  visibility: 'public' as const,
  department: '620321-SCJG',
};

describe('consultationActs', () => {
  it('offers the answer to the item’s department and the center, the mailbox only to the center', () => {
    const clerk = { roles: ['window_clerk'], department: '620321-SCJG' };
    expect(consultationActs(clerk, question)).toEqual({ answer: true, curate: false });
    expect(consultationActs({ ...clerk, department: '620321-RSJ' }, question).answer).toBe(false);
    expect(consultationActs(clerk, { ...question, kind: 'mailbox', department: '' }).answer).toBe(false);
    expect(
      consultationActs({ roles: ['center_admin'], department: '' }, { ...question, kind: 'mailbox', department: '' })
        .answer,
    ).toBe(true);
  });

  it('offers curation of an answered public question to the head and the center only', () => {
    const answered = { ...question, status: 'answered' as const };
    expect(consultationActs({ roles: ['department_head'], department: '620321-SCJG' }, answered)).toEqual({
      answer: false,
      curate: true,
    });
    expect(consultationActs({ roles: ['window_clerk'], department: '620321-SCJG' }, answered).curate).toBe(false);
    expect(
      consultationActs({ roles: ['center_admin'], department: '' }, { ...answered, visibility: 'private' }).curate,
    ).toBe(false);
  });
});

describe('consultationSubject', () => {
  it('names the item, or the leader mailbox', () => {
    expect(consultationSubject({ kind: 'question', itemName: '食品经营许可' })).toBe('食品经营许可');
    expect(consultationSubject({ kind: 'mailbox', itemName: '' })).toBe('领导信箱');
  });
});
