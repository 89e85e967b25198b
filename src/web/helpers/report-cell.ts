import { yearsText, type NumberStyle } from '../../report/number-text';
import { formatCell, formatMultiple, formatNumber, formatPercent } from './format';
import { plain } from '../../i18n';

/**
 * A small fraction as a percentage with two significant digits: 0.000106 → "0.011%".
 * @example formatShare(0.000106) // "0.011%"
 */
export function formatShare(value: unknown): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return formatPercent(value);
  const pct = Math.abs(value * 100);
  const digits = pct === 0 || pct >= 10 ? 1 : Math.min(12, Math.max(1, 1 - Math.floor(Math.log10(pct))));
  return formatPercent(value, digits);
}

/**
 * A report table cell by its column format (src/report/table.ts): adds `multiple` (34.8×) and
 * `years` (7.4 years; a missing value reads "never", Korean "없음") to the shared cell formats.
 * @example formatReportCell(7.43, 'years') // "7.4"
 * @example formatReportCell(null, 'years') // "never"
 * @example formatReportCell(1.4e12, 'money', 'KRW') // "₩1.4T"
 */
export function formatReportCell(value: unknown, format: string, currency = 'USD', style?: NumberStyle): string {
  if (format === 'multiple') return formatMultiple(value);
  if (format === 'share') return formatShare(value);
  if (format === 'scientific') return typeof value === 'number' && Number.isFinite(value) ? value.toExponential(3).replace(/\.?0+e/, 'e').replace('e+', 'e') : formatCell(value, 'number', currency);
  if (format === 'years') return value === null || value === undefined ? plain(style?.lang ?? 'en', 'common.never') : typeof value === 'number' && Number.isFinite(value) ? yearsText(value) : formatNumber(value, 1);
  if (format === 'text' && typeof value === 'number') return String(value);
  return formatCell(value, format, currency, style);
}
