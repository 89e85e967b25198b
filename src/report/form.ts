/**
 * The assumptions form as plain data for views/partials/assumptions-form.hbs: each field with the
 * text to show (what the user typed when it was wrong), its source and its problem, if any.
 */
import type { Row } from '../store/types';
import type { AssumptionDef, AssumptionProblem, AssumptionSource } from './assumptions';

export interface FormField {
  key: string;
  label: string;
  help: string;
  /** Text in the input. */
  text: string;
  placeholder: string;
  source: AssumptionSource;
  sourceLabel: string;
  error: string | null;
  choices: { value: string; selected: boolean }[] | null;
}

const SOURCE_LABELS: Record<AssumptionSource, string> = {
  default: 'default',
  scenario: 'saved scenario',
  user: 'you',
  data: 'data',
};

/** The source shown beside a value the user typed that cannot be used: theirs, not a default. */
export const INVALID_SOURCE_LABEL = 'you (not valid, not used)';

export function sourceLabel(source: AssumptionSource, scenarioName?: string): string {
  return source === 'scenario' && scenarioName ? `scenario “${scenarioName}”` : SOURCE_LABELS[source];
}

/**
 * Builds the form fields from definitions and a parse result. A value that overrides the data is
 * shown blank while it is still the default, so submitting the form keeps the data's value.
 */
export function formFields<K extends string>(
  defs: readonly AssumptionDef<K>[],
  parsed: { values: Record<K, number | string | null>; sources: Record<K, AssumptionSource>; raw: Partial<Record<K, string>>; problems: AssumptionProblem[] },
  scenarioName?: string,
): FormField[] {
  return defs.map((def) => {
    const problem = parsed.problems.find((p) => p.key === def.key) ?? null;
    const value = parsed.values[def.key];
    const blank = (def.overridesData === true && parsed.sources[def.key] === 'default' && !problem) || (value === null && !problem);
    const derived = def.key === 'ronic' ? '= WACC' : 'from the data';
    // A bad value the user typed is theirs, shown back as typed; a default that another value makes
    // invalid (terminal growth above a typed WACC) keeps its own source.
    const typedBad = problem !== null && parsed.raw[def.key] !== undefined;
    return {
      key: def.key,
      label: def.label,
      help: def.help,
      text: problem ? problem.value : blank ? '' : String(value),
      placeholder: blank ? (value === null ? derived : `data, else ${String(value)}`) : '',
      source: typedBad ? 'user' : parsed.sources[def.key],
      sourceLabel: typedBad ? INVALID_SOURCE_LABEL : sourceLabel(parsed.sources[def.key], scenarioName),
      error: problem ? problem.message : null,
      choices: def.choices ? def.choices.map((c) => ({ value: c, selected: c === String(value) })) : null,
    };
  });
}

/** The distinct tickers of a dataset's rows, upper-case, in order of first appearance. */
export function tickersOf(rows: Row[]): string[] {
  const seen = new Set<string>();
  for (const r of rows) if (typeof r.ticker === 'string' && /^[A-Za-z0-9.\-]{1,12}$/.test(r.ticker.trim())) seen.add(r.ticker.trim().toUpperCase());
  return [...seen];
}

/**
 * One field per ticker to type today's share price (`price.<TICKER>`): blank keeps the data's
 * latest price; a typed price values the company at it, against the latest EPS.
 */
export function priceFields(tickers: string[], parsed: { prices: Record<string, number>; problems: AssumptionProblem[] }): FormField[] {
  return tickers.map((ticker) => {
    const key = `price.${ticker}`;
    const problem = parsed.problems.find((p) => p.key.toUpperCase() === key.toUpperCase()) ?? null;
    const typed = parsed.prices[ticker];
    return {
      key,
      label: `Today’s share price, ${ticker} (USD)`,
      help: 'Values the shares at this price against the latest fiscal year with EPS; blank uses the latest price in the data, with its date.',
      text: problem ? problem.value : typed === undefined ? '' : String(typed),
      placeholder: 'data’s latest',
      source: problem || typed !== undefined ? 'user' : 'data',
      sourceLabel: problem ? INVALID_SOURCE_LABEL : typed === undefined ? 'data' : 'you',
      error: problem ? problem.message : null,
      choices: null,
    };
  });
}
