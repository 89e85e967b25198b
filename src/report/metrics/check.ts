import type { MathNode } from 'mathjs';
import { textIn, type Lang } from '../../i18n';
import { ALLOWED_FUNCTIONS, ALLOWED_OPERATORS, MAX_DEPTH } from './language';

/**
 * Walks a parsed formula and returns why it is refused, or null when every node is allowed:
 * finite number constants, symbols naming a known column, the allowed operators and functions
 * (called by plain name with the right number of arguments), parentheses and `a ? b : c`.
 * Anything else (assignment, function definition, strings, units, matrices, property access,
 * ranges, blocks, chained comparisons) is refused by its kind. The reason is written in `lang`.
 */
export function checkTree(root: MathNode, columns: ReadonlySet<string>, lang: Lang = 'en'): string | null {
  const t = (key: string, vars: Record<string, unknown> = {}) => textIn(lang)(`assumptions.metricProblem.why.${key}`, vars);
  const visit = (node: MathNode, depth: number): string | null => {
    if (depth > MAX_DEPTH) return t('deep', { max: MAX_DEPTH });
    const n = node as MathNode & Record<string, unknown>;
    switch (node.type) {
      case 'ConstantNode': {
        const value = n['value'];
        if (typeof value !== 'number') return t('constant', { what: describeConstant(value, t) });
        if (!Number.isFinite(value)) return t('tooLarge');
        return null;
      }
      case 'SymbolNode': {
        const name = String(n['name']);
        if (columns.has(name)) return null;
        if (ALLOWED_FUNCTIONS.has(name)) return t('callIt', { name });
        return t('notColumn', { name });
      }
      case 'ParenthesisNode':
        return visit(n['content'] as MathNode, depth + 1);
      case 'ConditionalNode':
        return (
          visit(n['condition'] as MathNode, depth + 1) ?? visit(n['trueExpr'] as MathNode, depth + 1) ?? visit(n['falseExpr'] as MathNode, depth + 1)
        );
      case 'OperatorNode': {
        const fn = String(n['fn']);
        if (!ALLOWED_OPERATORS.has(fn)) return t('operator', { op: String(n['op']) });
        return visitAll(n['args'] as MathNode[], depth);
      }
      case 'FunctionNode': {
        const fnNode = n['fn'] as MathNode & Record<string, unknown>;
        if (fnNode.type !== 'SymbolNode') return t('byName');
        const name = String(fnNode['name']);
        const arity = ALLOWED_FUNCTIONS.get(name);
        if (!arity) return t('function', { name });
        const args = n['args'] as MathNode[];
        if (args.length < arity.min || args.length > arity.max) {
          return t('arity', { name, count: arity.max, range: arity.min === arity.max ? arity.min : t('arityRange', { min: arity.min, max: arity.max }), got: args.length });
        }
        return visitAll(args, depth);
      }
      default:
        return t('kind', { what: describeKind(node.type, t) });
    }
  };
  const visitAll = (nodes: MathNode[], depth: number): string | null => {
    for (const child of nodes) {
      const why = visit(child, depth + 1);
      if (why) return why;
    }
    return null;
  };
  return visit(root, 0);
}

function describeConstant(value: unknown, t: (key: string) => string): string {
  if (typeof value === 'string') return t('text');
  if (typeof value === 'boolean') return t('boolean');
  if (value === null || value === undefined) return t('null');
  return typeof value;
}

/** Node kinds a formula may not contain, by mathjs's type (their words are in the locale files). */
const KINDS = new Set(['AssignmentNode', 'FunctionAssignmentNode', 'ArrayNode', 'AccessorNode', 'IndexNode', 'ObjectNode', 'RangeNode', 'BlockNode', 'RelationalNode']);

function describeKind(type: string, t: (key: string, vars?: Record<string, unknown>) => string): string {
  return KINDS.has(type) ? t(type) : t('other', { type });
}
