/**
 * Numbers in prose: the plain-language summaries are generated in the report layer (they are part
 * of the report model and its JSON twin), so they need their own small, tested formatters. Tables
 * and charts are formatted by the view helpers, never here.
 */

/** Rounds to `digits` significant decimals for prose, with no trailing zeros. */
function trim(n: number, digits: number): string {
  return String(Number(n.toFixed(digits)));
}

const SIGNS: Record<string, string> = { USD: '$', KRW: '₩' };

/**
 * Money for a sentence: `$1.2T`, `$600B`, `$5.6M`, `$950K`, `$120`; negative with a minus sign.
 * `currency` picks the sign (`₩` for KRW).
 * @example describeMoney(600e9) // '$600B'
 * @example describeMoney(1.4e12, 'KRW') // '₩1.4T'
 */
export function describeMoney(amount: number, currency = 'USD'): string {
  const sign = amount < 0 ? '−' : '';
  const $ = SIGNS[currency] ?? `${currency} `;
  const a = Math.abs(amount);
  if (a >= 1e12) return `${sign}${$}${trim(a / 1e12, 2)}T`;
  if (a >= 1e9) return `${sign}${$}${trim(a / 1e9, 1)}B`;
  if (a >= 1e6) return `${sign}${$}${trim(a / 1e6, 1)}M`;
  if (a >= 1e3) return `${sign}${$}${trim(a / 1e3, 1)}K`;
  return `${sign}${$}${trim(a, 0)}`;
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
 * A share price for a sentence, to the cent: 340.54 → `$340.54`.
 * @example describePrice(140.93) // '$140.93'
 */
export function describePrice(amount: number, currency = 'USD'): string {
  return `${amount < 0 ? '−' : ''}${SIGNS[currency] ?? `${currency} `}${Math.abs(amount).toFixed(currency === 'KRW' ? 0 : 2)}`;
}
