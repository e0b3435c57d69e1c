import { chineseDate } from '../chinese-date';
import type { Block, OfficialDocumentSpec } from '../official/spec';
import { type CaseDocumentBase, caseDocument, caseFacts, type Remedies, remediesParagraph } from './common';

export interface DecisionInput extends CaseDocumentBase {
  outcome: 'approve' | 'deny';
  acceptedOn: string | Date;
  /** The facts and law the decision rests on (approval), or why it is denied (denial: at least one). */
  reasons: string[];
  /** On approval: the licence issued. */
  licence?: { name: string; number: string; validUntil?: string | Date };
  remedies: Remedies;
  /** Default 《中华人民共和国行政许可法》第三十八条. */
  legalBasis?: string;
}

/** 准予行政许可决定书 / 不予行政许可决定书, with reasons and the applicant's remedies. */
export function decision(input: DecisionInput): OfficialDocumentSpec {
  const approve = input.outcome === 'approve';
  if (!approve && input.reasons.length === 0) throw new RangeError('a denial gives its reasons');
  const basis = input.legalBasis ?? '《中华人民共和国行政许可法》第三十八条';
  const title = approve ? '准予行政许可决定书' : '不予行政许可决定书';
  const intro = `你（单位）于${chineseDate(input.acceptedOn)}被受理的${input.itemName}申请（办件编号：${input.caseNumber}），经审查：`;
  const blocks: Block[] = [
    { kind: 'paragraph', text: intro },
    ...(input.reasons.length ? [{ kind: 'list', items: input.reasons.map((text) => ({ text })) } as const] : []),
  ];
  if (approve) {
    const licence = input.licence;
    const issued = licence
      ? `，颁发${licence.name}（证号：${licence.number}${licence.validUntil ? `，有效期至${chineseDate(licence.validUntil)}` : ''}）`
      : '';
    blocks.push({
      kind: 'paragraph',
      text: `你（单位）的申请符合法定条件、标准。根据${basis}第一款的规定，决定准予行政许可${issued}。`,
    });
  } else {
    blocks.push({
      kind: 'paragraph',
      text: `你（单位）的申请不符合法定条件、标准。根据${basis}第二款的规定，决定不予行政许可。`,
    });
  }
  blocks.push(caseFacts(input, [['受理日期', chineseDate(input.acceptedOn)]]), {
    kind: 'paragraph',
    text: remediesParagraph(input.remedies, '本决定'),
  });
  return caseDocument(input, title, blocks);
}
