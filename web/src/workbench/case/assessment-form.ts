import { multiplyFen } from '@govhall/money/fen';
import type { AssessBody, AssessmentLine } from '../../api/types';
import { ApiError } from '../../shared/problem';
import { fenOfYuanText } from '../../shared/payments';

/*
 * The 核定收费 form of the workbench: one row per fee line the clerk's department collects, in the order of the
 * assessment's lines, so that the service's `lines.<i>.…` violations land on the row that caused them.
 */

export type ReductionChoice = 'none' | 'reduce' | 'exempt';

export interface AssessRow {
  quantity?: number | null;
  reductionKind?: ReductionChoice;
  reductionYuan?: string;
  reductionBasis?: string;
}

export interface AssessValues {
  lines: AssessRow[];
}

/** The form's field names of row `i` (what showOnForm may put a message under). */
export const rowFields = (i: number): string[] => [
  `lines.${i}.quantity`,
  `lines.${i}.reductionKind`,
  `lines.${i}.reductionYuan`,
  `lines.${i}.reductionBasis`,
];

/** The body of AssessFees, or the messages of the rows whose reduction amount is not an amount in yuan. */
export function assessBody(
  mine: readonly AssessmentLine[],
  values: AssessValues,
  requestId: string,
): { body?: AssessBody; errors?: { name: (string | number)[]; errors: string[] }[] } {
  const errors: { name: (string | number)[]; errors: string[] }[] = [];
  const lines = mine.map((line, i) => {
    const row = values.lines?.[i] ?? {};
    const kind = row.reductionKind ?? 'none';
    const reductions: AssessBody['lines'][number]['reductions'] = [];
    if (kind === 'exempt') reductions.push({ kind: 'exempt', legalBasis: row.reductionBasis?.trim() ?? '' });
    if (kind === 'reduce') {
      const amount = fenOfYuanText(row.reductionYuan);
      if (amount.error) errors.push({ name: ['lines', i, 'reductionYuan'], errors: [amount.error] });
      reductions.push({ kind: 'reduce', amountFen: amount.fen ?? 0, legalBasis: row.reductionBasis?.trim() ?? '' });
    }
    // A formula line's quantity is ignored by the service; a fixed line's is sent as typed (the service checks it).
    const quantity = line.formula ? 1 : (row.quantity ?? Number.NaN);
    return { feeCode: line.feeCode, quantity, reductions };
  });
  if (errors.length > 0) return { errors };
  return { body: { requestId, lines } };
}

/** Moves the service's reduction paths (`lines.0.reductions.0.amountFen`) to the row's own fields. */
export function atRowFields(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  const fields: Record<string, string> = {};
  for (const [path, message] of Object.entries(error.problem.fields)) {
    const name = path
      .replace(/^(lines\.\d+)\.reductions\.\d+\.amountFen$/, '$1.reductionYuan')
      .replace(/^(lines\.\d+)\.reductions\.\d+\.legalBasis$/, '$1.reductionBasis')
      .replace(/^(lines\.\d+)\.reductions\.\d+\.kind$/, '$1.reductionKind')
      .replace(/^(lines\.\d+)\.reductions(\.\d+)?$/, '$1.reductionKind');
    fields[name] = fields[name] ? `${fields[name]}；${message}` : message;
  }
  return new ApiError({ ...error.problem, fields });
}

/**
 * What the row comes to, as the clerk types it (the service computes the real amount): the standard times the
 * quantity, or the formula's amount, less the reduction; undefined while the figures are incomplete.
 */
export function rowFen(line: AssessmentLine, row: AssessRow | undefined): number | undefined {
  let gross: number;
  if (line.formula) {
    gross = line.formulaFen;
  } else {
    const q = row?.quantity;
    if (typeof q !== 'number' || !Number.isSafeInteger(q) || q < 0) return undefined;
    try {
      gross = multiplyFen(line.standardFen, q);
    } catch {
      return undefined;
    }
  }
  const kind = row?.reductionKind ?? 'none';
  if (kind === 'exempt') return 0;
  if (kind === 'reduce') {
    const off = fenOfYuanText(row?.reductionYuan);
    if (off.error || off.fen === undefined) return undefined;
    return Math.max(0, gross - off.fen);
  }
  return gross;
}

/** The department's total, or undefined while a row is incomplete. */
export function totalFen(mine: readonly AssessmentLine[], rows: readonly AssessRow[] | undefined): number | undefined {
  let total = 0;
  for (const [i, line] of mine.entries()) {
    const fen = rowFen(line, rows?.[i]);
    if (fen === undefined) return undefined;
    total += fen;
  }
  return Number.isSafeInteger(total) ? total : undefined;
}
