import { plain, type Lang } from '../../i18n';
import type { MetricDefinition, MetricProblem } from './compile';

/** Query keys that define a metric: `metric.<name>=<expression>`. */
const PREFIX = 'metric.';

/**
 * The metric definitions in a parsed query string (or form body), in the order given. A key
 * repeated with several values is a problem naming the metric; keys without the prefix are
 * ignored (they are the scenario's other assumptions).
 *
 * @example
 * metricsFromQuery({ wacc: '0.09', 'metric.capex_cover': 'ai_revenue_usd / ai_capex_usd' })
 * // { definitions: [{ name: 'capex_cover', expression: 'ai_revenue_usd / ai_capex_usd' }], problems: [] }
 */
export function metricsFromQuery(query: Readonly<Record<string, unknown>>, lang: Lang = 'en'): { definitions: MetricDefinition[]; problems: MetricProblem[] } {
  const definitions: MetricDefinition[] = [];
  const problems: MetricProblem[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (!key.startsWith(PREFIX)) continue;
    const name = key.slice(PREFIX.length);
    if (typeof value !== 'string') {
      problems.push({ metric: name, message: plain(lang, 'assumptions.metricProblem.several', { name }) });
      continue;
    }
    if (value.trim() === '') continue;
    definitions.push({ name, expression: value });
  }
  return { definitions, problems };
}

/** The query keys of `definitions`, to carry them in a report link or a saved scenario. */
export function metricsToQuery(definitions: readonly MetricDefinition[]): Record<string, string> {
  return Object.fromEntries(definitions.map((d) => [`${PREFIX}${d.name}`, d.expression]));
}
