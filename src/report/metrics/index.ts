/**
 * Formulas of your own (DESIGN.md "Custom metrics"): `metric.<name>=<expression>` over the
 * cash-flow table's columns, checked against an allow-list on mathjs's parsed tree and evaluated
 * by a private, locked-down mathjs instance. See language.ts for what a formula may contain.
 */
export { compileMetrics, evaluateMetrics } from './compile';
export type { CompiledMetric, MetricDefinition, MetricProblem } from './compile';
export { metricsFromQuery, metricsToQuery } from './from-query';
export { withMetricColumns } from './columns';
export { MAX_EXPRESSION_LENGTH, MAX_METRICS } from './language';
