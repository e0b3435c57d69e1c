import {
  COMPLAINT_KIND_NAMES,
  COMPLAINT_STATUS_NAMES,
  COMPLAINT_FINDING_NAMES,
  HANDLING_OFFICE_NAMES,
} from '@govhall/labels';
import { complaintsV1 } from '@govhall/proto';
import {
  complaintFinding,
  complaintKind,
  complaintStatus,
  handlingOffice,
} from '../api/v1/complaints/complaints.enums';

/* GeoReport v2's services and service requests as GovHall's complaints (ADR 0067). */

type Kind = (typeof complaintKind.values)[number];

const OFFICE_OF: Readonly<Record<Kind, keyof typeof HANDLING_OFFICE_NAMES>> = {
  efficiency: 'supervision',
  law_enforcement: 'legal_affairs',
  reconsideration: 'legal_affairs',
  service: 'coordination',
};

/** One GeoReport service per complaint kind: the kind decides the office that handles it (C15, C16). */
export function services() {
  return complaintKind.values.map((code) => ({
    service_code: code,
    service_name: COMPLAINT_KIND_NAMES[code],
    description: `${COMPLAINT_KIND_NAMES[code]}方面的投诉或举报，由${HANDLING_OFFICE_NAMES[OFFICE_OF[code]]}办理；收到后1个工作日内受理，受理后5个工作日内答复。`,
    metadata: false,
    type: 'batch' as const,
    keywords: '投诉,举报',
    group: '投诉和举报',
  }));
}

/** A China date's end, as GeoReport's expected_datetime (an instant). */
const endOfChinaDay = (date: string) => (date ? `${date}T23:59:59+08:00` : null);

/** A complaint's status as GeoReport's service request. */
export function serviceRequestOf(s: complaintsV1.RequestStatus) {
  const kind = complaintKind.fromProto(s.kind) || 'service';
  const status = complaintStatus.fromProto(s.status) || 'received';
  const finding = complaintFinding.fromProto(s.finding);
  const office = handlingOffice.fromProto(s.office) || OFFICE_OF[kind];
  const notes =
    status === 'rejected'
      ? `${COMPLAINT_STATUS_NAMES.rejected}：${s.rejectionReason}`
      : finding
        ? `${COMPLAINT_FINDING_NAMES[finding]}：${s.reply}`
        : COMPLAINT_STATUS_NAMES[status];
  return {
    service_request_id: s.number,
    status: status === 'received' || status === 'accepted' ? ('open' as const) : ('closed' as const),
    status_notes: notes,
    service_name: COMPLAINT_KIND_NAMES[kind],
    service_code: kind,
    description: s.content,
    agency_responsible: HANDLING_OFFICE_NAMES[office],
    service_notice: '',
    requested_datetime: s.receivedAt?.toISOString() ?? null,
    updated_datetime: s.updatedAt?.toISOString() ?? null,
    expected_datetime: endOfChinaDay(s.expectedBy),
    address: '',
    address_id: '',
    zipcode: '',
    lat: null,
    long: null,
    media_url: '',
  };
}
