/**
 * Numbers in prose: the plain-language summaries are generated in the report layer (they are part
 * of the report model and its JSON twin), so they need their own small, tested formatters. Tables
 * and charts are formatted by the view helpers, never here.
 */

import { DEFAULT_STYLE, moneyText, priceText, type NumberStyle } from './number-text';

/** Rounds to `digits` significant decimals for prose, with no trailing zeros. */
function trim(n: number, digits: number): string {
  return String(Number(n.toFixed(digits)));
}

/**
 * Money for a sentence, rounded as the tables round it (number-text.ts): `$1.25T`, `$600B`,
 * `$5.58M`, `$950`; negative with a minus sign. `currency` picks the sign (`₩` for KRW); in Korean
 * won reads `53조 1,139억원` (or `53.1조원`) and dollars `525억 달러`.
 * @example describeMoney(600e9) // '$600B'
 * @example describeMoney(1.4e12, 'KRW') // '₩1.4T'
 * @example describeMoney(52.5e9, 'USD', { lang: 'ko', won: 'exact' }) // '525억 달러'
 */
export function describeMoney(amount: number, currency = 'USD', style: NumberStyle = DEFAULT_STYLE): string {
  return moneyText(amount, currency, style);
}

/**
 * A fraction as a percentage for a sentence: 0.09 → `9%`, 0.0625 → `6.3%`.
 * @example describePercent(0.09) // '9%'
 */
export function describePercent(fraction: number): string {
  const pct = fraction * 100;
  const digits = Math.abs(pct) >= 10 || Number.isInteger(pct) ? 0 : 1;
  return `${trim(pct, digits).replace('-', '−')}%`;
}

/**
 * A span of years for a sentence, where null means "never": `in 7.4 years`, `now`, `never`.
 * @example describeYears(7.43) // 'in 7.4 years'
 */
export function describeYears(years: number | null): string {
  if (years === null) return 'never at that growth';
  if (years === 0) return 'already';
  return `in ${trim(years, 1)} years`;
}

/**
 * A multiple for a sentence: 24.56 → `24.6×`.
 * @example describeMultiple(35) // '35×'
 */
export function describeMultiple(x: number): string {
  return `${trim(x, 1)}×`;
}

/**
 * A share price for a sentence, to the cent (whole won): 340.54 → `$340.54`, 173900 KRW → `₩173,900`.
 * @example describePrice(140.93) // '$140.93'
 */
export function describePrice(amount: number, currency = 'USD', style: NumberStyle = DEFAULT_STYLE): string {
  return priceText(amount, currency, style);
}
