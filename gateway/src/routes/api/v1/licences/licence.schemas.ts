import { Type, type Static } from '@sinclair/typebox';
import { PageQuery, Timestamp, UUID, hintedPattern, pageOf } from '../../../../lib/common.schemas';

/** The 12 characters printed on a licence, which anyone can check. */
export const VERIFICATION_CODE = hintedPattern('^[0-9A-Za-z]{12}$', '核验码应为12位字母或数字');

export const VerifyParams = Type.Object(
  { code: Type.String({ pattern: VERIFICATION_CODE, description: '证照上的核验码' }) },
  { additionalProperties: false },
);

export const MyLicencesQuery = Type.Object(
  {
    onBehalfOf: Type.Optional(Type.String({ pattern: UUID, description: '经办人查看所代理法人的证照；不填为本人' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

const publicFields = {
  id: Type.String(),
  licenceNumber: Type.String(),
  licenceType: Type.String(),
  name: Type.String({ description: '证照名称' }),
  holderName: Type.String(),
  holderIdCode: Type.String({ description: '持证人证件号码（持证人本人以外脱敏）' }),
  tenant: Type.String(),
  itemName: Type.String(),
  issuingDepartment: Type.String(),
  issuingDepartmentName: Type.String(),
  seal: Type.String({ description: '发证部门的行政审批专用章（A30）' }),
  validFrom: Type.String({ description: 'YYYY-MM-DD' }),
  validUntil: Type.Optional(Type.String({ description: 'YYYY-MM-DD；长期有效时没有' })),
  verificationCode: Type.String(),
  issuedAt: Type.Optional(Timestamp),
  revoked: Type.Boolean(),
};

/** The public answer of a verification: no person or case identifiers. */
export const VerifiedLicence = Type.Object(publicFields);
export type VerifiedLicence = Static<typeof VerifiedLicence>;

/** The holder's (and staff's) view. */
export const LicenceView = Type.Object({
  ...publicFields,
  holderPersonId: Type.Optional(Type.String()),
  caseId: Type.Optional(Type.String({ description: '发证的办件' })),
});
export type Licence = Static<typeof LicenceView>;

export const LicencePage = pageOf('licences', LicenceView);
