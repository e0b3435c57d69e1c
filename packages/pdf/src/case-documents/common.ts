import { maskIdNumber } from '@govhall/identifiers';
import { sha256Hex } from '../content-hash';
import type { Block, OfficialDocumentSpec, SealSpec } from '../official/spec';

/** A party on a case: an applicant, a licence holder, an agent. */
export interface Party {
  name: string;
  /** Resident ID number; printed masked (6201**********1234). */
  idNumber?: string;
  /** Unified social credit code of a legal person or other organisation; printed whole (it is public). */
  creditCode?: string;
  /** Who filed on the party's behalf (an authorised agent). */
  agent?: { name: string; idNumber?: string };
}

/** What every case document carries: who issues it, its number and dates. */
export interface CaseDocumentBase {
  /** 发文机关, at the head (e.g. 永昌县政务服务中心 or the department). */
  issuingBody: string;
  /** 发文字号, unique, assigned by the caller (see `documentNumber`). */
  documentNumber: string;
  caseNumber: string;
  itemName: string;
  applicant: Party;
  /** 成文日期: a `YYYY-MM-DD` day or a Date. */
  date: string | Date;
  /** The PDF's creation time: keep it with the case, so the document can be rendered again byte for byte. */
  createdAt: Date;
  /** The e-seal record drawn over the signature. */
  seal?: SealSpec;
  /** 落款 when it is not the seal's department or the issuing body. */
  signature?: string;
  /** Contact lines printed under the signature (e.g. 联系电话：0935-12345; 办理地点：…). */
  contacts?: string[];
}

/** Where the applicant may challenge a decision (行政复议 within 60 days, 行政诉讼 within 6 months). */
export interface Remedies {
  /** Bodies that hear an administrative reconsideration (e.g. 永昌县人民政府). */
  reconsiderationBodies: string[];
  /** The court of first instance (e.g. 永昌县人民法院). */
  court: string;
}

/**
 * 发文字号: `${issuer}${kind}〔${year}〕${sequence, 5 digits}号`, e.g. 永昌县政务服务中心受理〔2026〕00012号. The caller
 * keeps the sequence (unique per issuer, kind and year).
 */
export function documentNumber(issuer: string, kind: string, year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1)
    throw new RangeError(`sequence must be a positive integer: ${sequence}`);
  return `${issuer}${kind}〔${year}〕${String(sequence).padStart(5, '0')}号`;
}

/** 张三 or 某某有限公司 as the addressee. */
export function addresseeOf(party: Party): string {
  return party.name;
}

/** The applicant as a table value: name, masked ID number or credit code, and the agent. */
export function partyLine(party: Party): string {
  const ids = [
    party.creditCode ? `统一社会信用代码 ${party.creditCode}` : '',
    party.idNumber ? `身份证号码 ${maskIdNumber(party.idNumber)}` : '',
  ].filter(Boolean);
  return ids.length ? `${party.name}（${ids.join('，')}）` : party.name;
}

export function agentLine(party: Party): string | undefined {
  const { agent } = party;
  if (!agent) return undefined;
  return agent.idNumber ? `${agent.name}（身份证号码 ${maskIdNumber(agent.idNumber)}）` : agent.name;
}

export function remediesParagraph(remedies: Remedies, what = '本决定'): string {
  const bodies = remedies.reconsiderationBodies.join('或者');
  return (
    `如对${what}不服，可以自收到之日起六十日内向${bodies}申请行政复议，` +
    `或者自收到之日起六个月内依法向${remedies.court}提起行政诉讼。`
  );
}

/** The fields of a case document that are the same for every kind; `input` is hashed into the footer. */
export function caseDocument(
  input: CaseDocumentBase,
  title: string,
  blocks: Block[],
  extra: Partial<OfficialDocumentSpec> = {},
): OfficialDocumentSpec {
  return {
    issuingBody: input.issuingBody,
    title,
    documentNumber: input.documentNumber,
    addressee: addresseeOf(input.applicant),
    blocks,
    ...(input.contacts?.length ? { closingNotes: input.contacts } : {}),
    ...(input.seal ? { seal: input.seal } : {}),
    ...(input.signature ? { signature: input.signature } : {}),
    date: input.date,
    createdAt: input.createdAt,
    contentHash: sha256Hex(input),
    footerNote: `办件编号 ${input.caseNumber} · ${title} · 内容哈希为本文书数据的 SHA-256，可向签发机关核验`,
    subject: `${input.itemName} ${input.caseNumber}`,
    keywords: input.caseNumber,
    ...extra,
  };
}

/** The basic facts table of a case notice. */
export function caseFacts(input: CaseDocumentBase, more: [string, string][] = []): Block {
  const agent = agentLine(input.applicant);
  return {
    kind: 'table',
    rows: [
      ['办件编号', input.caseNumber],
      ['事项名称', input.itemName],
      ['申请人', partyLine(input.applicant)],
      ...(agent ? ([['代理人', agent]] as [string, string][]) : []),
      ...more,
    ],
  };
}
