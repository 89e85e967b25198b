/**
 * The one rounding rule and the money words shared by tables (web/helpers/format.ts) and prose
 * (report/words.ts), so a figure reads the same in a sentence as in the table beside it.
 *
 * One precision rule per kind of number (docs/methodology.md, "How numbers are written"):
 * - money (`roundShort`): three significant digits, but never fewer than the integer digits
 *   (52.535 → 52.5, 5.576 → 5.58, 774.8 → 775, 7,562.4 → 7,562). Every scaled amount ($52.5B,
 *   53.1조원, 525억 달러) is rounded by it; won written out in 조 and 억 is rounded to the 억.
 * - percentages (`percentText`): one decimal, always shown: 9.0%, 44.5%, −2.1%.
 * - multiples (`multipleText`): one decimal, always shown: 25.0×, 34.8×.
 * - years (`yearsText`): at most one decimal, none when whole: 7.5, 7.
 */

import type { Lang } from '../i18n';

export type { Lang } from '../i18n';

/** How won amounts are written in Korean: `53조 1,139억원` (exact, to the 억) or `53.1조원` (short). */
export type WonStyle = 'exact' | 'short';

export interface NumberStyle {
  lang: Lang;
  won: WonStyle;
}

export const DEFAULT_STYLE: Readonly<NumberStyle> = Object.freeze({ lang: 'en', won: 'exact' });

const MINUS = '−';
const SIGNS: Record<string, string> = { USD: '$', KRW: '₩', EUR: '€', GBP: '£', JPY: '¥', CNY: '¥' };

/**
 * Rounds to three significant digits without dropping integer digits.
 * @example roundShort(5.576) // 5.58
 * @example roundShort(7562.4) // 7562
 */
export function roundShort(x: number): number {
  const a = Math.abs(x);
  const digits = a >= 100 ? 0 : a >= 10 ? 1 : 2;
  return Number(x.toFixed(digits));
}

/**
 * A number with thousands separators (the same in English and Korean) and at most `maxFraction`
 * decimals, no trailing zeros; negative with a true minus sign.
 * @example grouped(1234.5, 1) // '1,234.5'
 */
export function grouped(x: number, maxFraction = 0): string {
  const s = formatterFor(maxFraction).format(x);
  return s.startsWith('-') ? MINUS + s.slice(1) : s;
}

/**
 * One Intl.NumberFormat per decimal count: toLocaleString builds a formatter on every call, which
 * made the summaries of a thousand-company report spend a fifth of a second on separators.
 */
const FORMATTERS = new Map<number, Intl.NumberFormat>();
function formatterFor(maxFraction: number): Intl.NumberFormat {
  let f = FORMATTERS.get(maxFraction);
  if (!f) FORMATTERS.set(maxFraction, (f = new Intl.NumberFormat('en-US', { maximumFractionDigits: maxFraction })));
  return f;
}

/**
 * A fraction as a percentage, by the one rule for percentages: one decimal, always shown, with a
 * true minus sign. `digits` is for the few places that need more (shares far below 1%).
 * @example percentText(0.09) // '9.0%'
 * @example percentText(-0.0212) // '−2.1%'
 */
export function percentText(fraction: number, digits = 1): string {
  const s = (fraction * 100).toFixed(digits);
  // −0.0% reads as 0.0%: a sign with no digit behind it tells nothing.
  const body = /^-0\.?0*$/.test(s) ? s.slice(1) : s;
  return `${body.startsWith('-') ? MINUS + body.slice(1) : body}%`;
}

/**
 * A multiple (P/E, EV/EBITDA), by the one rule for multiples: one decimal, always shown.
 * @example multipleText(25) // '25.0×'
 */
export function multipleText(x: number, digits = 1): string {
  const s = x.toFixed(digits);
  return `${s.startsWith('-') ? MINUS + s.slice(1) : s}×`;
}

/**
 * A span of years (payback, a server life), by the one rule for years: at most one decimal, none
 * when whole, thousands separated.
 * @example yearsText(7.46) // '7.5'
 * @example yearsText(7) // '7'
 */
export function yearsText(years: number): string {
  return grouped(years, 1);
}

/** A short-rounded number with separators: 7562.4 → '7,562', 5.576 → '5.58'. */
function shortText(x: number): string {
  return grouped(roundShort(x), 2);
}

