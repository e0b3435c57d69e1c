import { chinaDate, maskName } from '@govhall/identifiers';
import { sumFen } from '@govhall/money';
import { PAYABLE, type Notice } from '../../domain/notices/notice';
import { readQuery, requireFresh, unknownPaymentCode } from '../../domain/bank/bank-message';
import type { NoticeRepository } from '../ports';
import { claimNonce, recorded, verifiedPayload, type BankDeps } from './bank-messages';

export interface PaymentCodeInfo {
  paymentCode: string;
  noticeNumber: string;
  payerName: string;
  collectingBody: string;
  totalFen: number;
  totalCapitals: string;
  deadline: string;
  payable: boolean;
  lines: RevenueLine[];
}

export interface RevenueLine {
  collectingUnitCode: string;
  revenueCode: string;
  amountFen: number;
}

/** The notice's lines by collecting unit and revenue code, in the order first met; lines of 0 fen left out. */
export function revenueLines(notice: Notice): RevenueLine[] {
  const byCode = new Map<string, { line: RevenueLine; amounts: number[] }>();
  for (const l of notice.lines.filter((x) => x.amountFen > 0)) {
    const key = `${l.collectingUnitCode}|${l.revenueCode}`;
    const group = byCode.get(key) ?? {
      line: { collectingUnitCode: l.collectingUnitCode, revenueCode: l.revenueCode, amountFen: 0 },
      amounts: [],
    };
    group.amounts.push(l.amountFen);
    byCode.set(key, group);
  }
  return [...byCode.values()].map((g) => ({ ...g.line, amountFen: sumFen(...g.amounts) }));
}

/** The bank asks what a payment code is for, before it takes the money (signed like a callback). */
export function queryPaymentCodeUseCase(deps: BankDeps & { notices: NoticeRepository }) {
  return async (request: { channel: string; jws: string }): Promise<PaymentCodeInfo> =>
    recorded(deps, { channel: request.channel, type: 'PAYMENT_CODE_QUERY' }, async (note) => {
      const query = readQuery(await verifiedPayload(deps, request.channel, request.jws));
      note.paymentCode = query.paymentCode;
      const now = deps.clock.now();
      requireFresh(query.iat, now);
      await claimNonce(deps, request.channel, query.nonce, now);
      const notice = await deps.notices.findByPaymentCode(query.paymentCode);
      if (!notice?.number) throw unknownPaymentCode();
      note.noticeId = notice.id;
      return {
        outcome: 'answered',
        result: {
          paymentCode: query.paymentCode,
          noticeNumber: notice.number,
          payerName: maskName(notice.payerName),
          collectingBody: notice.collectingBody,
          totalFen: notice.totalFen,
          totalCapitals: notice.totalCapitals ?? '',
          deadline: notice.deadline ?? '',
          // Past its deadline a notice is not taken any more (a payment already taken is still accepted).
          payable: PAYABLE.includes(notice.state) && (notice.deadline ?? '') >= chinaDate(now),
          lines: revenueLines(notice),
        },
      };
    });
}
