import { chineseDate } from '../chinese-date';
import { sha256Hex } from '../content-hash';
import type { OfficialDocumentSpec, SealSpec } from '../official/spec';
import { type Party, partyLine } from './common';

export interface LicenceInput {
  /** 证照名称 (e.g. 食品经营许可证). */
  licenceName: string;
  /** 证照编号. */
  licenceNumber: string;
  holder: Party;
  itemName: string;
  caseNumber: string;
  /** The issuing department (发证机关); its seal is drawn over the signature. */
  issuingDepartment: string;
  seal: SealSpec;
  /** 发证日期. */
  issuedOn: string | Date;
  validFrom: string | Date;
  /** Absent: 长期有效. */
  validUntil?: string | Date;
  /** The licence's own particulars, in order (e.g. 经营场所, 主体业态, 经营项目). */
  particulars?: [label: string, value: string][];
  /** The code anyone can check the licence with, and the URL that checks it (the QR code). */
  verificationCode: string;
  verificationUrl: string;
  createdAt: Date;
}

/** 证照: a licence in a frame, with its particulars, the issuing department's seal and the verification QR code. */
export function licence(input: LicenceInput): OfficialDocumentSpec {
  const validity = input.validUntil
    ? `${chineseDate(input.validFrom)}至${chineseDate(input.validUntil)}`
    : `自${chineseDate(input.validFrom)}起长期有效`;
  return {
    layout: 'certificate',
    issuingBody: input.issuingDepartment,
    title: input.licenceName,
    documentNumber: `编号：${input.licenceNumber}`,
    blocks: [
      {
        kind: 'table',
        labelWidth: 110,
        rows: [
          ['持证主体', partyLine(input.holder)],
          ['许可事项', input.itemName],
          ...(input.particulars ?? []),
          ['有效期限', validity],
          ['发证机关', input.issuingDepartment],
          ['办件编号', input.caseNumber],
          ['核验码', input.verificationCode],
        ],
      },
      {
        kind: 'note',
        text: `本证照为电子证照的打印件。核验：扫描右上角二维码，或访问 ${input.verificationUrl} 输入核验码 ${input.verificationCode}，核验结果以电子证照库记录为准。`,
      },
    ],
    qrCode: { payload: input.verificationUrl, caption: '扫码核验' },
    seal: input.seal,
    signature: input.issuingDepartment,
    date: input.issuedOn,
    createdAt: input.createdAt,
    contentHash: sha256Hex(input),
    footerNote: `${input.licenceName} ${input.licenceNumber} · 核验码 ${input.verificationCode}`,
    subject: `${input.itemName} ${input.caseNumber}`,
    keywords: input.licenceNumber,
  };
}