/** Won in Korean, to the 억 from 1억 up: `53조 1,139억원`, `7,562억원`; below, every digit: `651,000원`. */
function wonExact(abs: number): string {
  if (abs >= 1e8) {
    const eok = Math.round(abs / 1e8);
    const jo = Math.floor(eok / 1e4);
    const rest = eok % 1e4;
    if (jo === 0) return `${grouped(rest)}억원`;
    return rest === 0 ? `${grouped(jo)}조원` : `${grouped(jo)}조 ${grouped(rest)}억원`;
  }
  return `${grouped(abs)}원`;
}

/** Won in Korean, short: `53.1조원`, `7,562억원`, `350만원`, `651,000원` (below 100만). */
function wonShort(abs: number): string {
  if (abs >= 1e12) return `${shortText(abs / 1e12)}조원`;
  if (abs >= 1e8) return `${shortText(abs / 1e8)}억원`;
  if (abs >= 1e6) return `${shortText(abs / 1e4)}만원`;
  return `${grouped(abs)}원`;
}

/** Another currency in Korean units: `525억 달러`, `1.25조 달러`, `558만 달러`, `340.54달러`. */
function koreanUnits(abs: number, word: string): string {
  if (abs >= 1e12) return `${shortText(abs / 1e12)}조 ${word}`;
  if (abs >= 1e8) return `${shortText(abs / 1e8)}억 ${word}`;
  if (abs >= 1e6) return `${shortText(abs / 1e4)}만 ${word}`;
  return `${grouped(abs, 2)}${word}`;
}

const KOREAN_CURRENCY_WORDS: Record<string, string> = { USD: '달러', EUR: '유로', JPY: '엔', CNY: '위안', GBP: '파운드' };

/**
 * An amount of money for people, in the reader's language. English uses the short scale with the
 * currency's sign ($52.5B, ₩53.1T); Korean writes won in 조/억 (`53조 1,139억원`, or `53.1조원`
 * in the short style) and other currencies in Korean units (`525억 달러`).
 * @example moneyText(52.5e9, 'USD') // '$52.5B'
 * @example moneyText(53_113_900_000_000, 'KRW', { lang: 'ko', won: 'exact' }) // '53조 1,139억원'
 * @example moneyText(52.5e9, 'USD', { lang: 'ko', won: 'exact' }) // '525억 달러'
 */
export function moneyText(amount: number, currency = 'USD', style: NumberStyle = DEFAULT_STYLE): string {
  const sign = amount < 0 ? MINUS : '';
  const abs = Math.abs(amount);
  if (style.lang === 'ko') {
    if (currency === 'KRW') return sign + (style.won === 'short' ? wonShort(abs) : wonExact(abs));
    const word = KOREAN_CURRENCY_WORDS[currency];
    if (word) return sign + koreanUnits(abs, word);
  }
  const prefix = SIGNS[currency] ?? `${currency} `;
  if (abs >= 1e12) return `${sign}${prefix}${shortText(abs / 1e12)}T`;
  if (abs >= 1e9) return `${sign}${prefix}${shortText(abs / 1e9)}B`;
  if (abs >= 1e6) return `${sign}${prefix}${shortText(abs / 1e6)}M`;
  if (abs >= 1000) return `${sign}${prefix}${grouped(Math.round(abs))}`;
  return `${sign}${prefix}${grouped(abs, 2)}`;
}

/**
 * A price per share or per unit, whole won or to the cent: `$340.54`, `₩173,900`; Korean
 * `173,900원`, `340.54달러`.
 * @example priceText(173900, 'KRW') // '₩173,900'
 */
export function priceText(amount: number, currency = 'USD', style: NumberStyle = DEFAULT_STYLE): string {
  const sign = amount < 0 ? MINUS : '';
  const abs = Math.abs(amount);
  const body = currency === 'KRW' || currency === 'JPY' ? grouped(Math.round(abs)) : abs.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  if (style.lang === 'ko') {
    if (currency === 'KRW') return `${sign}${body}원`;
    const word = KOREAN_CURRENCY_WORDS[currency];
    if (word) return `${sign}${body}${word}`;
  }
  return `${sign}${SIGNS[currency] ?? `${currency} `}${body}`;
}

/**
 * A date (ISO text or Date) in the reader's language: `1 December 2026`, `2026년 12월 1일`.
 * @example dateText('2026-12-01T10:00:00Z', 'ko') // '2026년 12월 1일'
 */
export function dateText(value: string | Date, lang: Lang): string {
  const d = typeof value === 'string' ? new Date(value.length === 10 ? `${value}T00:00:00Z` : value) : value;
  if (Number.isNaN(d.getTime())) return typeof value === 'string' ? value : '';
  return new Intl.DateTimeFormat(lang === 'ko' ? 'ko-KR' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(d);
}
