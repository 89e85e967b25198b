import Handlebars from 'handlebars';
import { formatCell, formatMoney, formatMultiple, formatNumber, formatPercent, formatPrice } from './format';
import { dateText, DEFAULT_STYLE, type NumberStyle } from '../../report/number-text';
import { jsonForScript } from './json';
import { hasMessage, translate } from '../i18n';
import { formatReportCell } from './report-cell';
import { shadeClass } from './shade';

type Options = Handlebars.HelperOptions;

/** Handlebars passes its options object last; drop it so optional arguments stay optional. */
function args(raw: unknown[]): unknown[] {
  return raw.slice(0, -1);
}

/**
 * The reader's number style (language and won style), set per request on res.locals by the i18n
 * middleware and seen by helpers as the template's root data.
 */
function styleOf(raw: unknown[]): NumberStyle {
  const options = raw[raw.length - 1] as Options | undefined;
  const root = (options?.data as { root?: { lang?: unknown; won?: unknown } } | undefined)?.root;
  return {
    lang: root?.lang === 'ko' ? 'ko' : DEFAULT_STYLE.lang,
    won: root?.won === 'short' ? 'short' : root?.won === 'exact' ? 'exact' : DEFAULT_STYLE.won,
  };
}

/** All view helpers by name. Templates only branch, loop and call these. */
export const helpers: Record<string, (...a: unknown[]) => unknown> = {
  /**
   * A message in the reader's language: `{{t "nav.datasets"}}`, `{{t "datasets.rows" count=n}}`.
   * Locale text may hold markup; hash values are HTML-escaped, so the result is safe as it is.
   */
  t: (...a) => {
    const options = a[a.length - 1] as Options;
    const [key] = args(a);
    return new Handlebars.SafeString(translate(styleOf(a).lang, String(key), (options?.hash ?? {}) as Record<string, unknown>));
  },
  money: (...a) => {
    const [v, cur] = args(a);
    return formatMoney(v, typeof cur === 'string' ? cur : 'USD', styleOf(a));
  },
  /** A price per share in its currency: "₩75,000", "$340.54", Korean "75,000원". */
  price: (...a) => {
    const [v, cur] = args(a);
    return formatPrice(v, typeof cur === 'string' ? cur : 'USD', styleOf(a));
  },
  percent: (...a) => {
    const [v, d] = args(a);
    return formatPercent(v, typeof d === 'number' ? d : 1);
  },
  multiple: (...a) => {
    const [v, d] = args(a);
    return formatMultiple(v, typeof d === 'number' ? d : 1);
  },
  number: (...a) => {
    const [v, d] = args(a);
    return formatNumber(v, typeof d === 'number' ? d : 2);
  },
  /** A table cell by its column format (see report/columns.ts). */
  cell: (...a) => {
    const [v, format, cur] = args(a);
    return formatCell(v, typeof format === 'string' ? format : 'text', typeof cur === 'string' && cur !== '' ? cur : 'USD', styleOf(a));
  },
  /** Raw-safe JSON for script blocks: returned as SafeString because it is already escaped. */
  json: (...a) => new Handlebars.SafeString(jsonForScript(args(a)[0])),
  /**
   * A message by key when the reader's language (or English) has one, else `fallback` as plain
   * escaped text: `{{tOr (concat "field." key) label}}`. The fallback never goes through the
   * translator, so text from data or code is never read as markup or interpolation.
   */
  tOr: (...a) => {
    const [key, fallback] = args(a);
    const lang = styleOf(a).lang;
    const k = String(key);
    if (hasMessage(lang, k) || hasMessage('en', k)) return new Handlebars.SafeString(translate(lang, k));
    return new Handlebars.SafeString(Handlebars.escapeExpression(String(fallback ?? '')));
  },
  /** Joins its arguments into one string: `(concat "field." key)` builds a message key. */
  concat: (...a) => args(a).map((x) => String(x ?? '')).join(''),
  eq: (...a) => {
    const [x, y] = args(a);
    return x === y;
  },
  or: (...a) => args(a).some(Boolean),
  and: (...a) => args(a).every(Boolean),
  not: (...a) => !args(a)[0],
  /** Date of an ISO timestamp in the reader's language: "22 November 2026", "2026년 11월 22일". */
  date: (...a) => {
    const [v] = args(a);
    return typeof v === 'string' ? dateText(v, styleOf(a).lang) : '';
  },
  /** A report cell by column format; an optional third argument is the currency of money cells. */
  reportCell: (...a) => {
    const [v, format, cur] = args(a);
    return formatReportCell(v, String(format ?? 'text'), typeof cur === 'string' ? cur : 'USD', styleOf(a));
  },
  shade: (...a) => shadeClass(args(a)[0]),
};

export type { Options };
