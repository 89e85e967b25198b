/**
 * Number formatting for people. The one place numbers become display text; CSV and JSON keep raw
 * numbers. Every function returns an em dash for missing or non-finite values.
 */

import { DEFAULT_STYLE, moneyText, multipleText, percentText, priceText, type NumberStyle } from '../../report/number-text';

const MISSING = '—';

function isNum(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/**
 * Money in the reader's language, rounded by the shared rule (report/number-text.ts): English
 * short scale (52_500_000_000 → "$52.5B", -1200 → "−$1,200"); Korean won in 조/억 and dollars in
 * Korean units ("525억 달러").
 * @example formatMoney(52.5e9) // "$52.5B"
 * @example formatMoney(53.1139e12, 'KRW', { lang: 'ko', won: 'exact' }) // "53조 1,139억원"
 */
export function formatMoney(value: unknown, currency = 'USD', style: NumberStyle = DEFAULT_STYLE): string {
  if (!isNum(value)) return MISSING;
  return moneyText(value, currency, style);
}

/**
 * A price per share: whole won, cents otherwise ("₩75,000", "$340.54"; Korean "75,000원").
 * @example formatPrice(75000, 'KRW') // "₩75,000"
 */
export function formatPrice(value: unknown, currency = 'USD', style: NumberStyle = DEFAULT_STYLE): string {
  if (!isNum(value)) return MISSING;
  return priceText(value, currency, style);
}

/**
 * A fraction as a percentage, by the rule prose uses too (report/number-text.ts): 0.445 → "44.5%".
 * @example formatPercent(0.445) // "44.5%"
 */
export function formatPercent(value: unknown, digits = 1): string {
  if (!isNum(value)) return MISSING;
  return percentText(value, digits);
}

/**
 * A valuation multiple, by the rule prose uses too: 35 → "35.0×".
 * @example formatMultiple(34.8) // "34.8×"
 */
export function formatMultiple(value: unknown, digits = 1): string {
  if (!isNum(value)) return MISSING;
  return multipleText(value, digits);
}

/**
 * A plain number with thousands separators; large values in short scale (3.29e24 → "3.29e24").
 * @example formatNumber(1234.567, 1) // "1,234.6"
 */
export function formatNumber(value: unknown, digits = 2): string {
  if (!isNum(value)) return MISSING;
  if (Math.abs(value) >= 1e15) return value.toExponential(2).replace('e+', 'e');
  const s = value.toLocaleString('en-US', { maximumFractionDigits: digits });
  return s.startsWith('-') ? '−' + s.slice(1) : s;
}

/**
 * A value by column format: money (in `currency`, USD by default), percent, number, integer, year or text.
 * @example formatCell(0.445, 'percent') // "44.5%"
 */
export function formatCell(value: unknown, format: string, currency = 'USD', style: NumberStyle = DEFAULT_STYLE): string {
  if (value === null || value === undefined || value === '') return MISSING;
  switch (format) {
    case 'money':
      return formatMoney(value, currency, style);
    case 'price':
      return formatPrice(value, currency, style);
    case 'percent':
      return formatPercent(value);
    case 'integer':
      return formatNumber(value, 0);
    case 'year':
      return typeof value === 'number' ? String(value) : String(value);
    case 'number':
      return typeof value === 'number' ? formatNumber(value, 2) : String(value);
    default:
      return String(value);
  }
}
