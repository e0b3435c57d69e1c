import { complaintsV1 } from '@govhall/proto';
import { complaintViolations } from '../../domain/violations/complaint-violation-detectors';
import { complaintEventFacts } from './complaint-event-facts.mapper';
import { publishedComplaint } from './published-complaint.test-double';

const pb = complaintsV1;

/**
 * A justified complaint as a careless publisher might send it: the complainant whole and their name, ID number and
 * phone in the content and the answer (the complaints service removes and masks them; supervision must not rely on
 * it).
 */
const complaint = publishedComplaint('c-1', {
  content: '我叫李四，身份证620321199001011234，电话13912345678，窗口让我跑了三趟',
  complainant: { name: '李四', phone: '13912345678', email: 'lisi@example.cn', subject: 'kc-subject-1' },
  status: pb.ComplaintStatus.COMPLAINT_STATUS_REPLIED,
  replyBy: '2026-12-15',
  acceptedAt: new Date('2026-12-07T03:00:00Z'),
  acceptedBy: 'yc-sup',
  reply: {
    finding: pb.ComplaintFinding.COMPLAINT_FINDING_JUSTIFIED,
    text: '李四同志（13912345678）反映的情况属实',
    repliedBy: 'yc-sup',
    repliedAt: new Date('2026-12-10T02:00:00Z'),
  },
  version: 4,
});

const envelope = {
  id: 'e-1',
  tenant: '620321',
  occurredAt: new Date('2026-12-10T02:00:01Z'),
  payload: pb.ComplaintReplied.encode({ complaint }).finish(),
} as Parameters<typeof complaintEventFacts>[0]['envelope'];

describe('a complaint event as violation detection reads it', () => {
  it('reads the complaint’s handling and target, its enums spelled as the domain’s', () => {
    expect(complaintEventFacts({ envelope }, 'replied')).toMatchObject({
      event: 'replied',
      eventId: 'e-1',
      complaintId: 'c-1',
      type: 'complaint',
      kind: 'efficiency',
      target: { kind: 'staff', id: 'yc-clerk', department: '620321-SCJG' },
      office: 'supervision',
      acceptedBy: 'yc-sup',
      finding: 'justified',
      repliedAt: new Date('2026-12-10T02:00:00Z'),
    });
  });

  it('never carries the complainant’s name, phone, e-mail or ID number, nor the content or the answer, into a violation', () => {
    const facts = complaintEventFacts({ envelope }, 'replied');
    const recorded = [
      ...complaintViolations(facts),
      ...complaintViolations({ ...facts, event: 'acceptance_overdue' }),
      ...complaintViolations({ ...facts, event: 'reply_overdue' }),
    ];
    expect(recorded.map((v) => v.kind)).toEqual(['complaint_justified', 'complaint_late', 'complaint_late']);
    for (const read of [facts, ...recorded]) {
      expect(JSON.stringify(read)).not.toMatch(/李四|13912345678|lisi@|620321199001011234|kc-subject|三趟|属实/);
    }
  });
});
