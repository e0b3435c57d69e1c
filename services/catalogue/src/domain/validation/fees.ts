import type { ItemContent } from '../item-content';
import { filled, Violations } from './violations';

/** Largest fee line accepted: 100 million yuan, in fen (anything larger is a typing error). */
const MAX_AMOUNT_FEN = 10_000_000_000;
/** A fee register code (payments' FeeItem.code). */
const FEE_CODE = /^[A-Z0-9][A-Z0-9-]{1,31}$/;

export function checkFeesShape(content: ItemContent, v: Violations): void {
  v.maxEntries('content.fees', content.fees, '收费项目', 50);
  content.fees.forEach((fee, i) => {
    const path = `content.fees.${i}`;
    v.maxLength(`${path}.name`, fee.name, '收费项目名称', 100);
    v.maxLength(`${path}.legalBasis`, fee.legalBasis, '收费依据', 500);
    if (!Number.isSafeInteger(fee.amountFen)) {
      v.add(`${path}.amountFen`, 'INTEGER', '收费金额以“分”为单位，应为整数（不能有小数）');
    } else {
      v.integerIn(`${path}.amountFen`, fee.amountFen, '收费金额（分）', 0, MAX_AMOUNT_FEN);
    }
    v.maxLength(`${path}.formula`, fee.formula, '计费公式', 500);
    v.maxLength(`${path}.reductions`, fee.reductions, '减免政策', 1000, true);
    if (fee.feeCode && !FEE_CODE.test(fee.feeCode)) {
      v.add(`${path}.feeCode`, 'PATTERN', '收费项目编码应为2至32位大写字母、数字或“-”，如 BDCDJ-ZZ');
    }
  });
}

/** No fee without a law (§58): every line cites one, and has either a fixed amount or a formula, not both. */
export function checkFeesComplete(content: ItemContent, v: Violations): void {
  content.fees.forEach((fee, i) => {
    const path = `content.fees.${i}`;
    if (!filled(fee.name)) v.add(`${path}.name`, 'REQUIRED', '请填写收费项目名称');
    if (!filled(fee.legalBasis)) {
      v.add(`${path}.legalBasis`, 'REQUIRED', '没有法律、行政法规依据不得收费，请填写该收费项目的法定依据');
    }
    const hasFormula = filled(fee.formula);
    if (fee.amountFen === 0 && !hasFormula) {
      v.add(`${path}.amountFen`, 'AMOUNT_OR_FORMULA', '请填写收费金额（大于0，单位为分）或计费公式');
    } else if (fee.amountFen > 0 && hasFormula) {
      v.add(`${path}.formula`, 'AMOUNT_AND_FORMULA', '固定金额与计费公式只能填写一项：按公式计费时金额应为0');
    }
  });
}
