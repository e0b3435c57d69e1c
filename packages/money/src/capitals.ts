import nzhcn from 'nzh/cn';
import { fenBigInt, MoneyError, yuanText } from './fen';

/**
 * The largest amount written in capitals: 999,999,999,999.99 元 (just under 1 万亿元). From 1 万亿元 on, nzh 1.0.14
 * drops the 零 of an all-zero 亿 group (1,000,044,001,036 元 → 壹万亿肆仟肆佰万…, see capitals.test.ts), so larger
 * amounts are refused instead of written wrongly. No fee comes near it.
 */
export const MAX_CAPITALS_FEN = 99_999_999_999_999;

/**
 * The amount in Chinese capitals for notices and receipts (人民币大写), e.g. 140950 → 人民币壹仟肆佰零玖元伍角整,
 * 1640902 → 人民币壹万陆仟肆佰零玖元零贰分, 1000 → 人民币壹拾元整, 0 → 人民币零元整.
 *
 * Rules (中国人民银行《正确填写票据和结算凭证的基本规定》; 会计基础工作规范 §52): 人民币 directly before the amount;
 * 整 after 元 and after 角 (both rules satisfied), none after 分; zeros in a row written as one 零; 零 after 元 when 角
 * is 0 and 分 is not. Where the standard allows a 零 or none (元位 or 万位 0 before a non-zero 千位/角位), none is
 * written: 1,680.32 → 壹仟陆佰捌拾元叁角贰分, 107,000.53 → 壹拾万柒仟元伍角叁分.
 *
 * Written by nzh (`nzh/cn` toMoney with forceZheng), fed the exact yuan text, never a float.
 */
export function capitals(fen: number | bigint): string {
  const f = fenBigInt(fen);
  if (f > BigInt(MAX_CAPITALS_FEN)) {
    throw new MoneyError('OUT_OF_RANGE', '金额过大，无法写成中文大写（上限 999,999,999,999.99 元）');
  }
  return nzhcn.toMoney(yuanText(f), { forceZheng: true });
}
