import type { EvalFunction } from 'mathjs';
import { textIn, type Lang } from '../../i18n';
import { checkTree } from './check';
import { parseFormula } from './instance';
import { MAX_EXPRESSION_LENGTH, MAX_METRICS, METRIC_NAME } from './language';

/** A user's metric as written: `metric.<name>=<expression>`. Plain data (stored with a scenario). */
export interface MetricDefinition {
  name: string;
  expression: string;
}

/** Why a metric is refused: the metric's name and the reason, for a 422 shown on the form. */
export interface MetricProblem {
  metric: string;
  message: string;
}

/** A checked, compiled metric: evaluate it with `evaluateMetrics`. Not serialisable. */
export interface CompiledMetric {
  name: string;
  /** The output column, `metric_<name>`. */
  column: string;
  expression: string;
  /** Columns the formula reads; a row missing any of them gets no value. */
  reads: string[];
  code: EvalFunction;
}

/**
 * Checks and compiles the metrics of one request over a table with `columns`. Every metric is
 * checked (so the form can show every problem at once); any problem means none is compiled.
 * Problems are written in `lang`.
 *
 * @example
 * compileMetrics([{ name: 'capex_cover', expression: 'ai_revenue_usd / ai_capex_usd' }], ['ai_revenue_usd', 'ai_capex_usd'])
 * // { kind: 'ok', metrics: [{ name: 'capex_cover', column: 'metric_capex_cover', ... }] }
 */
export function compileMetrics(
  definitions: readonly MetricDefinition[],
  columns: readonly string[],
  lang: Lang = 'en',
): { kind: 'ok'; metrics: CompiledMetric[] } | { kind: 'invalid'; problems: MetricProblem[] } {
  const t = (key: string, vars: Record<string, unknown> = {}) => textIn(lang)(`assumptions.metricProblem.${key}`, vars);
  const problems: MetricProblem[] = [];
  const metrics: CompiledMetric[] = [];
  const known = new Set(columns);
  if (definitions.length > MAX_METRICS) {
    problems.push({ metric: definitions[MAX_METRICS]?.name ?? '', message: t('tooMany', { max: MAX_METRICS, count: definitions.length }) });
  }
  const seen = new Set<string>();
  for (const def of definitions.slice(0, MAX_METRICS)) {
    const refuse = (message: string): void => {
      problems.push({ metric: def.name, message: t('refused', { name: def.name, message }) });
    };
    if (typeof def.name !== 'string' || !METRIC_NAME.test(def.name)) {
      refuse(t('name'));
      continue;
    }
    if (seen.has(def.name)) {
      refuse(t('twice'));
      continue;
    }
    seen.add(def.name);
    if (typeof def.expression !== 'string' || def.expression.trim() === '') {
      refuse(t('empty'));
      continue;
    }
    if (def.expression.length > MAX_EXPRESSION_LENGTH) {
      refuse(t('long', { length: def.expression.length, max: MAX_EXPRESSION_LENGTH }));
      continue;
    }
    let tree;
    try {
      tree = parseFormula(def.expression);
    } catch (err) {
      refuse(t('unreadable', { detail: err instanceof Error && err instanceof SyntaxError ? err.message : t('tooDeepToRead') }));
      continue;
    }
    const why = checkTree(tree, known, lang);
    if (why) {
      refuse(t('notAllowed', { why }));
      continue;
    }
    const reads = new Set<string>();
    tree.traverse((node) => {
      if (node.type === 'SymbolNode' && known.has((node as unknown as { name: string }).name)) reads.add((node as unknown as { name: string }).name);
    });
    metrics.push({ name: def.name, column: `metric_${def.name}`, expression: def.expression, reads: [...reads], code: tree.compile() });
  }
  return problems.length > 0 ? { kind: 'invalid', problems } : { kind: 'ok', metrics };
}

/**
 * Each metric's value for each row: `values[metric][row]`, a finite number or null (a column it
 * reads is missing in that row, the result is not a finite number, or it fails at run time, such
 * as log of a negative). A comparison's true/false counts as 1/0. Each row is evaluated in a fresh
 * scope holding only the columns the formula reads.
 *
 * @example
 * evaluateMetrics(compiled.metrics, [{ ai_revenue_usd: 6e9, ai_capex_usd: 12e9 }]) // [[0.5]]
 */
export function evaluateMetrics(metrics: readonly CompiledMetric[], rows: readonly Readonly<Record<string, unknown>>[]): (number | null)[][] {
  return metrics.map((metric) =>
    rows.map((row) => {
      const scope = new Map<string, number>();
      for (const column of metric.reads) {
        const v = row[column];
        if (typeof v !== 'number' || !Number.isFinite(v)) return null;
        scope.set(column, v);
      }
      let result: unknown;
      try {
        result = metric.code.evaluate(scope);
      } catch {
        return null;
      }
      if (typeof result === 'boolean') return result ? 1 : 0;
      return typeof result === 'number' && Number.isFinite(result) ? result : null;
    }),
  );
}
