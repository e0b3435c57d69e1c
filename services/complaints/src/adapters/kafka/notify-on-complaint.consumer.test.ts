import type { NewNotification } from '@govhall/notify';
import {
  accept,
  checkFiling,
  complaintNumber,
  fileComplaint,
  rateReply,
  reply,
  type Complaint,
} from '../../domain/complaints/complaint';
import { InMemoryComplaints } from '../../usecases/complaints/in-memory-complaints.test-double';
import { complaintNotifier } from './notify-on-complaint.consumer';

const now = new Date('2026-12-07T02:00:00Z');

function filed(): Complaint {
  return fileComplaint(
    checkFiling({
      type: 'complaint',
      kind: 'service',
      channel: 'online',
      target: { kind: 'none', id: '' },
      content: '大厅饮水机长期无水，工作人员说不归他们管。',
      complainant: { name: '钱投诉', phone: '13912345678', email: 'qian@example.cn' },
      attachmentIds: [],
    }),
    {
      id: 'c-1',
      number: complaintNumber('620321', '2026-12-07', 1),
      tenant: '620321',
      target: { kind: 'none', id: '', name: '', department: '' },
      subject: 'sub-qian',
      receivedBy: '',
      legalAffairs: '620321-SFJ',
      acceptBy: '2026-12-08',
      requestId: 'req-notify-1',
      attachments: [],
      now,
    },
  ).complaint;
}

async function told(stored: Complaint, type: string): Promise<NewNotification[]> {
  const complaints = new InMemoryComplaints();
  complaints.saved.set(stored.id, stored);
  const sent: NewNotification[] = [];
  const notify = complaintNotifier({
    complaints,
    ledger: { enqueue: async (n) => (sent.push(n), true) },
    centerName: async () => '永昌县政务服务中心',
    queued: () => undefined,
  });
  await notify({ id: 'event-1', type, aggregateId: stored.id, tenant: stored.tenant });
  return sent;
}

describe('telling the complainant (C10)', () => {
  it('tells the answer even when the complainant voted before the event was read (stored closed)', async () => {
    const answered = reply(
      accept(filed(), 'yc-desk', '2026-12-14', now).complaint,
      { finding: 'justified', text: '已安排专人每日检查饮水机。' },
      'yc-desk',
      now,
    ).complaint;
    const voted = rateReply(answered, 'satisfied', now).complaint;
    const sent = await told(voted, 'govhall.complaints.v1.ComplaintReplied');
    expect(sent.map((n) => [n.id, n.channel, n.to])).toEqual([
      ['event-1:email', 'email', 'qian@example.cn'],
      ['event-1:sms', 'sms', '13912345678'],
    ]);
    expect(sent[0]!.text).toContain('已安排专人每日检查饮水机。');
  });

  it('tells nothing of a complaint without a contact', async () => {
    const anonymous = { ...filed(), complainant: { name: '', phone: '', email: '', subject: '' } };
    expect(await told(anonymous, 'govhall.complaints.v1.ComplaintRejected')).toEqual([]);
  });
});
