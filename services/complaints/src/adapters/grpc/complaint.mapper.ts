import type { complaintsV1 } from '@govhall/proto';
import type { Complaint } from '../../domain/complaint';

export function toProtoComplaint(complaint: Complaint): complaintsV1.Complaint {
  return {
    id: complaint.id,
    tenant: complaint.tenant,
    title: complaint.title,
    version: complaint.version,
    createdAt: complaint.createdAt,
    createdBy: complaint.createdBy,
  };
}
