import type { applicationsV1 } from '@govhall/proto';
import type { Licence, VerifiedLicence } from './licence.schemas';

const orNone = (s: string) => (s === '' ? undefined : s);

export function licenceToRest(l: applicationsV1.Licence): Licence {
  return {
    ...verifiedLicenceToRest(l),
    holderPersonId: orNone(l.holderPersonId),
    caseId: orNone(l.caseId),
  };
}

/** The public view (VerifyLicence): the service masks the holder; REST has no fields for person or case ids. */
export function verifiedLicenceToRest(l: applicationsV1.Licence): VerifiedLicence {
  return {
    id: l.id,
    licenceNumber: l.licenceNumber,
    licenceType: l.licenceType,
    name: l.name,
    holderName: l.holderName,
    holderIdCode: l.holderIdCode,
    tenant: l.tenant,
    itemName: l.itemName,
    issuingDepartment: l.issuingDepartment,
    issuingDepartmentName: l.issuingDepartmentName,
    seal: l.seal,
    validFrom: l.validFrom,
    validUntil: orNone(l.validUntil),
    verificationCode: l.verificationCode,
    issuedAt: l.issuedAt?.toISOString(),
    revoked: l.revoked,
  };
}
