import type { MathNode } from 'mathjs';
import { ALLOWED_FUNCTIONS, ALLOWED_OPERATORS, MAX_DEPTH } from './language';

/**
 * Walks a parsed formula and returns why it is refused, or null when every node is allowed:
 * finite number constants, symbols naming a known column, the allowed operators and functions
 * (called by plain name with the right number of arguments), parentheses and `a ? b : c`.
 * Anything else (assignment, function definition, strings, units, matrices, property access,
 * ranges, blocks, chained comparisons) is refused by its kind.
 */
export function checkTree(root: MathNode, columns: ReadonlySet<string>): string | null {
  const visit = (node: MathNode, depth: number): string | null => {
    if (depth > MAX_DEPTH) return `it nests deeper than ${MAX_DEPTH} levels`;
    const n = node as MathNode & Record<string, unknown>;
    switch (node.type) {
      case 'ConstantNode': {
        const value = n['value'];
        if (typeof value !== 'number') return `only numbers may be written in it, not ${describeConstant(value)}`;
        if (!Number.isFinite(value)) return 'a number in it is too large';
        return null;
      }
      case 'SymbolNode': {
        const name = String(n['name']);
        if (columns.has(name)) return null;
        if (ALLOWED_FUNCTIONS.has(name)) return `${name} is a function: call it as ${name}(…)`;
        return `\`${name}\` is not a column of the cash-flow table`;
      }
      case 'ParenthesisNode':
        return visit(n['content'] as MathNode, depth + 1);
      case 'ConditionalNode':
        return (
          visit(n['condition'] as MathNode, depth + 1) ?? visit(n['trueExpr'] as MathNode, depth + 1) ?? visit(n['falseExpr'] as MathNode, depth + 1)
        );
      case 'OperatorNode': {
        const fn = String(n['fn']);
        if (!ALLOWED_OPERATORS.has(fn)) return `the operator \`${String(n['op'])}\` is not allowed`;
        return visitAll(n['args'] as MathNode[], depth);
      }
      case 'FunctionNode': {
        const fnNode = n['fn'] as MathNode & Record<string, unknown>;
        if (fnNode.type !== 'SymbolNode') return 'only the listed functions may be called, by name';
        const name = String(fnNode['name']);
        const arity = ALLOWED_FUNCTIONS.get(name);
        if (!arity) return `the function \`${name}\` is not allowed`;
        const args = n['args'] as MathNode[];
        if (args.length < arity.min || args.length > arity.max) {
          return `${name} takes ${arity.min === arity.max ? arity.min : `${arity.min} to ${arity.max}`} argument${arity.max === 1 ? '' : 's'}, got ${args.length}`;
        }
        return visitAll(args, depth);
      }
      default:
        return `${describeKind(node.type)} is not allowed`;
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

function describeConstant(value: unknown): string {
  if (typeof value === 'string') return 'text';
  if (typeof value === 'boolean') return 'true/false';
  if (value === null || value === undefined) return 'null';
  return typeof value;
}

const KINDS: Record<string, string> = {
  AssignmentNode: 'assignment (`=`)',
  FunctionAssignmentNode: 'defining a function',
  ArrayNode: 'a matrix or list (`[…]`)',
  AccessorNode: 'property or index access (`.` or `[…]`)',
  IndexNode: 'indexing',
  ObjectNode: 'an object (`{…}`)',
  RangeNode: 'a range (`a:b`)',
  BlockNode: 'more than one expression (`;` or a new line)',
  RelationalNode: 'a chained comparison (`a < b < c`); write `a < b and b < c`',
};

function describeKind(type: string): string {
  return KINDS[type] ?? `a ${type}`;
}
