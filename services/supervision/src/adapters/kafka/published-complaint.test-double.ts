import { complaintsV1 } from '@govhall/proto';

const pb = complaintsV1;

/**
 * A complaint as the complaints service publishes it on govhall.complaints.complaint: a 投诉 filed online on
 * 2026-12-07 about the clerk yc-clerk (王清) of 620321-SCJG, of efficiency (the supervision office handles it), due
 * to be accepted by 12-08; the complainant removed and the content masked. `overrides` change it.
 */
export const publishedComplaint = (
  id: string,
  overrides: Partial<complaintsV1.Complaint> = {},
): complaintsV1.Complaint =>
  pb.Complaint.fromPartial({
    id,
    number: 'TS6203212026120700001',
    tenant: '620321',
    type: pb.ComplaintType.COMPLAINT_TYPE_COMPLAINT,
    kind: pb.ComplaintKind.COMPLAINT_KIND_EFFICIENCY,
    channel: pb.ComplaintChannel.COMPLAINT_CHANNEL_ONLINE,
    target: { kind: pb.TargetKind.TARGET_KIND_STAFF, id: 'yc-clerk', name: '王清', department: '620321-SCJG' },
    content: '我在3号窗口办理营业执照时工作人员态度恶劣，让我跑了三趟，电话139****5678',
    complainant: { name: '', phone: '', email: '', subject: '' },
    office: pb.HandlingOffice.HANDLING_OFFICE_SUPERVISION,
    status: pb.ComplaintStatus.COMPLAINT_STATUS_RECEIVED,
    receivedAt: new Date('2026-12-07T01:00:00Z'),
    acceptBy: '2026-12-08',
    version: 1,
    ...overrides,
  });
