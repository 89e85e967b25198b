import * as sharedMath from 'mathjs';
import { compileMetrics, evaluateMetrics, metricsFromQuery, metricsToQuery, MAX_EXPRESSION_LENGTH, withMetricColumns } from '../../../src/report/metrics';

const columns = ['fiscal_year', 'ai_capex_usd', 'ai_revenue_usd', 'fcf_usd'];

function compileOne(expression: string, name = 'm') {
  return compileMetrics([{ name, expression }], columns);
}

function problemOf(expression: string): string {
  const r = compileOne(expression);
  if (r.kind !== 'invalid') throw new Error(`expected ${expression} to be refused`);
  return r.problems[0]?.message ?? '';
}

function valueOf(expression: string, row: Record<string, unknown>): number | null {
  const r = compileOne(expression);
  if (r.kind !== 'ok') throw new Error(r.problems[0]?.message);
  return evaluateMetrics(r.metrics, [row])[0]?.[0] ?? null;
}

const row = { fiscal_year: 2024, ai_capex_usd: 12e9, ai_revenue_usd: 6e9, fcf_usd: -3e9 };

describe('metrics › evaluation', () => {
  it('capex_cover = ai_revenue_usd / ai_capex_usd › 0.5, in column metric_capex_cover', () => {
    const r = compileMetrics([{ name: 'capex_cover', expression: 'ai_revenue_usd / ai_capex_usd' }], columns);
    expect(r.kind).toBe('ok');
    if (r.kind !== 'ok') return;
    expect(r.metrics[0]?.column).toBe('metric_capex_cover');
    expect(evaluateMetrics(r.metrics, [row, { ...row, ai_revenue_usd: 3e9 }])).toEqual([[0.5, 0.25]]);
  });

  it('functions, powers, conditionals and comparisons › numbers (true/false as 1/0)', () => {
    expect(valueOf('max(fcf_usd, 0) + abs(fcf_usd) / 1e9', row)).toBe(3);
    expect(valueOf('log(1000, 10)', row)).toBeCloseTo(3, 12);
    expect(valueOf('round(ai_revenue_usd / ai_capex_usd * 100, 1)', row)).toBe(50);
    expect(valueOf('fcf_usd < 0 ? -fcf_usd : 0', row)).toBe(3e9);
    expect(valueOf('fcf_usd > 0', row)).toBe(0);
    expect(valueOf('2^10 mod 7', row)).toBe(2);
    expect(valueOf('(fiscal_year - 2020) * 2', row)).toBe(8);
  });

  it('division by zero, sqrt of a negative, a missing column › null for that row', () => {
    expect(valueOf('ai_revenue_usd / 0', row)).toBeNull();
    expect(valueOf('sqrt(fcf_usd)', row)).toBeNull();
    expect(valueOf('fcf_usd * 2', { ...row, fcf_usd: null })).toBeNull();
    expect(valueOf('log(fcf_usd)', row)).toBeNull();
  });

  it('a fresh scope per row › one row cannot leave a value for the next', () => {
    const r = compileOne('ai_capex_usd');
    if (r.kind !== 'ok') throw new Error('refused');
    expect(evaluateMetrics(r.metrics, [row, { fiscal_year: 2025 }])).toEqual([[12e9, null]]);
  });
});

describe('metrics › refused, naming the metric and the reason', () => {
  it('unknown column › names it', () => {
    expect(problemOf('ai_revenue / ai_capex_usd')).toMatch(/^metric\.m: `ai_revenue` is not a column of the cash-flow table/);
  });
  it('bad name, duplicate, empty, too many', () => {
    expect(compileMetrics([{ name: 'Bad-Name', expression: '1' }], columns)).toMatchObject({ kind: 'invalid', problems: [{ metric: 'Bad-Name' }] });
    expect(compileMetrics([{ name: 'a', expression: '1' }, { name: 'a', expression: '2' }], columns)).toMatchObject({ kind: 'invalid', problems: [{ message: 'metric.a: this name is defined twice.' }] });
    expect(problemOf('  ')).toMatch(/empty/);
    const nine = Array.from({ length: 9 }, (_, i) => ({ name: `m${i}`, expression: '1' }));
    expect(compileMetrics(nine, columns)).toMatchObject({ kind: 'invalid', problems: [{ metric: 'm8', message: expect.stringMatching(/At most 8/) }] });
  });
  it('syntax error › says it cannot be read', () => {
    expect(problemOf('1 +')).toMatch(/cannot be read/);
  });
});

