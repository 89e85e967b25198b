import type { ReportTable } from '../table';
import { compileMetrics, evaluateMetrics, type MetricDefinition, type MetricProblem } from './compile';

/**
 * The table with one `metric_<name>` column per metric, computed row by row over the table's own
 * columns (by key), or the problems naming each refused metric (the table is then unchanged).
 * Pure: the definitions are compiled here, once per call, so the worker can run it from plain data.
 *
 * @example withMetricColumns(cashFlows, [{ name: 'capex_cover', expression: 'ai_revenue_usd / ai_capex_usd' }]).table.columns.at(-1).key // 'metric_capex_cover'
 */
export function withMetricColumns(table: ReportTable, definitions: readonly MetricDefinition[]): { table: ReportTable; problems: MetricProblem[] } {
  if (definitions.length === 0) return { table, problems: [] };
  const keys = table.columns.map((c) => c.key);
  const compiled = compileMetrics(definitions, keys);
  if (compiled.kind === 'invalid') return { table, problems: compiled.problems };
  const records = table.rows.map((row) => Object.fromEntries(keys.map((k, i) => [k, row[i] ?? null])));
  const values = evaluateMetrics(compiled.metrics, records);
  return {
    table: {
      ...table,
      columns: [...table.columns, ...compiled.metrics.map((m) => ({ key: m.column, label: `${m.name} = ${m.expression}`, format: 'ratio' as const }))],
      rows: table.rows.map((row, r) => [...row, ...values.map((v) => v[r] ?? null)]),
    },
    problems: [],
  };
}
