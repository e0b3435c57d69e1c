import { complaintActs, complaintClock, readsComplaints } from './complaint-format';

const clock = { acceptBy: '2026-12-07', replyBy: '2026-12-14', acceptanceOverdue: false, replyOverdue: false };

describe('complaintClock', () => {
  it('names the acceptance limit while received, the reply limit once accepted, nothing after', () => {
    expect(complaintClock({ ...clock, status: 'received' })).toEqual({ text: '2026-12-07前受理', late: false });
    expect(complaintClock({ ...clock, status: 'accepted' })).toEqual({ text: '2026-12-14前答复', late: false });
    expect(complaintClock({ ...clock, status: 'replied' })).toEqual({ text: '—', late: false });
  });

  it('says when the clock has passed', () => {
    expect(complaintClock({ ...clock, status: 'received', acceptanceOverdue: true })).toEqual({
      text: '2026-12-07前受理（已超期）',
      late: true,
    });
    expect(complaintClock({ ...clock, status: 'accepted', replyOverdue: true }).late).toBe(true);
  });
});

describe('complaintActs', () => {
  it('offers the supervision office’s complaints to supervisors, the others to complaint handlers', () => {
    expect(complaintActs(['supervisor'], { status: 'received', office: 'supervision' })).toEqual({
      accept: true,
      reply: false,
    });
    expect(complaintActs(['complaint_handler'], { status: 'received', office: 'supervision' }).accept).toBe(false);
    expect(complaintActs(['complaint_handler'], { status: 'accepted', office: 'legal_affairs' })).toEqual({
      accept: false,
      reply: true,
    });
  });

  it('offers nothing once answered or refused, nor to readers who staff no office', () => {
    expect(complaintActs(['supervisor'], { status: 'replied', office: 'supervision' })).toEqual({
      accept: false,
      reply: false,
    });
    expect(complaintActs(['center_admin'], { status: 'received', office: 'coordination' }).accept).toBe(false);
  });
});

describe('readsComplaints', () => {
  it('shows the list to the handling offices, the center, supervisors and department heads only', () => {
    expect(readsComplaints(['department_head'])).toBe(true);
    expect(readsComplaints(['window_clerk', 'complaint_handler'])).toBe(true);
    expect(readsComplaints(['window_clerk'])).toBe(false);
    expect(readsComplaints(['reviewer', 'approver'])).toBe(false);
  });
});
