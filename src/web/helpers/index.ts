import Handlebars from 'handlebars';
import { formatCell, formatMoney, formatMultiple, formatNumber, formatPercent } from './format';
import { jsonForScript } from './json';
import { formatReportCell } from './report-cell';
import { shadeClass } from './shade';

type Options = Handlebars.HelperOptions;

/** Handlebars passes its options object last; drop it so optional arguments stay optional. */
function args(raw: unknown[]): unknown[] {
  return raw.slice(0, -1);
}

/** All view helpers by name. Templates only branch, loop and call these. */
export const helpers: Record<string, (...a: unknown[]) => unknown> = {
  money: (...a) => {
    const [v, cur] = args(a);
    return formatMoney(v, typeof cur === 'string' ? cur : 'USD');
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
    const [v, format] = args(a);
    return formatCell(v, typeof format === 'string' ? format : 'text');
  },
  /** Raw-safe JSON for script blocks: returned as SafeString because it is already escaped. */
  json: (...a) => new Handlebars.SafeString(jsonForScript(args(a)[0])),
  eq: (...a) => {
    const [x, y] = args(a);
    return x === y;
  },
  or: (...a) => args(a).some(Boolean),
  and: (...a) => args(a).every(Boolean),
  not: (...a) => !args(a)[0],
  /** Date of an ISO timestamp: "2026-11-22". */
  date: (...a) => {
    const [v] = args(a);
    return typeof v === 'string' ? v.slice(0, 10) : '';
  },
  /** A report cell by column format; an optional third argument is the currency of money cells. */
  reportCell: (...a) => {
    const [v, format, cur] = args(a);
    return formatReportCell(v, String(format ?? 'text'), typeof cur === 'string' ? cur : 'USD');
  },
  shade: (...a) => shadeClass(args(a)[0]),
};

export type { Options };
