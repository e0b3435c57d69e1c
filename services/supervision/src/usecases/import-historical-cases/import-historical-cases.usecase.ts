import type { Principal } from '@govhall/auth';
import { chinaToday } from '@govhall/calendar';
import type { Clock } from '@govhall/clock';
import { ValidationError } from '@govhall/errors';
import { computeMatterClock } from '../../domain/clocks/compute-matter-clock';
import {
  checkHistoricalRow,
  importedCaseMatter,
  importedMatterId,
  type RowProblem,
} from '../../domain/imports/historical-case-row';
import type { CalendarStore, MatterStore } from '../clocks.ports';
import { tenantCalendar } from '../clocks.shared';
import { listedTenant, requireHandler } from '../violations/violation.access';

export const MAX_IMPORT_LINES = 2000;
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

export interface ImportReport {
  imported: number;
  alreadyImported: number;
  rejected: RowProblem[];
}

/**
 * S31: historical cases from JSON Lines, validated line by line. A bad line is reported (line, field, why) and
 * nothing of it stored; the others are stored as imported matters with their clock computed once (stopped at
 * 办结, no signal). A case number imported before is left as it is (idempotent).
 */
export function importHistoricalCasesUseCase(deps: {
  matters: Pick<MatterStore, 'get' | 'save'>;
  calendars: CalendarStore;
  clock: Clock;
}) {
  return async (
    input: { tenant: string; content: string; firstLine: number },
    actor: Principal,
  ): Promise<ImportReport> => {
    const tenant = listedTenant(actor, input.tenant);
    requireHandler(actor, tenant, ['supervisor', 'center_admin']);
    const lines = input.content.split('\n');
    if (!input.content.trim()) {
      throw new ValidationError([
        { path: 'content', reason: 'REQUIRED', message: '请提供要导入的历史办件（JSON Lines）' },
      ]);
    }
    if (Buffer.byteLength(input.content) > MAX_IMPORT_BYTES || lines.length > MAX_IMPORT_LINES) {
      throw new ValidationError([
        { path: 'content', reason: 'TOO_LARGE', message: `每次最多导入${MAX_IMPORT_LINES}行、2 MiB，请分批导入` },
      ]);
    }
    if (!Number.isInteger(input.firstLine) || input.firstLine < 0) {
      throw new ValidationError([{ path: 'firstLine', reason: 'RANGE', message: '起始行号应为非负整数' }]);
    }
    const now = deps.clock.now();
    const today = chinaToday(now);
    const calendar = await tenantCalendar(deps, tenant);
    const report: ImportReport = { imported: 0, alreadyImported: 0, rejected: [] };
    const seen = new Map<string, number>();
    for (const [index, text] of lines.entries()) {
      const line = input.firstLine + index + 1;
      if (!text.trim()) continue;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        report.rejected.push({ line, field: '', message: `第${line}行不是有效的JSON` });
        continue;
      }
      const checked = checkHistoricalRow(value, line, { tenant, today });
      if ('problems' in checked) {
        report.rejected.push(...checked.problems);
        continue;
      }
      const { row } = checked;
      const earlier = seen.get(row.caseNumber);
      if (earlier !== undefined) {
        report.rejected.push({ line, field: 'caseNumber', message: `第${line}行：办件编号与第${earlier}行重复` });
        continue;
      }
      seen.set(row.caseNumber, line);
      if (await deps.matters.get(importedMatterId(tenant, row.caseNumber))) {
        report.alreadyImported += 1;
        continue;
      }
      const matter = importedCaseMatter(tenant, row, now);
      await deps.matters.save({ matter, clock: computeMatterClock(matter, calendar, today) });
      report.imported += 1;
    }
    return report;
  };
}
