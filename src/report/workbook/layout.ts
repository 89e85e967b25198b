/**
 * Cell addresses of the workbook, said once: the builder writes there and the formulas refer there.
 * Years run across columns from C (timeline year t in column C + t); column B holds the valuation
 * date with a zero flow, so XNPV values every flow at that date.
 */

/** Column letters for a 1-based column number (1 → A, 27 → AA). */
export function columnName(n: number): string {
  let s = '';
  let k = n;
  while (k > 0) {
    const r = (k - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    k = Math.floor((k - 1) / 26);
  }
  return s;
}

/** Column of timeline year t (0-based): C, D, ... */
export function yearColumn(t: number): string {
  return columnName(3 + t);
}

/** Rows of a company sheet. */
export const ROW = {
  title: 1,
  note: 2,
  fiscalYear: 4,
  date: 5,
  basis: 6,
  capex: 7,
  aiShare: 8,
  aiCapex: 9,
  life: 10,
  computeCapex: 11,
  facilitiesCapex: 12,
  reportedRevenue: 13,
  dataPowerMw: 14,
  facilitiesBookAtEnd: 15,
  modelledRevenue: 17,
  revenue: 18,
  capacity: 19,
  powerMw: 20,
  powerCost: 21,
  computeDepreciation: 22,
  facilitiesDepreciation: 23,
  depreciation: 24,
  ebitda: 25,
  nopat: 26,
  salvage: 27,
  fcf: 28,
  npv: 30,
  irr: 31,
  /** First row of the vintage blocks (each block: a title row, then one row per vintage). */
  blocks: 33,
} as const;

/** Rows with a label in column A: `workbook.row.<key>` in locales/<lang>/workbook.json. */
export const LABELLED_ROWS = [
  'fiscalYear', 'date', 'basis', 'capex', 'aiShare', 'aiCapex', 'life', 'computeCapex', 'facilitiesCapex', 'reportedRevenue', 'dataPowerMw',
  'facilitiesBookAtEnd', 'modelledRevenue', 'revenue', 'capacity', 'powerMw', 'powerCost', 'computeDepreciation', 'facilitiesDepreciation',
  'depreciation', 'ebitda', 'nopat', 'salvage', 'fcf', 'npv', 'irr',
] as const satisfies readonly (keyof typeof ROW)[];
