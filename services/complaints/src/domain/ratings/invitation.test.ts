import { invitationState, invite, ratedVisit, type InvitationSubject } from './invitation';

const NOW = new Date('2026-12-07T02:00:00Z');
const subject: InvitationSubject = {
  tenant: '620321',
  window: { id: 'w1', number: 'A01', name: '综合窗口', department: '620321-ZWFW' },
  case: { caseId: 'c1', caseNumber: '620321202612070001', itemName: '食品经营许可', applicantName: '张*' },
  clerk: { username: 'ycx-clerk', name: '李明' },
};

describe('rating invitations (一次一评)', () => {
  it('is open from the invitation until it expires', () => {
    const inv = invite(subject, 'v1', NOW, 300_000);
    expect(inv).toMatchObject({ id: 'v1', windowNumber: 'A01', caseNumber: '620321202612070001', ratingId: '' });
    expect(invitationState(inv, new Date(NOW.getTime() + 299_999))).toBe('open');
    expect(invitationState(inv, new Date(NOW.getTime() + 300_000))).toBe('expired');
  });

  it('is rated once rated and closed once a newer one closed it, whatever the time', () => {
    const inv = invite(subject, 'v1', NOW, 300_000);
    expect(invitationState({ ...inv, ratingId: 'r1' }, new Date(NOW.getTime() + 999_999))).toBe('rated');
    expect(invitationState({ ...inv, closedAt: NOW }, NOW)).toBe('closed');
  });

  it('rates the visit, the case it was about, the window and the clerk who served', () => {
    expect(ratedVisit(invite(subject, 'v1', NOW, 1000))).toEqual({
      tenant: '620321',
      subject: 'visit',
      caseId: 'c1',
      caseNumber: '620321202612070001',
      visitId: 'v1',
      itemName: '食品经营许可',
      department: '620321-ZWFW',
      windowId: 'w1',
      staff: [{ username: 'ycx-clerk', department: '620321-ZWFW', part: '窗口服务' }],
    });
  });

  it('a visit without a case names no case', () => {
    const { case: _none, ...noCase } = subject;
    expect(ratedVisit(invite(noCase, 'v2', NOW, 1000))).toMatchObject({ caseId: '', caseNumber: '', itemName: '' });
  });
});
