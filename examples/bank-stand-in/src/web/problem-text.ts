import type { Problem, Refused, Unreachable } from '../client/types';

/** The stand-in's own words for GovHall's refusal codes, used when the problem carries no Chinese detail. */
const BY_CODE: Record<string, string> = {
  SIGNATURE_INVALID: '政务服务平台未能验证本行的签名（渠道或密钥未登记，或报文被改动）。',
  EXPIRED: '报文时间与政务服务平台的时钟相差超过 5 分钟，请核对本机时间。',
  REPLAYED: '该报文已发送过（重放），平台拒收。',
  VALIDATION_FAILED: '报文内容不符合要求。',
  UNKNOWN_PAYMENT_CODE: '未找到该缴款码对应的缴款通知书，请核对缴款码。',
  NOTICE_NOT_PAYABLE: '该缴款通知书当前不可缴款（已缴、已减免、已撤销或已过期）。',
  AMOUNT_MISMATCH: '缴款金额与缴款通知书的金额不一致。',
  UNREADABLE_ANSWER: '政务服务平台的应答无法识别。',
};

/** What a payer reads about a refusal: GovHall's Chinese detail (and field messages) first, else by its code. */
export function refusalText(refused: Refused): string {
  const problem: Problem = refused.problem;
  const fields = (problem.errors ?? [])
    .map((e) => e.message)
    .filter((m): m is string => typeof m === 'string' && m !== '');
  const detail = problem.detail || (problem.code ? BY_CODE[problem.code] : undefined) || problem.title;
  const main = detail ?? `政务服务平台拒绝了请求（HTTP ${refused.status}）。`;
  return fields.length > 0 ? `${main}${fields.join('；')}` : main;
}

export function unreachableText(_unreachable: Unreachable): string {
  return '暂时无法连接政务服务平台，请稍后再试。';
}
