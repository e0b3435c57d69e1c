import { createHash } from 'node:crypto';
import type { Principal } from '@govhall/auth';
import { ConflictError, retryOnConflict, ValidationError, type Violation } from '@govhall/errors';
import { matchStatement, type RegisterCodes } from '../../domain/reconciliation/matching';
import type { Mismatch } from '../../domain/reconciliation/mismatch';
import { MAX_STATEMENT_BYTES, parseStatement } from '../../domain/reconciliation/statement-file';
import { textField } from '../../domain/text-field';
import type { Clock, FeeItemRepository, NoticeRepository } from '../ports';
import { requireReconciler } from '../reconciliation/reconciliation.access';
import type {
  MismatchRepository,
  ReconciliationLookups,
  Statement,
  StatementRepository,
} from '../reconciliation/reconciliation.ports';

export interface ImportStatementDeps {
  statements: StatementRepository;
  mismatches: MismatchRepository;
  notices: NoticeRepository;
  lookups: ReconciliationLookups;
  feeItems: FeeItemRepository;
  clock: Clock;
}

export interface ImportedStatement {
  statement: Statement;
  created: boolean;
  mismatches: Mismatch[];
}

async function registerCodes(feeItems: FeeItemRepository, tenant: string): Promise<RegisterCodes> {
  const items = await feeItems.list(tenant, true);
  return {
    collectingUnitCodes: new Map(items.map((i) => [i.collectingUnitCode, i.department])),
    revenueCodes: new Map(items.map((i) => [i.revenueCode, i.department])),
  };
}

/** The China day of `date` (yyyy-mm-dd) as [from, to). */
const chinaDay = (date: string): [Date, Date] => {
  const from = new Date(`${date}T00:00:00+08:00`);
  return [from, new Date(from.getTime() + 24 * 3600 * 1000)];
};

/**
 * The finance reconciler imports the bank's statement (对账单): decoded, parsed and matched to the notices. Notices on
 * it without the bank's callback become paid (source reconciliation, NoticePaid: the case goes on as after a
 * callback); the mismatches are stored (MismatchFound), then the statement (StatementImported). The same file again
 * answers the stored statement and changes nothing; a bad file is refused with its lines and reasons, nothing stored.
 * A crash half-way is mended by importing the file again: each step finds what the previous attempt wrote.
 */
export function importStatementUseCase(deps: ImportStatementDeps) {
  return async (
    request: { tenant: string; fileName: string; content: Uint8Array },
    actor: Principal,
  ): Promise<ImportedStatement> => {
    const tenant = request.tenant || actor.tenant;
    requireReconciler(actor, tenant);
    const v: Violation[] = [];
    const fileName = textField(v, 'fileName', request.fileName || '对账单.csv', { label: '文件名', min: 1, max: 64 });
    if (request.content.length > MAX_STATEMENT_BYTES) {
      v.push({ path: 'content', reason: 'TOO_LARGE', message: '对账单文件不能超过 5 MiB' });
    }
    if (v.length > 0) throw new ValidationError(v);
    const id = createHash('sha256').update(request.content).digest('hex');
    const stored = await deps.statements.findById(id);
    if (stored) return answerStored(deps, stored, tenant);
    const parsed = parseStatement(request.content);

    const { result, now } = await retryOnConflict(async () => {
      const codes = [...new Set(parsed.lines.filter((l) => l.type === 'payment').map((l) => l.paymentCode))];
      const [from, to] = chinaDay(parsed.settlementDate);
      const [byCode, register, paidThatDay, slipsDue] = await Promise.all([
        deps.lookups.byPaymentCodes(codes),
        registerCodes(deps.feeItems, tenant),
        deps.lookups.paidBetween(tenant, from, to),
        deps.lookups.slipsDueBy(tenant, parsed.settlementDate),
      ]);
      const at = deps.clock.now();
      const matched = matchStatement({
        tenant,
        statementId: id,
        settlementDate: parsed.settlementDate,
        lines: parsed.lines,
        noticesByCode: new Map(byCode.map((n) => [n.paymentCode ?? '', n])),
        register,
        paidThatDay,
        slipsDue,
        now: at,
      });
      // A callback racing this import makes a save stale: the whole matching runs again on fresh notices.
      for (const { change, expectedVersion } of matched.paid) {
        await deps.notices.save(change.notice, expectedVersion, change.events, actor);
      }
      return { result: matched, now: at };
    });

    const statement: Statement = {
      id,
      tenant,
      settlementDate: parsed.settlementDate,
      fileName,
      encoding: parsed.encoding,
      lineCount: parsed.lines.length,
      paidTotalFen: parsed.lines.filter((l) => l.type === 'payment').reduce((s, l) => s + l.amountFen, 0),
      refundTotalFen: parsed.lines.filter((l) => l.type === 'refund').reduce((s, l) => s + l.amountFen, 0),
      matchedCount: result.matchedCount,
      mismatchCount: result.mismatches.length,
      importedBy: actor.username,
      importedAt: now,
    };
    await deps.mismatches.insertNew(result.mismatches, actor);
    if (!(await deps.statements.insert(statement, actor))) {
      // Another import of the same file won the race: its statement stands.
      return answerStored(deps, (await deps.statements.findById(id))!, tenant);
    }
    return { statement, created: true, mismatches: result.mismatches };
  };
}

async function answerStored(deps: ImportStatementDeps, stored: Statement, tenant: string): Promise<ImportedStatement> {
  if (stored.tenant !== tenant) {
    throw new ConflictError('STATEMENT_EXISTS', '该对账单文件已由其他地区导入');
  }
  const page = await deps.mismatches.list(tenant, { statementId: stored.id }, { pageSize: 100, pageToken: '' });
  return { statement: stored, created: false, mismatches: page.items };
}
