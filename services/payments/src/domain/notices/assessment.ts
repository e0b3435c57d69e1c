import { ValidationError, PreconditionError, type Violation } from '@govhall/errors';
import { multiplyFen, sumFen } from '@govhall/money';
import type { FeeCategory } from '../fee-items/fee-item';
import { textField } from '../text-field';
import type { Notice, NoticeChange, NoticeLine, Reduction } from './notice';

/** One fee line of the case's item as the register gives it, with a formula's amount on the case's form data. */
export interface AssessableLine {
  feeCode: string;
  name: string;
  category: FeeCategory;
  department: string;
  collectingUnitCode: string;
  revenueCode: string;
  legalBasis: string;
  standardFen: number;
  unit: string;
  formula: string;
  /** For a formula line: its amount in fen, or why it cannot be computed. */
  formulaFen?: number;
  formulaProblem?: string;
  /** The item line's 减免 note from the catalogue. */
  reductionsNote: string;
}

export interface AssessedLineInput {
  feeCode: string;
  quantity: number;
  reductions: Reduction[];
}

export const MAX_QUANTITY = 10_000;
const MAX_REDUCTIONS = 5;

function reductionsOf(v: Violation[], path: string, input: Reduction[], grossFen: number): Reduction[] {
  if (input.length > MAX_REDUCTIONS) {
    v.push({ path, reason: 'TOO_MANY', message: `每个收费项目最多${MAX_REDUCTIONS}项减免` });
    return [];
  }
  const kept = input.map((r, j) => {
    const at = `${path}.${j}`;
    const legalBasis = textField(v, `${at}.legalBasis`, r.legalBasis, {
      label: '减免依据',
      min: 1,
      max: 500,
      multiline: true,
    });
    if (r.kind === 'exempt') return { kind: 'exempt' as const, amountFen: grossFen, legalBasis };
    if (r.kind !== 'reduce') {
      v.push({ path: `${at}.kind`, reason: 'REQUIRED', message: '请选择减收或免收' });
    } else if (!Number.isSafeInteger(r.amountFen) || r.amountFen < 1 || r.amountFen > grossFen) {
      v.push({ path: `${at}.amountFen`, reason: 'RANGE', message: '减收金额应为 0.01 元至该项应收金额' });
    }
    return { kind: r.kind, amountFen: r.amountFen, legalBasis };
  });
  if (v.length === 0 && sumFen(...kept.map((r) => r.amountFen)) > grossFen) {
    v.push({ path, reason: 'EXCEEDS_LINE', message: '减免合计不能超过该项应收金额' });
  }
  return kept;
}

/**
 * The department's lines as assessed: every line of the item it owns exactly once (fixed lines: standard ×
 * quantity; formula lines: the formula's amount), reductions with their basis. Throws the violations.
 */
export function assessLines(
  lines: readonly AssessableLine[],
  department: string,
  input: readonly AssessedLineInput[],
): NoticeLine[] {
  const v: Violation[] = [];
  const mine = lines.filter((l) => l.department === department);
  const seen = new Set<string>();
  const assessed: NoticeLine[] = [];
  input.forEach((given, i) => {
    const path = `lines.${i}`;
    const line = mine.find((l) => l.feeCode === given.feeCode.trim().toUpperCase());
    if (!line) {
      v.push({
        path: `${path}.feeCode`,
        reason: 'NOT_A_LINE_OF_YOURS',
        message: '该收费项目不是本事项中由本部门执收的项目',
      });
      return;
    }
    if (seen.has(line.feeCode)) {
      v.push({ path: `${path}.feeCode`, reason: 'DUPLICATE', message: '同一收费项目只能核定一次' });
      return;
    }
    seen.add(line.feeCode);
    let quantity = 1;
    let grossFen: number;
    if (line.formula) {
      if (line.formulaFen === undefined) {
        v.push({
          path: `${path}.feeCode`,
          reason: 'FORMULA_FAILED',
          message: `「${line.name}」无法按公式计算：${line.formulaProblem ?? '办件表单缺少所需数据'}`,
        });
        return;
      }
      grossFen = line.formulaFen;
    } else {
      quantity = given.quantity;
      if (!Number.isSafeInteger(quantity) || quantity < 0 || quantity > MAX_QUANTITY) {
        v.push({
          path: `${path}.quantity`,
          reason: 'RANGE',
          message: `数量应为 0 至 ${MAX_QUANTITY}（0 表示本件不收）`,
        });
        return;
      }
      // 0: not charged in this case (the other of two alternative standards, no extra certificate).
      if (quantity === 0) return;
      grossFen = multiplyFen(line.standardFen, quantity);
    }
    const reductions = reductionsOf(v, `${path}.reductions`, given.reductions, grossFen);
    const off = reductions.some((r) => r.kind === 'exempt') ? grossFen : sumFen(...reductions.map((r) => r.amountFen));
    assessed.push({
      feeCode: line.feeCode,
      name: line.name,
      category: line.category,
      department: line.department,
      collectingUnitCode: line.collectingUnitCode,
      revenueCode: line.revenueCode,
      legalBasis: line.legalBasis,
      quantity,
      standardFen: line.formula ? 0 : line.standardFen,
      unit: line.unit,
      formula: line.formula,
      grossFen,
      reductions,
      amountFen: Math.max(0, grossFen - off),
    });
  });
  mine
    .filter((l) => !seen.has(l.feeCode) && !input.some((g) => g.feeCode.trim().toUpperCase() === l.feeCode))
    .forEach((l) =>
      v.push({ path: 'lines', reason: 'MISSING_LINE', message: `请核定本部门执收的「${l.name}」（${l.feeCode}）` }),
    );
  if (v.length > 0) throw new ValidationError(v);
  return assessed;
}

