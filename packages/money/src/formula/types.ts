import type { Rational } from '../rational';

/** Why a formula is refused when parsed (see parseFormula). */
export type FormulaSyntaxReason =
  'EMPTY' | 'TOO_LONG' | 'SYNTAX_ERROR' | 'TOO_DEEP' | 'NOT_ALLOWED' | 'INVALID_NUMBER' | 'TYPE_MISMATCH';

/** Why an evaluation fails (see evaluateFormula). */
export type FormulaEvaluationReason = 'UNKNOWN_FIELD' | 'INVALID_VALUE' | 'DIVISION_BY_ZERO' | 'AMOUNT_OUT_OF_RANGE';

export type FormulaReason = FormulaSyntaxReason | FormulaEvaluationReason;

export interface FormulaViolation {
  reason: FormulaSyntaxReason;
  /** For the fee's author (Simplified Chinese). */
  message: string;
}

/** How a field is read: a decimal number, a text compared with a string, or a flag compared with true/false. */
export type FieldKind = 'number' | 'text' | 'flag';

export type ArithmeticOperator = '+' | '-' | '*' | '/';
export type ComparisonOperator = '<' | '<=' | '>' | '>=';
export type EqualityOperator = '==' | '!=';
export type LogicalOperator = '&&' | '||';

/** The checked tree of a formula: only these nodes exist, whatever jsep can parse. */
export type FormulaNode =
  | { kind: 'number'; value: Rational }
  | { kind: 'text'; value: string }
  | { kind: 'flag'; value: boolean }
  | { kind: 'field'; path: string }
  | { kind: 'negate'; argument: FormulaNode }
  | { kind: 'arithmetic'; operator: ArithmeticOperator; left: FormulaNode; right: FormulaNode }
  | { kind: 'comparison'; operator: ComparisonOperator; left: FormulaNode; right: FormulaNode }
  | { kind: 'equality'; operator: EqualityOperator; left: FormulaNode; right: FormulaNode }
  | { kind: 'logical'; operator: LogicalOperator; left: FormulaNode; right: FormulaNode }
  | { kind: 'conditional'; test: FormulaNode; consequent: FormulaNode; alternate: FormulaNode }
  | { kind: 'call'; name: 'min' | 'max'; args: FormulaNode[] };

/** A parsed, checked formula: an amount in yuan computed from form fields. */
export interface Formula {
  readonly text: string;
  readonly root: FormulaNode;
  /** How each field the formula reads is used, by dotted path. */
  readonly fieldKinds: Readonly<Record<string, FieldKind>>;
}

export type ParseFormulaResult =
  { ok: true; formula: Formula; fields: string[] } | { ok: false; violations: FormulaViolation[] };

/** A formula could not be evaluated on the given values. `message` is Simplified Chinese. */
export class FormulaError extends Error {
  constructor(
    readonly reason: FormulaReason,
    message: string,
    /** The dotted path of the field concerned, when there is one. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'FormulaError';
  }
}

/** Limits on formulas (the catalogue's FeeLine.formula is at most 500 characters). */
export const FORMULA_LIMITS = {
  maxLength: 500,
  maxDepth: 32,
  /** Number literals in a formula: at most this many digits before and after the decimal point. */
  integerDigits: 15,
  fractionDigits: 6,
} as const;

/** Form values read by a formula: at most this many digits before and after the decimal point. */
export const VALUE_LIMITS = { integerDigits: 18, fractionDigits: 12 } as const;

/** The default cap of a formula's result: 10^12 fen (100 亿元). */
export const DEFAULT_MAX_FORMULA_FEN = 1_000_000_000_000;
