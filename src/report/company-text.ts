/**
 * Words of the company report that come from code values (a year's basis, an IRR's kind, an
 * assumption's source, an assumption's name) in the reader's language. English keeps the values
 * as they always read; Korean reads them from locales/ko/company.json. A value with no message
 * (an unusual basis typed in the data) is shown as it is.
 */
import { hasMessage, plain, type Lang } from '../i18n';
import { ASSUMPTION_DEFS, assumptionText } from './assumptions';

/** A code value's word under `company.<group>.<value>`, else the value itself. */
export function wordOf(lang: Lang, group: string, value: string): string {
  if (!/^[A-Za-z][A-Za-z0-9-]*$/.test(value)) return value;
  const key = `company.${group}.${value}`;
  return hasMessage(lang, key) ? plain(lang, key) : value;
}

/**
 * An assumption's name for people: its form label in the reader's language (assumptionText,
 * locales/<lang>/assumptions.json), so the form, the printed table and the tornado say the same.
 * @example assumptionLabel('wacc', 'ko') // '할인율(WACC)'
 */
export function assumptionLabel(key: string, lang: Lang): string {
  const def = ASSUMPTION_DEFS.find((d) => d.key === key);
  return def ? assumptionText(def, lang).label : key;
}

/**
 * Where an assumption's value came from, as the CSV `# key,value,source` lines and the printed
 * assumptions table say it: `default`, `data`, `user`, `scenario`, `data, else default`.
 * @example sourceWord('data, else default', 'ko') // '데이터, 없으면 기본값'
 */
export function sourceWord(source: string, lang: Lang): string {
  if (lang === 'en') return source;
  if (source === 'data, else default') return plain(lang, 'company.source.dataElseDefault');
  return wordOf(lang, 'source', source);
}

/**
 * An assumption line's value when it is a word rather than a number: "from the data" (a value
 * the data supplies), "wacc" (RONIC equal to the WACC).
 */
export function lineValueText(value: string | number, lang: Lang): string | number {
  if (lang === 'en' || typeof value === 'number') return value;
  if (value === 'from the data') return plain(lang, 'company.value.fromData');
  return value;
}

/**
 * An assumption's value as the printed assumptions table shows it: a choice (`run-off`, `none`,
 * `true`) in the reader's words; numbers and other text as they are. CSV lines keep the choice
 * itself (it is what the query takes).
 */
export function printedValue(value: string | number, lang: Lang): string | number {
  const v = lineValueText(value, lang);
  return typeof v === 'string' ? wordOf(lang, 'choice', v) : v;
}

/**
 * One unit of the report's currency as Korean messages write it ("1달러", "1원"): the unit
 * economics are per unit of AI capex, in whatever currency the report reads. English messages
 * keep their "$1" wording and do not use it.
 */
export function unitWord(lang: Lang, currency: string): string {
  return plain(lang, currency === 'KRW' ? 'company.value.oneWon' : 'company.value.oneDollar');
}