export interface CaseFacts {
  tenant: string;
  caseId: string;
  caseNumber: string;
  itemName: string;
  applicantSubject: string;
  payerName: string;
}

/** A new notice of the case, ASSESSING, with a part per owning department of its lines. */
export function openNotice(
  facts: CaseFacts,
  collecting: { body: string; code: string },
  departments: readonly string[],
  id: string,
  now: Date,
): Notice {
  return {
    id,
    ...facts,
    state: 'assessing',
    collectingBody: collecting.body,
    collectingBodyCode: collecting.code,
    lines: [],
    parts: [...new Set(departments)].sort().map((department) => ({ department })),
    totalFen: 0,
    markPaidAttempts: 0,
    refunds: [],
    version: 0,
    createdAt: now,
    updatedAt: now,
  };
}

/** Records the department's part. Answers the notice still ASSESSING, or complete (every part assessed). */
export function recordPart(
  notice: Notice,
  department: string,
  lines: NoticeLine[],
  by: string,
  requestId: string,
  now: Date,
): { notice: Notice; complete: boolean } {
  const part = notice.parts.find((p) => p.department === department);
  if (!part) throw new PreconditionError('NOT_A_LINE_OF_YOURS', '本事项没有由本部门执收的收费项目');
  if (notice.state !== 'assessing' || part.assessedBy) {
    throw new PreconditionError('WRONG_STATE', '本部门已核定本件收费，不能重复核定');
  }
  const all = [...notice.lines, ...lines];
  const next: Notice = {
    ...notice,
    lines: all,
    parts: notice.parts.map((p) =>
      p.department === department ? { department, assessedBy: by, assessedAt: now, requestId } : p,
    ),
    totalFen: sumFen(...all.map((l) => l.amountFen)),
    updatedAt: now,
  };
  return { notice: next, complete: next.parts.every((p) => p.assessedBy) };
}

/** The part recorded, not yet complete. */
export function assessed(notice: Notice, department: string): NoticeChange {
  return { notice, events: [{ type: 'NoticeAssessed', notice, department }] };
}

/** Every part in and something to pay: the notice is issued with its number, payment code and deadline. */
export function issue(
  notice: Notice,
  issued: { number: string; paymentCode: string; deadline: string; capitals: string },
  now: Date,
): NoticeChange {
  const next: Notice = {
    ...notice,
    state: 'issued',
    number: issued.number,
    paymentCode: issued.paymentCode,
    deadline: issued.deadline,
    totalCapitals: issued.capitals,
    issuedAt: now,
    updatedAt: now,
  };
  return { notice: next, events: [{ type: 'NoticeIssued', notice: next }] };
}

/** Every part in at 0 fen: nothing to pay. */
export function waive(notice: Notice, capitals: string, now: Date): NoticeChange {
  const next: Notice = { ...notice, state: 'waived', totalCapitals: capitals, updatedAt: now };
  return { notice: next, events: [{ type: 'NoticeWaived', notice: next }] };
}
