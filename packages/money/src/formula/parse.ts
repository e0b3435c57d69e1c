import jsep from 'jsep';
import { parseDecimal } from '../rational';
import {
  FORMULA_LIMITS,
  type FieldKind,
  type Formula,
  type FormulaNode,
  type FormulaSyntaxReason,
  type FormulaViolation,
  type ParseFormulaResult,
} from './types';

const ARITHMETIC = new Set(['+', '-', '*', '/']);
const COMPARISON = new Set(['<', '<=', '>', '>=']);
const EQUALITY = new Set(['==', '!=']);
const LOGICAL = new Set(['&&', '||']);
/** Names that must never be looked up, even in the null-prototype value maps the evaluator reads. */
const FORBIDDEN_NAMES = new Set(['__proto__', 'prototype', 'constructor']);

class Violations {
  readonly list: FormulaViolation[] = [];
  add(reason: FormulaSyntaxReason, message: string): undefined {
    if (!this.list.some((v) => v.reason === reason && v.message === message)) this.list.push({ reason, message });
    return undefined;
  }
}

/**
 * Parses and checks a fee formula (an amount in yuan). jsep only parses; the tree is then rebuilt from a whitelist:
 * decimal numbers, field paths (`property.price`), + − × ÷, unary minus, < <= > >= == !=, && ||, `a ? b : c`,
 * min(…)/max(…), strings (and true/false) only as the other side of == / != against a field. Anything else is
 * refused with a reason; nothing is ever executed.
 */
export function parseFormula(text: string): ParseFormulaResult {
  const violations = new Violations();
  if (typeof text !== 'string' || text.trim() === '') {
    return { ok: false, violations: [{ reason: 'EMPTY', message: '收费公式不能为空' }] };
  }
  if (text.length > FORMULA_LIMITS.maxLength) {
    return {
      ok: false,
      violations: [
        { reason: 'TOO_LONG', message: `收费公式最多${FORMULA_LIMITS.maxLength}个字符，当前${text.length}个` },
      ],
    };
  }
  let tree: jsep.Expression;
  try {
    tree = jsep(text);
  } catch (e) {
    const index = (e as { index?: unknown }).index;
    const where = typeof index === 'number' ? `（第${index + 1}个字符附近）` : '';
    return { ok: false, violations: [{ reason: 'SYNTAX_ERROR', message: `收费公式语法错误${where}` }] };
  }
  const root = convert(tree, 1, violations);
  if (!root || violations.list.length > 0) return { ok: false, violations: violations.list };

  const fieldKinds = inferFieldKinds(root, violations);
  const type = typeOf(root, fieldKinds, violations);
  if (type !== undefined && type !== 'number') {
    violations.add('TYPE_MISMATCH', '收费公式的结果必须是金额（数值），不能是条件或文本');
  }
  if (violations.list.length > 0) return { ok: false, violations: violations.list };
  const formula: Formula = { text, root, fieldKinds: Object.freeze(fieldKinds) };
  return { ok: true, formula, fields: Object.keys(fieldKinds).sort() };
}

/** A dotted field path from an Identifier or a chain of non-computed members, or undefined. */
function fieldPath(node: jsep.Expression, violations: Violations): string | undefined {
  if (node.type === 'Identifier') {
    const name = (node as jsep.Identifier).name;
    if (FORBIDDEN_NAMES.has(name)) return violations.add('NOT_ALLOWED', `不允许使用名称 ${name}`);
    return name;
  }
  if (node.type === 'MemberExpression') {
    const member = node as jsep.MemberExpression;
    if (member.computed) {
      return violations.add('NOT_ALLOWED', '不允许用下标（[ ]）取值，字段请写成 property.price 的形式');
    }
    if (member.optional) return violations.add('NOT_ALLOWED', '不允许使用 ?. 取值');
    const object = fieldPath(member.object, violations);
    const property = member.property.type === 'Identifier' ? (member.property as jsep.Identifier).name : undefined;
    if (property === undefined) return violations.add('NOT_ALLOWED', '字段路径只能由名称和点组成');
    if (FORBIDDEN_NAMES.has(property)) return violations.add('NOT_ALLOWED', `不允许使用名称 ${property}`);
    return object === undefined ? undefined : `${object}.${property}`;
  }
  if (node.type === 'ThisExpression') return violations.add('NOT_ALLOWED', '不允许使用 this');
  return violations.add('NOT_ALLOWED', '字段路径只能由名称和点组成');
}

