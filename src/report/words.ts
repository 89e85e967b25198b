/**
 * Numbers in prose: the plain-language summaries are generated in the report layer (they are part
 * of the report model and its JSON twin). Each kind of number follows the one rule tables follow
 * (number-text.ts), so a figure reads the same in a sentence as in the table beside it.
 */

import { DEFAULT_STYLE, moneyText, multipleText, percentText, priceText, yearsText, type NumberStyle } from './number-text';

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
 * A fraction as a percentage for a sentence, as tables write it: 0.09 → `9.0%`, 0.0625 → `6.3%`.
 * @example describePercent(0.09) // '9.0%'
 */
export function describePercent(fraction: number): string {
  return percentText(fraction);
}

/**
 * A span of years for a sentence, where null means "never": `in 7.4 years`, `now`, `never`.
 * @example describeYears(7.43) // 'in 7.4 years'
 */
export function describeYears(years: number | null): string {
  if (years === null) return 'never at that growth';
  if (years === 0) return 'already';
  return `in ${yearsText(years)} years`;
}

/**
 * A multiple for a sentence, as tables write it: 24.56 → `24.6×`.
 * @example describeMultiple(35) // '35.0×'
 */
export function describeMultiple(x: number): string {
  return multipleText(x);
}

/**
 * A share price for a sentence, to the cent (whole won): 340.54 → `$340.54`, 173900 KRW → `₩173,900`.
 * @example describePrice(140.93) // '$140.93'
 */
export function describePrice(amount: number, currency = 'USD', style: NumberStyle = DEFAULT_STYLE): string {
  return priceText(amount, currency, style);
}
