/**
 * The metric language: what a user formula may contain. Everything not listed here is refused
 * when the formula is checked, before mathjs evaluates anything (DESIGN.md, "Behaviour under bad
 * input and load": mathjs's own security page says a formula that reaches `import`, `config`,
 * `createUnit`, `evaluate`, `parse`, ... can change or escape the instance).
 */

/** Longest formula accepted, in characters: a long formula is refused before it is parsed. */
export const MAX_EXPRESSION_LENGTH = 300;
/** Deepest node tree accepted (nesting of operators, parentheses and calls). */
export const MAX_DEPTH = 40;
/** Most metrics one request may define. */
export const MAX_METRICS = 8;
/** A metric's name: a letter, then letters, digits or underscores; it becomes `metric_<name>`. */
export const METRIC_NAME = /^[a-z][a-z0-9_]{0,31}$/;

/** Operators by mathjs's function name, with the symbol a user writes. */
export const ALLOWED_OPERATORS: ReadonlyMap<string, string> = new Map([
  ['add', '+'],
  ['subtract', '-'],
  ['multiply', '*'],
  ['divide', '/'],
  ['pow', '^'],
  ['mod', 'mod'],
  ['unaryMinus', '-'],
  ['unaryPlus', '+'],
  ['larger', '>'],
  ['smaller', '<'],
  ['largerEq', '>='],
  ['smallerEq', '<='],
  ['equal', '=='],
  ['unequal', '!='],
  ['and', 'and'],
  ['or', 'or'],
  ['not', 'not'],
]);

/** Functions a formula may call, with how many arguments each takes. */
export const ALLOWED_FUNCTIONS: ReadonlyMap<string, { min: number; max: number }> = new Map([
  ['abs', { min: 1, max: 1 }],
  ['sqrt', { min: 1, max: 1 }],
  ['cbrt', { min: 1, max: 1 }],
  ['exp', { min: 1, max: 1 }],
  ['log', { min: 1, max: 2 }],
  ['log10', { min: 1, max: 1 }],
  ['log2', { min: 1, max: 1 }],
  ['round', { min: 1, max: 2 }],
  ['floor', { min: 1, max: 1 }],
  ['ceil', { min: 1, max: 1 }],
  ['sign', { min: 1, max: 1 }],
  ['min', { min: 1, max: 16 }],
  ['max', { min: 1, max: 16 }],
]);
