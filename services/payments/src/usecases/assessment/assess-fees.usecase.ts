import type { Principal } from '@govhall/auth';
import { ConcurrencyError, ForbiddenError, retryOnConflict } from '@govhall/errors';
import { chinaDate } from '@govhall/identifiers';
import { capitals } from '@govhall/money';
import { documentNumber } from '@govhall/pdf';
import {
  assessed,
  assessLines,
  issue,
  openNotice,
  recordPart,
  waive,
  type AssessedLineInput,
} from '../../domain/notices/assessment';
import type { Notice, NoticeChange } from '../../domain/notices/notice';
import { paymentCodeFrom } from '../../domain/notices/payment-code';
import { requireDepartmentStaff } from '../access/payments.access';
import type {
  Cases,
  Clock,
  CollectionSettings,
  FeeItemRepository,
  IdGenerator,
  ItemFees,
  NoticeNumbers,
  NoticeRepository,
  PaymentCodeSource,
} from '../ports';
import { caseFees } from './assessable-lines';

export interface AssessFeesDeps {
  cases: Cases;
  items: ItemFees;
  feeItems: FeeItemRepository;
  notices: NoticeRepository;
  numbers: NoticeNumbers;
  codes: PaymentCodeSource;
  settings: CollectionSettings;
  clock: Clock;
  ids: IdGenerator;
}

/** The last day to pay: `days` natural days after the day of issue (China time). */
export function deadlineAfter(at: Date, days: number): string {
  const day = new Date(`${chinaDate(at)}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

/** Every part in: issued with a number, a payment code and a deadline, or waived at 0 fen. */
async function conclude(deps: AssessFeesDeps, notice: Notice, now: Date): Promise<NoticeChange> {
  if (notice.totalFen === 0) return waive(notice, capitals(0), now);
  const settings = deps.settings.of(notice.tenant);
  const year = Number(chinaDate(now).slice(0, 4));
  const sequence = await deps.numbers.next(notice.tenant, year);
  return issue(
    notice,
    {
      number: documentNumber(settings.body, '缴', year, sequence),
      paymentCode: paymentCodeFrom(deps.codes.newBody()),
      deadline: deadlineAfter(now, settings.deadlineDays),
      capitals: capitals(notice.totalFen),
    },
    now,
  );
}

/**
 * P2, P8: a department assesses its lines of an approved case. The notice collects every owning department's part;
 * when the last is in, it is issued (or waived at 0 fen) and the cases service holds the case for payment.
 */
export function assessFeesUseCase(deps: AssessFeesDeps) {
  return async (
    request: { caseId: string; requestId: string; lines: AssessedLineInput[] },
    actor: Principal,
  ): Promise<Notice> => {
    const department = requireDepartmentStaff(actor, actor.tenant);
    const { view, lines } = await caseFees(deps, actor.tenant, request.caseId);
    if (!lines.some((l) => l.department === department)) {
      throw new ForbiddenError('DEPARTMENT_OUT_OF_SCOPE', '本事项没有由本部门执收的收费项目');
    }
    const known = await deps.notices.findByCase(view.tenant, view.caseId);
    const retried = known?.parts.find((p) => p.department === department);
    if (known && request.requestId && retried?.requestId === request.requestId) return known;
    const assessedLines = assessLines(lines, department, request.lines);
    return retryOnConflict(async () => {
      const now = deps.clock.now();
      const current = await deps.notices.findByCase(view.tenant, view.caseId);
      const base =
        current ??
        openNotice(
          {
            tenant: view.tenant,
            caseId: view.caseId,
            caseNumber: view.caseNumber,
            itemName: view.itemName,
            applicantSubject: view.applicantSubject,
            payerName: view.payerName,
          },
          (({ body, code }) => ({ body, code }))(deps.settings.of(view.tenant)),
          lines.map((l) => l.department),
          deps.ids.newId(),
          now,
        );
      const part = recordPart(base, department, assessedLines, actor.username, request.requestId, now);
      const change = part.complete ? await conclude(deps, part.notice, now) : assessed(part.notice, department);
      if (current) return deps.notices.save(change.notice, current.version, change.events, actor);
      const inserted = await deps.notices.insert({ ...change.notice, version: 1 }, change.events, actor);
      // Another department's first part won the race: record this one on it.
      if (!inserted.created) throw new ConcurrencyError();
      return inserted.notice;
    });
  };
}
