import { MAX_FEN } from '../fen';
import * as q from '../rational';
import type { Rational } from '../rational';
import { parseFormula } from './parse';
import { DEFAULT_MAX_FORMULA_FEN, type Formula, FormulaError, type FormulaNode, VALUE_LIMITS } from './types';

export interface EvaluateOptions {
  /** The largest acceptable result in fen (default DEFAULT_MAX_FORMULA_FEN, 10^12 fen = 100 亿元). */
  maxFen?: number;
}

type Value = Rational | boolean | string;

/**
 * Evaluates a formula (parsed, or its text) on form values: dotted path → decimal text (numbers, e.g. from
 * formNumbers) or plain text (choice fields). The result is in yuan, computed exactly on bigint rationals, then
 * rounded once to fen, half up (四舍五入), and returned in fen. Only the branches taken are evaluated (&&, ||, ? :),
 * so a field read only by a branch not taken may be missing.
 *
 * Throws FormulaError: UNKNOWN_FIELD (a field read has no value), INVALID_VALUE (a number field whose value is not
 * a decimal within 18 integer and 12 fraction digits, a flag that is not true/false), DIVISION_BY_ZERO,
 * AMOUNT_OUT_OF_RANGE (negative, or above maxFen); with a formula text that does not parse, the first violation's
 * reason.
 */
export function evaluateFormula(
  formula: Formula | string,
  values: Readonly<Record<string, string>>,
  options: EvaluateOptions = {},
): number {
  const maxFen = options.maxFen ?? DEFAULT_MAX_FORMULA_FEN;
  if (!Number.isSafeInteger(maxFen) || maxFen < 0 || maxFen > MAX_FEN) {
    throw new RangeError('maxFen must be a safe integer ≥ 0');
  }
  let parsed: Formula;
  if (typeof formula === 'string') {
    const result = parseFormula(formula);
    if (!result.ok) throw new FormulaError(result.violations[0]!.reason, result.violations[0]!.message);
    parsed = result.formula;
  } else parsed = formula;

  const yuan = evaluate(parsed.root, parsed, values);
  if (typeof yuan !== 'object') throw new FormulaError('AMOUNT_OUT_OF_RANGE', '收费公式的结果不是金额');
  if (yuan.n < 0n) throw new FormulaError('AMOUNT_OUT_OF_RANGE', '收费公式算出的金额为负数');
  const fen = q.yuanToFenHalfUp(yuan);
  if (fen > BigInt(maxFen)) {
    throw new FormulaError('AMOUNT_OUT_OF_RANGE', `收费公式算出的金额超出上限（${maxFen}分）`);
  }
  return Number(fen);
}

function read(formula: Formula, values: Readonly<Record<string, string>>, path: string): Value {
  if (!Object.hasOwn(values, path)) throw new FormulaError('UNKNOWN_FIELD', `表单中没有字段 ${path} 的值`, path);
  const raw = values[path];
  if (typeof raw !== 'string') throw new FormulaError('INVALID_VALUE', `字段 ${path} 的值不是文本`, path);
  switch (formula.fieldKinds[path]) {
    case 'text':
      return raw;
    case 'flag':
      if (raw === 'true' || raw === 'false') return raw === 'true';
      throw new FormulaError('INVALID_VALUE', `字段 ${path} 的值应为 true 或 false`, path);
    default: {
      const value = q.parseDecimal(raw, { ...VALUE_LIMITS, signAndExponent: true });
      if (value) return value;
      throw new FormulaError(
        'INVALID_VALUE',
        `字段 ${path} 的值不是数字，或超出范围（整数最多${VALUE_LIMITS.integerDigits}位、小数最多${VALUE_LIMITS.fractionDigits}位）`,
        path,
      );
    }
  }
}

// parseFormula has checked the types: the casts below restate them.
function evaluate(n: FormulaNode, formula: Formula, values: Readonly<Record<string, string>>): Value {
  const num = (c: FormulaNode) => evaluate(c, formula, values) as Rational;
  const bool = (c: FormulaNode) => evaluate(c, formula, values) as boolean;
  switch (n.kind) {
    case 'number':
    case 'text':
    case 'flag':
      return n.value;
    case 'field':
      return read(formula, values, n.path);
    case 'negate':
      return q.neg(num(n.argument));
    case 'arithmetic': {
      const left = num(n.left);
      const right = num(n.right);
      switch (n.operator) {
        case '+':
          return q.add(left, right);
        case '-':
          return q.sub(left, right);
        case '*':
          return q.mul(left, right);
        case '/':
          if (q.isZero(right)) throw new FormulaError('DIVISION_BY_ZERO', '收费公式中出现除以零');
          return q.div(left, right);
      }
      break;
    }
    case 'comparison': {
      const c = q.compare(num(n.left), num(n.right));
      return { '<': c < 0, '<=': c <= 0, '>': c > 0, '>=': c >= 0 }[n.operator];
    }
    case 'equality': {
      const left = evaluate(n.left, formula, values);
      const right = evaluate(n.right, formula, values);
      const same = typeof left === 'object' ? q.compare(left, right as Rational) === 0 : left === right;
      return n.operator === '==' ? same : !same;
    }
    case 'logical':
      return n.operator === '&&' ? bool(n.left) && bool(n.right) : bool(n.left) || bool(n.right);
    case 'conditional':
      return bool(n.test) ? evaluate(n.consequent, formula, values) : evaluate(n.alternate, formula, values);
    case 'call': {
      const [first, ...rest] = n.args.map(num);
      return rest.reduce((best, v) => (q.compare(v, best) < 0 === (n.name === 'min') ? v : best), first!);
    }
  }
  throw new Error(`unreachable formula node ${(n as { kind: string }).kind}`);
}
