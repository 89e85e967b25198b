/**
 * The assumptions form as plain data for views/partials/assumptions-form.hbs: each field with the
 * text to show (what the user typed when it was wrong), its source and its problem, if any.
 */
import { hasMessage, plain, type Lang } from '../i18n';
import type { Row } from '../store/types';
import { assumptionText, type AssumptionDef, type AssumptionProblem, type AssumptionSource } from './assumptions';

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
  /** A choice's value (what the query takes) and its label in the reader's language. */
  choices: { value: string; label: string; selected: boolean }[] | null;
}

/** The source shown beside a value the user typed that cannot be used: theirs, not a default. */
export function invalidSourceLabel(lang: Lang = 'en'): string {
  return plain(lang, 'assumptions.source.invalid');
}

/** The source shown beside a value the user typed that cannot be used, in English. */
export const INVALID_SOURCE_LABEL = invalidSourceLabel('en');

/**
 * Where a value came from, in words: `default`, `saved scenario` (or the scenario's name), `you`,
 * `data`; Korean 기본값, 저장한 시나리오, 직접 입력, 데이터.
 * @example sourceLabel('user', undefined, 'ko') // '직접 입력'
 */
export function sourceLabel(source: AssumptionSource, scenarioName?: string, lang: Lang = 'en'): string {
  return source === 'scenario' && scenarioName ? plain(lang, 'assumptions.source.scenarioNamed', { name: scenarioName }) : plain(lang, `assumptions.source.${source}`);
}

/** A choice's label: its word in `lang` (런오프 for run-off), else the value itself. */
function choiceLabel(value: string, lang: Lang): string {
  const key = `assumptions.choice.${value}`;
  return /^[A-Za-z][A-Za-z0-9-]*$/.test(value) && hasMessage(lang, key) ? plain(lang, key) : value;
}

/**
 * Builds the form fields from definitions and a parse result, labels, help, sources and choices in
 * `lang`. A value that overrides the data is shown blank while it is still the default, so
 * submitting the form keeps the data's value.
 */
export function formFields<K extends string>(
  defs: readonly AssumptionDef<K>[],
  parsed: { values: Record<K, number | string | null>; sources: Record<K, AssumptionSource>; raw: Partial<Record<K, string>>; problems: AssumptionProblem[] },
  scenarioName?: string,
  lang: Lang = 'en',
): FormField[] {
  const t = (key: string, vars: Record<string, unknown> = {}) => plain(lang, `assumptions.${key}`, vars);
  return defs.map((def) => {
    const problem = parsed.problems.find((p) => p.key === def.key) ?? null;
    const value = parsed.values[def.key];
    const blank = (def.overridesData === true && parsed.sources[def.key] === 'default' && !problem) || (value === null && !problem);
    const derived = def.key === 'ronic' ? t('placeholder.ronic') : t('placeholder.fromData');
    // A bad value the user typed is theirs, shown back as typed; a default that another value makes
    // invalid (terminal growth above a typed WACC) keeps its own source.
    const typedBad = problem !== null && parsed.raw[def.key] !== undefined;
    const { label, help } = assumptionText(def, lang);
    return {
      key: def.key,
      label,
      help,
      text: problem ? problem.value : blank ? '' : String(value),
      placeholder: blank ? (value === null ? derived : t('placeholder.dataElse', { value: String(value) })) : '',
      source: typedBad ? 'user' : parsed.sources[def.key],
      sourceLabel: typedBad ? invalidSourceLabel(lang) : sourceLabel(parsed.sources[def.key], scenarioName, lang),
      error: problem ? problem.message : null,
      choices: def.choices ? def.choices.map((c) => ({ value: c, label: choiceLabel(c, lang), selected: c === String(value) })) : null,
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
export function priceFields(tickers: string[], parsed: { prices: Record<string, number>; problems: AssumptionProblem[] }, lang: Lang = 'en'): FormField[] {
  const t = (key: string, vars: Record<string, unknown> = {}) => plain(lang, `assumptions.${key}`, vars);
  return tickers.map((ticker) => {
    const key = `price.${ticker}`;
    const problem = parsed.problems.find((p) => p.key.toUpperCase() === key.toUpperCase()) ?? null;
    const typed = parsed.prices[ticker];
    return {
      key,
      label: t('price.label', { ticker }),
      help: t('price.help'),
      text: problem ? problem.value : typed === undefined ? '' : String(typed),
      placeholder: t('placeholder.dataLatest'),
      source: problem || typed !== undefined ? 'user' : 'data',
      sourceLabel: problem ? invalidSourceLabel(lang) : sourceLabel(typed === undefined ? 'data' : 'user', undefined, lang),
      error: problem ? problem.message : null,
      choices: null,
    };
  });
}