function convert(node: jsep.Expression, depth: number, violations: Violations): FormulaNode | undefined {
  if (depth > FORMULA_LIMITS.maxDepth) {
    return violations.add('TOO_DEEP', `收费公式嵌套过深（最多${FORMULA_LIMITS.maxDepth}层）`);
  }
  const child = (n: jsep.Expression) => convert(n, depth + 1, violations);
  switch (node.type) {
    case 'Literal': {
      const literal = node as jsep.Literal;
      if (typeof literal.value === 'string') return { kind: 'text', value: literal.value };
      if (typeof literal.value === 'boolean') return { kind: 'flag', value: literal.value };
      if (typeof literal.value === 'number') {
        const value = parseDecimal(literal.raw, { ...FORMULA_LIMITS, signAndExponent: false });
        if (value) return { kind: 'number', value };
        return violations.add(
          'INVALID_NUMBER',
          `数字 ${literal.raw} 不符合要求：只能写成 123 或 0.015 的形式，整数部分最多${FORMULA_LIMITS.integerDigits}位、` +
            `小数最多${FORMULA_LIMITS.fractionDigits}位，不能用科学计数法`,
        );
      }
      return violations.add('NOT_ALLOWED', `不允许使用 ${literal.raw}`);
    }
    case 'Identifier':
    case 'MemberExpression':
    case 'ThisExpression': {
      const path = fieldPath(node, violations);
      return path === undefined ? undefined : { kind: 'field', path };
    }
    case 'UnaryExpression': {
      const unary = node as jsep.UnaryExpression;
      if (unary.operator !== '-') return violations.add('NOT_ALLOWED', `不允许使用运算符 ${unary.operator}`);
      const argument = child(unary.argument);
      return argument && { kind: 'negate', argument };
    }
    case 'BinaryExpression': {
      const binary = node as jsep.BinaryExpression;
      const op = binary.operator;
      const left = child(binary.left);
      const right = child(binary.right);
      if (!ARITHMETIC.has(op) && !COMPARISON.has(op) && !EQUALITY.has(op) && !LOGICAL.has(op)) {
        const hint = op === '===' ? '，请用 ==' : op === '!==' ? '，请用 !=' : '';
        return violations.add('NOT_ALLOWED', `不允许使用运算符 ${op}${hint}`);
      }
      if (!left || !right) return undefined;
      if (ARITHMETIC.has(op)) return { kind: 'arithmetic', operator: op as '+', left, right };
      if (COMPARISON.has(op)) return { kind: 'comparison', operator: op as '<', left, right };
      if (EQUALITY.has(op)) return { kind: 'equality', operator: op as '==', left, right };
      return { kind: 'logical', operator: op as '&&', left, right };
    }
    case 'ConditionalExpression': {
      const conditional = node as jsep.ConditionalExpression;
      const test = child(conditional.test);
      const consequent = child(conditional.consequent);
      const alternate = child(conditional.alternate);
      return test && consequent && alternate && { kind: 'conditional', test, consequent, alternate };
    }
    case 'CallExpression': {
      const call = node as jsep.CallExpression;
      const name = call.callee.type === 'Identifier' ? (call.callee as jsep.Identifier).name : undefined;
      if (name !== 'min' && name !== 'max') {
        return violations.add('NOT_ALLOWED', '只能调用 min(…) 和 max(…)，不允许调用其他函数');
      }
      if (call.arguments.length < 2) return violations.add('NOT_ALLOWED', `${name}(…) 至少需要两个参数`);
      const args = call.arguments.map(child);
      return args.every((a) => a !== undefined) ? { kind: 'call', name, args: args as FormulaNode[] } : undefined;
    }
    case 'Compound':
    case 'SequenceExpression':
      return violations.add('SYNTAX_ERROR', '收费公式只能是一个表达式');
    default:
      return violations.add('NOT_ALLOWED', '收费公式只能使用数字、字段、四则运算、比较、&&、||、? : 和 min/max');
  }
}

const isLiteral = (n: FormulaNode, kind: 'text' | 'flag') => n.kind === kind;

