import { all, create, type FactoryFunctionMap, type MathNode } from 'mathjs';

/**
 * The module's own mathjs instance, never the shared one `import { evaluate } from 'mathjs'`
 * gives: plain JavaScript numbers, `predictable` (sqrt(−1) is NaN, not a complex number), and the
 * functions mathjs's security page lists as dangerous replaced by ones that throw, so even a formula
 * that slipped past the tree check could not import, define units, re-enter the parser or change
 * the configuration. `parse` is kept privately, taken before it is disabled. `config` and `typed`
 * cannot be replaced (the instance's own functions are built with them); the tree check keeps
 * every name but the columns and the allowed functions out of reach, so a formula never sees them.
 */
const math = create(all as FactoryFunctionMap, { number: 'number', predictable: true });
const privateParse = math.parse.bind(math) as (expression: string) => MathNode;

const disabled = (name: string) => (): never => {
  throw new Error(`${name} is disabled in metric formulas`);
};
math.import(
  Object.fromEntries(
    ['import', 'createUnit', 'reviver', 'evaluate', 'parse', 'simplify', 'derivative', 'resolve', 'compile', 'parser'].map(
      (name) => [name, disabled(name)],
    ),
  ),
  { override: true },
);

/** Parses a formula with the private instance (throws mathjs's SyntaxError on bad syntax). */
export function parseFormula(expression: string): MathNode {
  return privateParse(expression);
}
