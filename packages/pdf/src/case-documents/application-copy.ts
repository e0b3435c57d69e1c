import { chineseDate } from '../chinese-date';
import { sha256Hex } from '../content-hash';
import type { OfficialDocumentSpec } from '../official/spec';
import { agentLine, type Party, partyLine } from './common';
import { flattenForm, type FormSchema } from './form-fields';

/** A material as submitted: uploaded files (with their SHA-256) or a licence cited from the e-licence library. */
export interface SubmittedMaterial {
  name: string;
  files: { name: string; sha256: string; size?: number }[];
  /** The licence that satisfies the material instead of files (e.g. 营业执照 91620321MA0000000X). */
  citedLicence?: string;
}

/** What the applicant submitted: the content hash is taken over exactly this. */
export interface SubmittedApplication {
  formData: unknown;
  materials: SubmittedMaterial[];
}

export interface ApplicationCopyInput extends SubmittedApplication {
  /** The service center that prints the copy. */
  issuingBody: string;
  caseNumber: string;
  itemName: string;
  /** The item's implementation code and the pinned edition. */
  itemCode?: string;
  edition?: number;
  applicant: Party;
  submittedAt: Date;
  /** The pinned edition's form schema: its `title`s label the fields. */
  formSchema: FormSchema;
  /** The QR code: where the case (or this copy) is checked, e.g. the progress query with the case number. */
  verificationUrl: string;
  createdAt: Date;
}

/**
 * The SHA-256 (hex) of the canonical JSON of `{formData, materials}`: the content hash a printed copy carries,
 * to be computed the same way when the case is submitted and compared when the paper copy is filed (A19).
 */
export function applicationContentHash(submitted: SubmittedApplication): string {
  return sha256Hex({ formData: submitted.formData, materials: submitted.materials });
}

/** 申请表 (printable copy): case number, QR code, every form field, the materials and the content hash. */
export function applicationCopy(input: ApplicationCopyInput): OfficialDocumentSpec {
  const hash = applicationContentHash(input);
  const agent = agentLine(input.applicant);
  const submitted = `${chineseDate(input.submittedAt)} ${new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
  }).format(input.submittedAt)}`;
  const fields = flattenForm(input.formSchema, input.formData);
  return {
    issuingBody: input.issuingBody,
    title: `${input.itemName}申请表`,
    documentNumber: `办件编号：${input.caseNumber}`,
    blocks: [
      {
        kind: 'table',
        rows: [
          ['办件编号', input.caseNumber],
          ['事项名称', input.itemName],
          ...(input.itemCode
            ? ([['实施编码', `${input.itemCode}${input.edition ? `（第${input.edition}版）` : ''}`]] as [
                string,
                string,
              ][])
            : []),
          ['申请人', partyLine(input.applicant)],
          ...(agent ? ([['代理人', agent]] as [string, string][]) : []),
          ['提交时间', submitted],
        ],
      },
      { kind: 'heading', text: '一、申请信息' },
      fields.length
        ? { kind: 'table', rows: fields.map((f) => [f.label, f.value] as [string, string]), labelWidth: 150 }
        : { kind: 'paragraph', text: '无', indent: false },
      { kind: 'heading', text: '二、申请材料' },
      input.materials.length
        ? {
            kind: 'list',
            items: input.materials.map((m) => ({
              text: m.name,
              detail: m.citedLicence
                ? `引用电子证照：${m.citedLicence}`
                : m.files.map((f) => `${f.name}（SHA-256 ${f.sha256.slice(0, 16)}…）`).join('；') || '未提交',
            })),
          }
        : { kind: 'paragraph', text: '无需提交材料', indent: false },
      { kind: 'heading', text: '三、申请人声明' },
      {
        kind: 'paragraph',
        text: '本人（单位）对所填写内容和所提交材料的真实性、合法性负责。本表由系统根据网上提交的数据打印，与系统记录一致；纸质材料只需向指定部门提交一份。',
      },
      {
        kind: 'paragraph',
        text: '申请人（签字或盖章）：________________        日期：____年____月____日',
        indent: false,
      },
      {
        kind: 'note',
        text: `内容哈希（SHA-256，按表单数据和材料清单计算）：${hash}。扫描右上角二维码或访问 ${input.verificationUrl} 核对办件。`,
      },
    ],
    qrCode: { payload: input.verificationUrl, caption: input.caseNumber },
    createdAt: input.createdAt,
    contentHash: hash,
    footerNote: `办件编号 ${input.caseNumber} · 系统打印的申请表`,
    subject: `${input.itemName} ${input.caseNumber}`,
    keywords: input.caseNumber,
  };
}
