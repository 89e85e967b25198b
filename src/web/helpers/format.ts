/**
 * Number formatting for people. The one place numbers become display text; CSV and JSON keep raw
 * numbers. Every function returns an em dash for missing or non-finite values.
 */

const MISSING = '—';

function isNum(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

const CURRENCY_SIGNS: Record<string, string> = { USD: '$', KRW: '₩', EUR: '€', GBP: '£', JPY: '¥', CNY: '¥' };

/**
 * Money in short scale: 52_500_000_000 → "$52.5B"; 5_576_000 → "$5.58M"; -1200 → "−$1,200".
 * @example formatMoney(52.5e9) // "$52.5B"
 */
export function formatMoney(value: unknown, currency = 'USD'): string {
  if (!isNum(value)) return MISSING;
  const sign = value < 0 ? '−' : '';
  const abs = Math.abs(value);
  const prefix = CURRENCY_SIGNS[currency] ?? `${currency} `;
  const steps: [number, string][] = [
    [1e12, 'T'],
    [1e9, 'B'],
    [1e6, 'M'],
  ];
  for (const [size, suffix] of steps) {
    if (abs >= size) return `${sign}${prefix}${shortDigits(abs / size)}${suffix}`;
  }
  if (abs >= 1000) return `${sign}${prefix}${Math.round(abs).toLocaleString('en-US')}`;
  return `${sign}${prefix}${abs.toLocaleString('en-US', { maximumFractionDigits: 2 })}`;
}

/** Three significant digits, but never drops integer digits: 52.5, 5.58, 123, 1234. */
function shortDigits(x: number): string {
  if (x >= 100) return x.toLocaleString('en-US', { maximumFractionDigits: 0 });
  if (x >= 10) return x.toLocaleString('en-US', { maximumFractionDigits: 1 });
  return x.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/**
 * A fraction as a percentage: 0.445 → "44.5%".
 * @example formatPercent(0.445) // "44.5%"
 */
export function formatPercent(value: unknown, digits = 1): string {
  if (!isNum(value)) return MISSING;
  const s = (value * 100).toFixed(digits);
  return `${s.startsWith('-') ? '−' + s.slice(1) : s}%`;
}

/**
 * A valuation multiple: 35 → "35.0×".
 * @example formatMultiple(34.8) // "34.8×"
 */
export function formatMultiple(value: unknown, digits = 1): string {
  if (!isNum(value)) return MISSING;
  return `${value.toFixed(digits)}×`;
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
export function formatCell(value: unknown, format: string, currency = 'USD'): string {
  if (value === null || value === undefined || value === '') return MISSING;
  switch (format) {
    case 'money':
      return formatMoney(value, currency);
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