/** A field compared (== / !=) with a string is text, with true/false a flag; everywhere else a number. */
function inferFieldKinds(root: FormulaNode, violations: Violations): Record<string, FieldKind> {
  const kinds: Record<string, FieldKind> = Object.create(null);
  const note = (path: string, kind: FieldKind) => {
    const known = kinds[path];
    if (known === undefined) kinds[path] = kind;
    else if (known !== kind)
      violations.add('TYPE_MISMATCH', `字段 ${path} 不能既作${label(known)}又作${label(kind)}使用`);
  };
  const walk = (n: FormulaNode): void => {
    if (n.kind === 'equality') {
      for (const [side, other] of [
        [n.left, n.right],
        [n.right, n.left],
      ] as const) {
        if (side.kind === 'field') {
          note(side.path, isLiteral(other, 'text') ? 'text' : isLiteral(other, 'flag') ? 'flag' : 'number');
        } else walk(side);
      }
      return;
    }
    if (n.kind === 'field') note(n.path, 'number');
    for (const c of children(n)) walk(c);
  };
  walk(root);
  return kinds;
}

const label = (kind: FieldKind | 'boolean') =>
  ({ number: '数值', text: '文本', flag: '是/否（true/false）', boolean: '条件（比较或 && || 的结果）' })[kind];

function children(n: FormulaNode): FormulaNode[] {
  switch (n.kind) {
    case 'negate':
      return [n.argument];
    case 'arithmetic':
    case 'comparison':
    case 'equality':
    case 'logical':
      return [n.left, n.right];
    case 'conditional':
      return [n.test, n.consequent, n.alternate];
    case 'call':
      return n.args;
    default:
      return [];
  }
}

type ValueType = 'number' | 'boolean' | 'text' | 'flag';

/** The type of a node, adding a TYPE_MISMATCH violation where an operand does not fit; undefined after one. */
function typeOf(n: FormulaNode, kinds: Record<string, FieldKind>, violations: Violations): ValueType | undefined {
  const t = (c: FormulaNode) => typeOf(c, kinds, violations);
  const need = (c: FormulaNode, want: ValueType, what: string): boolean => {
    const got = t(c);
    if (got === undefined) return false;
    if (got === want) return true;
    violations.add('TYPE_MISMATCH', `${what}必须是${label(want)}，不能是${label(got)}`);
    return false;
  };
  switch (n.kind) {
    case 'number':
      return 'number';
    case 'text':
      return 'text';
    case 'flag':
      return 'flag';
    case 'field':
      return kinds[n.path];
    case 'negate':
      return need(n.argument, 'number', '负号后') ? 'number' : undefined;
    case 'arithmetic': {
      const ok = [
        need(n.left, 'number', `运算符 ${n.operator} 两边`),
        need(n.right, 'number', `运算符 ${n.operator} 两边`),
      ];
      return ok.every(Boolean) ? 'number' : undefined;
    }
    case 'comparison': {
      const ok = [
        need(n.left, 'number', `比较 ${n.operator} 两边`),
        need(n.right, 'number', `比较 ${n.operator} 两边`),
      ];
      return ok.every(Boolean) ? 'boolean' : undefined;
    }
    case 'equality': {
      const left = t(n.left);
      const right = t(n.right);
      if (left === undefined || right === undefined) return undefined;
      if (left !== right || left === 'boolean') {
        violations.add(
          'TYPE_MISMATCH',
          `${n.operator} 两边必须同为数值、同为文本或同为是/否，不能比较${label(left)}和${label(right)}`,
        );
        return undefined;
      }
      return 'boolean';
    }
    case 'logical': {
      const ok = [need(n.left, 'boolean', `${n.operator} 两边`), need(n.right, 'boolean', `${n.operator} 两边`)];
      return ok.every(Boolean) ? 'boolean' : undefined;
    }
    case 'conditional': {
      const test = need(n.test, 'boolean', '? : 问号前');
      const consequent = t(n.consequent);
      const alternate = t(n.alternate);
      if (!test || consequent === undefined || alternate === undefined) return undefined;
      if (consequent !== alternate || consequent === 'text' || consequent === 'flag') {
        violations.add('TYPE_MISMATCH', '? : 的两个结果必须同为数值（或同为条件）');
        return undefined;
      }
      return consequent;
    }
    case 'call': {
      const ok = n.args.map((a) => need(a, 'number', `${n.name}(…) 的参数`));
      return ok.every(Boolean) ? 'number' : undefined;
    }
  }
}
