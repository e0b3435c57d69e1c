export {
  assertFen,
  fenBigInt,
  formatYuan,
  isFen,
  MAX_FEN,
  MoneyError,
  type MoneyReason,
  multiplyFen,
  parseYuan,
  sumFen,
  yuanText,
} from './fen';
export { capitals, MAX_CAPITALS_FEN } from './capitals';
export { parseFormula } from './formula/parse';
export { evaluateFormula, type EvaluateOptions } from './formula/evaluate';
export { formNumbers } from './formula/form-values';
export {
  DEFAULT_MAX_FORMULA_FEN,
  type FieldKind,
  type Formula,
  FormulaError,
  type FormulaEvaluationReason,
  type FormulaNode,
  type FormulaReason,
  type FormulaSyntaxReason,
  type FormulaViolation,
  FORMULA_LIMITS,
  type ParseFormulaResult,
  VALUE_LIMITS,
} from './formula/types';
