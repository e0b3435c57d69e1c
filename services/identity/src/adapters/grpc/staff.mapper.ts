import { maskPhone } from '@govhall/identifiers';
import { enumSpelling, identityV1 } from '@govhall/proto';
import type { ServiceAccount } from '../../domain/service-account';
import type { Leave, Staff } from '../../domain/staff';
import type { StaffFact } from '../../usecases/staff-facts.port';

const staffStatus = enumSpelling(identityV1.StaffStatus, 'STAFF_STATUS_');

export function toProtoLeave(leave: Leave): identityV1.Leave {
  return { fromDate: leave.fromDate, toDate: leave.toDate, reason: leave.reason };
}

/**
 * A member of staff as far as the window rules know them (who is responsible for a window): no phone, Keycloak
 * subject or version (GetStaff has the full record for those allowed to read it).
 */
export function toProtoStaffFact(staff: StaffFact): identityV1.Staff {
  return {
    id: staff.id,
    tenant: staff.tenant,
    department: staff.department ?? '',
    username: staff.username,
    displayName: staff.displayName,
    phone: staff.phone ? maskPhone(staff.phone) : '',
    roles: [...staff.roles],
    status: staffStatus.toProto(staff.status satisfies Staff['status']),
    leaves: staff.leaves.map(toProtoLeave),
    subject: '',
    version: 0,
    disabledReason: '',
  };
}

export function toProtoStaff(staff: Staff): identityV1.Staff {
  return {
    ...toProtoStaffFact(staff),
    phone: staff.phone,
    subject: staff.subject ?? '',
    version: staff.version,
    createdAt: staff.createdAt,
    updatedAt: staff.updatedAt,
    disabledReason: staff.disabledReason ?? '',
  };
}

export function toProtoServiceAccount(account: ServiceAccount): identityV1.ServiceAccount {
  return {
    id: account.id,
    tenant: account.tenant,
    department: account.department,
    clientId: account.clientId,
    description: account.description,
    status: staffStatus.toProto(account.status),
    createdAt: account.createdAt,
  };
}