// The attacks mathjs's security page (https://mathjs.org/docs/expressions/security.html) and its
// advisories (GHSA for 13.1–15.1: code execution through crafted expressions) describe.
describe('metrics › attacks', () => {
  const attacks: [string, RegExp][] = [
    ['cos.constructor("return process")()', /cannot be read|not allowed|property/],
    ['cos.constructor("return process")("")', /only the listed functions may be called, by name/],
    ['cos["constructor"]("return process")("")', /only the listed functions may be called, by name/],
    ['fcf_usd.constructor', /property or index access/],
    ['import({ "sqrt": 1 }, { "override": true })', /the function `import` is not allowed/],
    ['createUnit("capex")', /the function `createUnit` is not allowed/],
    ['evaluate("1")', /the function `evaluate` is not allowed/],
    ['parse("1")', /the function `parse` is not allowed/],
    ['simplify("x")', /the function `simplify` is not allowed/],
    ['derivative("x^2", "x")', /the function `derivative` is not allowed/],
    ['resolve(fcf_usd)', /the function `resolve` is not allowed/],
    ['config({ "number": "BigNumber" })', /the function `config` is not allowed/],
    ['config', /`config` is not a column/],
    ['typed("f", { "number": 1 })', /the function `typed` is not allowed/],
    ['reviver', /`reviver` is not a column/],
    ['ones(20000, 20000)', /the function `ones` is not allowed/],
    ['zeros(20000, 20000)', /the function `zeros` is not allowed/],
    ['range(1, 1e9)', /the function `range` is not allowed/],
    ['1:1e9', /a range/],
    ['[1, 2, 3]', /a matrix or list/],
    ['{ a: 1 }', /an object/],
    ['"text"', /not text/],
    ['true', /not true\/false/],
    ['5 cm', /`cm` is not a column/],
    ['f(x) = x', /defining a function/],
    ['fcf_usd = 1', /assignment/],
    ['1; 2', /more than one expression/],
    ['1 < fcf_usd < 2', /chained comparison/],
    ['fcf_usd!', /operator `!`/],
    ['1e400', /too large/],
    ['sqrt', /call it as sqrt/],
    ['sqrt(1, 2)', /sqrt takes 1 argument, got 2/],
  ];
  it.each(attacks)('%s › refused', (expression, reason) => {
    expect(problemOf(expression)).toMatch(reason);
  });

  it('deep nesting › refused by depth, before any evaluation', () => {
    expect(problemOf(`${'('.repeat(100)}1${')'.repeat(100)}`)).toMatch(/nests deeper than 40/);
  });

  it('very long input › refused by length before it is parsed', () => {
    const long = `${'fcf_usd+'.repeat(10_000)}1`;
    expect(problemOf(long)).toBe(`metric.m: the formula is ${long.length} characters long; at most ${MAX_EXPRESSION_LENGTH} are allowed.`);
    expect(problemOf(`${'('.repeat(50_000)}1${')'.repeat(50_000)}`)).toMatch(/at most 300/);
  });

  it('after every attack › the shared instance still says 1/3 = 0.3333333333333333', () => {
    for (const [expression] of attacks) compileOne(expression);
    expect(sharedMath.evaluate('1/3')).toBe(0.3333333333333333);
    // A formula that reached config({ number: 'BigNumber' }) would change this sum's digits too.
    expect(sharedMath.evaluate('0.1 + 0.2')).toBe(0.30000000000000004);
    expect(valueOf('1/3', row)).toBe(0.3333333333333333);
  });
});

describe('metrics › query keys', () => {
  it('metric.<name>=<expression> round-trips; empty formulas are skipped; a repeated key is refused', () => {
    const q = { wacc: '0.09', 'metric.capex_cover': 'ai_revenue_usd / ai_capex_usd', 'metric.blank': ' ' };
    const { definitions, problems } = metricsFromQuery(q);
    expect(problems).toEqual([]);
    expect(definitions).toEqual([{ name: 'capex_cover', expression: 'ai_revenue_usd / ai_capex_usd' }]);
    expect(metricsToQuery(definitions)).toEqual({ 'metric.capex_cover': 'ai_revenue_usd / ai_capex_usd' });
    expect(metricsFromQuery({ 'metric.x': ['1', '2'] }).problems).toEqual([{ metric: 'x', message: 'metric.x: give one formula, not several.' }]);
  });
});

describe('metrics › withMetricColumns', () => {
  const table = {
    name: 'cash-flows',
    title: 'Cash flows',
    columns: [
      { key: 'fiscal_year', label: 'FY', format: 'text' as const },
      { key: 'ai_revenue_usd', label: 'AI revenue', format: 'money' as const },
      { key: 'ai_capex_usd', label: 'AI capex', format: 'money' as const },
    ],
    rows: [
      ['2024', 6e9, 12e9],
      ['2025', null, 10e9],
    ],
  };
  it('adds metric_<name> columns computed per row; a missing input gives an empty cell', () => {
    const r = withMetricColumns(table, [{ name: 'capex_cover', expression: 'ai_revenue_usd / ai_capex_usd' }]);
    expect(r.problems).toEqual([]);
    expect(r.table.columns.map((c) => c.key)).toEqual(['fiscal_year', 'ai_revenue_usd', 'ai_capex_usd', 'metric_capex_cover']);
    expect(r.table.rows).toEqual([['2024', 6e9, 12e9, 0.5], ['2025', null, 10e9, null]]);
    expect(table.columns).toHaveLength(3);
  });
  it('a refused metric › the problems, the table unchanged', () => {
    const r = withMetricColumns(table, [{ name: 'x', expression: 'import(1)' }]);
    expect(r.table).toBe(table);
    expect(r.problems[0]?.message).toMatch(/^metric\.x: the function `import` is not allowed/);
  });
});
