import { NotFoundError, PreconditionError } from '@govhall/errors';
import { evaluateFormula, formNumbers, parseFormula } from '@govhall/money';
import type { AssessableLine } from '../../domain/notices/assessment';
import type { CaseView, Cases, FeeItemRepository, ItemFees } from '../ports';

export interface CaseFees {
  view: CaseView;
  lines: AssessableLine[];
}

export const caseNotFound = (): NotFoundError => new NotFoundError('CASE_NOT_FOUND', '找不到该办件');

/** A formula's amount on the case's form data, or why it cannot be computed. */
function formulaAmount(formula: string, values: Record<string, string>): { fen?: number; problem?: string } {
  const parsed = parseFormula(formula);
  if (!parsed.ok) return { problem: parsed.violations.map((v) => v.message).join('；') };
  try {
    return { fen: evaluateFormula(parsed.formula, values) };
  } catch (e) {
    return { problem: e instanceof Error ? e.message : '无法计算' };
  }
}

/**
 * The case's fee lines, as the register gives them: the approved item's lines name register codes (P11); the
 * register holds the standard, the formula, the owner and the revenue codes (三不变, P10). A line whose code is not
 * in the register (or retired) stops the assessment: the register must be put right first.
 */
export async function caseFees(
  deps: { cases: Cases; items: ItemFees; feeItems: FeeItemRepository },
  tenant: string,
  caseId: string,
): Promise<CaseFees> {
  const view = caseId ? await deps.cases.get(tenant, caseId) : null;
  if (!view) throw caseNotFound();
  if (!view.approved) throw new PreconditionError('CASE_NOT_APPROVED', '办件尚未作出准予许可的决定，不能核定收费');
  const itemLines = await deps.items.linesOf(view.itemId);
  if (!itemLines || itemLines.length === 0) throw new PreconditionError('NO_FEES', '该事项不收费');
  const uncoded = itemLines.filter((l) => !l.feeCode);
  if (uncoded.length > 0) {
    throw new PreconditionError(
      'FEE_NOT_REGISTERED',
      `事项的收费项目「${uncoded.map((l) => l.name).join('、')}」未关联收费项目库编码，请中心管理员先完善`,
    );
  }
  const register = await deps.feeItems.byCodes(
    tenant,
    itemLines.map((l) => l.feeCode),
  );
  const missing = itemLines.filter((l) => !register.some((r) => r.code === l.feeCode && r.active));
  if (missing.length > 0) {
    throw new PreconditionError(
      'FEE_NOT_REGISTERED',
      `收费项目库中没有在用的「${missing.map((l) => `${l.name}（${l.feeCode}）`).join('、')}」，请中心管理员先完善`,
    );
  }
  const values = formNumbers(view.formData);
  const lines = itemLines.map((l): AssessableLine => {
    const r = register.find((x) => x.code === l.feeCode)!;
    const amount = r.formula ? formulaAmount(r.formula, values) : {};
    return {
      feeCode: r.code,
      name: r.name,
      category: r.category,
      department: r.department,
      collectingUnitCode: r.collectingUnitCode,
      revenueCode: r.revenueCode,
      legalBasis: r.legalBasis,
      standardFen: r.standardFen,
      unit: r.unit,
      formula: r.formula,
      ...(amount.fen !== undefined ? { formulaFen: amount.fen } : {}),
      ...(amount.problem ? { formulaProblem: amount.problem } : {}),
      reductionsNote: l.reductions,
    };
  });
  return { view, lines };
}
