import type { applicationsV1 } from '@govhall/proto';
import type { Licence } from '../../domain/licence';

export function toProtoLicence(l: Licence): applicationsV1.Licence {
  return {
    id: l.id,
    licenceNumber: l.licenceNumber,
    licenceType: l.licenceType,
    name: l.name,
    holderName: l.holderName,
    holderIdCode: l.holderIdCode,
    holderPersonId: l.holderPersonId,
    tenant: l.tenant,
    itemName: l.itemName,
    caseId: l.caseId,
    issuingDepartment: l.issuingDepartment,
    issuingDepartmentName: l.issuingDepartmentName,
    seal: l.seal,
    validFrom: l.validFrom,
    validUntil: l.validUntil,
    verificationCode: l.verificationCode,
    issuedAt: l.issuedAt,
    revoked: l.revoked,
  };
}
