import ExcelJS from 'exceljs';
import { neutralise } from '../csv';
import { hasMessage, textIn, type Lang } from '../../i18n';
import { LABELLED_ROWS, ROW, yearColumn } from './layout';

/**
 * One company's inputs to the workbook: what the model reads from the data (the plan), never the
 * model's results. Every result in the workbook is a formula over these and the assumptions.
 */
export interface WorkbookCompany {
  company: string;
  /** Fiscal years of the timeline (the data's years, then run-off years until the last compute retires). */
  timeline: number[];
  /** Each year's flow date, YYYY-MM-DD. */
  dates: string[];
  basis: string[];
  /** Index of the last data year in the timeline. */
  lastDataIndex: number;
  capexUsd: (number | null)[];
  /** AI share from the data; null where the scenario's applies. */
  dataShares: (number | null)[];
  /** Compute life of each vintage; null where the scenario's applies. */
  dataLives: (number | null)[];
  reportedRevenueUsd: (number | null)[];
  dataPowerMw: (number | null)[];
  notes: string[];
}

/** Assumption values the workbook's formulas refer to, each with where it came from. */
export interface WorkbookAssumption {
  key: string;
  label: string;
  value: number | string;
  source: string;
}

/** Keys the formulas use; the builder refuses a list missing one. */
export const WORKBOOK_KEYS = [
  'wacc', 'taxRate', 'aiCapexShare', 'gpuUsefulLifeYears', 'computeShare', 'facilityLifeYears', 'aiRevenueToCapex', 'aiRevenueGrowth',
  'tokenPriceDeflation', 'volumeElasticity', 'gpuUtilization', 'aiEbitdaMargin', 'powerMwPerBillionUsd', 'pue', 'powerPriceUsdPerKwh',
] as const;

/** Utilization at which `aiRevenueToCapex` is quoted (the model's REFERENCE_UTILIZATION). */
const REFERENCE_UTILIZATION = 0.7;

const SHEET_NAME_MAX = 31;

function excelSerial(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000 + 25_569;
}

/** A sheet name Excel accepts: no []:*?/\ , at most 31 characters, unique, never blank. */
function sheetName(company: string, taken: Set<string>): string {
  const base = (company.replace(/[^\p{L}\p{N} ._&-]+/gu, ' ').replace(/\s+/g, ' ').trim() || 'Company').slice(0, SHEET_NAME_MAX - 3);
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()) || name.toLowerCase() === 'assumptions'; i++) name = `${base} ${i}`;
  taken.add(name.toLowerCase());
  return name;
}

/**
 * The company model as a live Excel workbook: an Assumptions sheet (every value the formulas use,
 * with its source) and one sheet per company whose vintage cash flows are formulas over those
 * assumptions and the data, NPV by XNPV at the valuation date and IRR by XIRR. Change WACC (or any
 * assumption) in Excel and every figure follows; nothing computed by the app is written as a value.
 * The timeline (which years exist) is fixed by the app's run-off; amounts in USD. Labels, notes
 * and source words are in `lang`; keys (column B of the Assumptions sheet), sheet names and
 * formulas are the same in every language. Text cells are neutralised (`'` before a formula
 * trigger). Returns the .xlsx bytes.
 *
 * @example await buildWorkbook('Hyperscalers', companies, assumptions, '2022-12-31') // <Buffer 50 4b ...>
 */
export async function buildWorkbook(
  datasetName: string,
  companies: readonly WorkbookCompany[],
  assumptions: readonly WorkbookAssumption[],
  valuationDate: string,
  notes: readonly string[] = [],
  lang: Lang = 'en',
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'capexlens';
  wb.calcProperties.fullCalcOnLoad = true;
  const ref = assumptionsSheet(wb, datasetName, assumptions, valuationDate, notes, lang);
  const taken = new Set<string>();
  for (const c of companies) companySheet(wb, sheetName(c.company, taken), c, ref, lang);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

type Ref = (key: string) => string;

/** A word of the workbook's own vocabulary (a source, a basis) in `lang`, or the word as it is. */
function wordIn(lang: Lang, group: string, word: string): string {
  const key = `workbook.${group}.${word}`;
  return hasMessage('en', key) ? textIn(lang)(key) : word;
}

function assumptionsSheet(wb: ExcelJS.Workbook, datasetName: string, assumptions: readonly WorkbookAssumption[], valuationDate: string, notes: readonly string[], lang: Lang): Ref {
  const t = textIn(lang);
  // The sheet's name is part of every formula (Assumptions!$C$5), so it is the same in every language.
  const ws = wb.addWorksheet('Assumptions');
  ws.columns = [{ width: 44 }, { width: 24 }, { width: 16 }, { width: 12 }];
  ws.getCell('A1').value = neutralise(`capexlens: ${datasetName}`);
  ws.getCell('A1').font = { bold: true };
  ws.getCell('A2').value = t('workbook.intro');
  ws.getCell('A3').value = neutralise(notes.join(' '));
  ws.getRow(4).values = [t('workbook.column.assumption'), t('workbook.column.key'), t('workbook.column.value'), t('workbook.column.source')];
  ws.getRow(4).font = { bold: true };
  const address = new Map<string, string>();
  let r = 5;
  for (const a of assumptions) {
    ws.getCell(`A${r}`).value = neutralise(a.label);
    ws.getCell(`B${r}`).value = neutralise(a.key);
    ws.getCell(`C${r}`).value = typeof a.value === 'number' ? a.value : neutralise(a.value);
    ws.getCell(`D${r}`).value = neutralise(wordIn(lang, 'source', a.source));
    address.set(a.key, `Assumptions!$C$${r}`);
    r++;
  }
  for (const k of WORKBOOK_KEYS) if (!address.has(k)) throw new RangeError(`assumptions must include ${k}`);
  ws.getCell(`A${r}`).value = t('workbook.valuationDate');
  ws.getCell(`B${r}`).value = 'valuationDate';
  ws.getCell(`C${r}`).value = excelSerial(valuationDate);
  ws.getCell(`C${r}`).numFmt = 'yyyy-mm-dd';
  ws.getCell(`D${r}`).value = wordIn(lang, 'source', 'report');
  address.set('valuationDate', `Assumptions!$C$${r}`);
  r += 2;
  const get = (k: string): string => address.get(k) as string;
  ws.getCell(`A${r}`).value = t('workbook.derived.q');
  ws.getCell(`B${r}`).value = 'q';
  ws.getCell(`C${r}`).value = { formula: `(1+${get('aiRevenueGrowth')})*(1-${get('tokenPriceDeflation')})^(1-${get('volumeElasticity')})` };
  address.set('q', `Assumptions!$C$${r}`);
  r++;
  ws.getCell(`A${r}`).value = t('workbook.derived.yieldAtUtilization');
  ws.getCell(`B${r}`).value = 'yieldAtUtilization';
  ws.getCell(`C${r}`).value = { formula: `${get('aiRevenueToCapex')}*${get('gpuUtilization')}/${REFERENCE_UTILIZATION}` };
  address.set('yieldAtUtilization', `Assumptions!$C$${r}`);
  r++;
  ws.getCell(`A${r}`).value = t('workbook.derived.powerCostPerMw');
  ws.getCell(`B${r}`).value = 'powerCostPerMw';
  ws.getCell(`C${r}`).value = { formula: `8760*1000*${get('gpuUtilization')}*${get('pue')}*${get('powerPriceUsdPerKwh')}` };
  address.set('powerCostPerMw', `Assumptions!$C$${r}`);
  return get;
}

function companySheet(wb: ExcelJS.Workbook, name: string, c: WorkbookCompany, a: Ref, lang: Lang): void {
  const t_ = textIn(lang);
  const ws = wb.addWorksheet(name);
  const n = c.timeline.length;
  const last = yearColumn(n - 1);
  const col = (t: number): string => yearColumn(t);
  const at = (row: number, t: number): string => `${col(t)}${row}`;
  const set = (row: number, t: number, value: ExcelJS.CellValue, numFmt?: string): void => {
    const cell = ws.getCell(at(row, t));
    cell.value = value;
    if (numFmt) cell.numFmt = numFmt;
  };
  const f = (formula: string): ExcelJS.CellFormulaValue => ({ formula, date1904: false });
  ws.getColumn(1).width = 52;
  ws.getColumn(2).width = 13;
  for (let t = 0; t < n; t++) ws.getColumn(3 + t).width = 16;
  ws.getCell('A1').value = neutralise(c.company);
  ws.getCell('A1').font = { bold: true };
  ws.getCell('A2').value = neutralise(`${t_('workbook.companyIntro')} ${c.notes.join(' ')}`.trim());
  for (const key of LABELLED_ROWS) ws.getCell(`A${ROW[key]}`).value = t_(`workbook.row.${key}`);
  ws.getCell(`B${ROW.date}`).value = f(`MIN(${a('valuationDate')},C${ROW.date})`);
  ws.getCell(`B${ROW.date}`).numFmt = 'yyyy-mm-dd';
  ws.getCell(`B${ROW.fcf}`).value = 0;
  ws.getCell(`B${ROW.fiscalYear}`).value = t_('workbook.valuationColumn');
  const money = '#,##0;[Red]-#,##0';
  for (let t = 0; t < n; t++) {
    const data = t <= c.lastDataIndex;
    set(ROW.fiscalYear, t, c.timeline[t] as number);
    set(ROW.date, t, excelSerial(c.dates[t] as string), 'yyyy-mm-dd');
    set(ROW.basis, t, neutralise(wordIn(lang, 'basis', c.basis[t] ?? '')));
    const capex = c.capexUsd[t] ?? null;
    if (capex !== null) set(ROW.capex, t, capex, money);
    const share = c.dataShares[t] ?? null;
    set(ROW.aiShare, t, share !== null ? share : f(a('aiCapexShare')), '0.0%');
    set(ROW.aiCapex, t, data && capex !== null ? f(`${at(ROW.capex, t)}*${at(ROW.aiShare, t)}`) : 0, money);
    const life = c.dataLives[t] ?? null;
    set(ROW.life, t, life !== null ? life : f(a('gpuUsefulLifeYears')), '0.0');
    set(ROW.computeCapex, t, f(`${at(ROW.aiCapex, t)}*${a('computeShare')}`), money);
    set(ROW.facilitiesCapex, t, f(`${at(ROW.aiCapex, t)}*(1-${a('computeShare')})`), money);
    const reported = c.reportedRevenueUsd[t] ?? null;
    if (reported !== null) set(ROW.reportedRevenue, t, reported, money);
    const mw = c.dataPowerMw[t] ?? null;
    if (mw !== null) set(ROW.dataPowerMw, t, mw, '#,##0.0');
  }
  // Vintage blocks: row (block start + 1 + v), column of year t.
  const blocks = ['revenue', 'capacity', 'computeDepreciation', 'facilitiesDepreciation'].map((k) => t_(`workbook.block.${k}`));
  const blockRow = (b: number, v: number): number => ROW.blocks + b * (n + 2) + 1 + v;
  blocks.forEach((title, b) => {
    ws.getCell(`A${ROW.blocks + b * (n + 2)}`).value = title;
    ws.getCell(`A${ROW.blocks + b * (n + 2)}`).font = { bold: true };
    for (let v = 0; v < n; v++) {
      ws.getCell(`A${blockRow(b, v)}`).value = t_('workbook.vintage', { year: c.timeline[v] });
      const e = `$${col(v)}$${ROW.aiCapex}`;
      const life = `$${col(v)}$${ROW.life}`;
      for (let t = 0; t < n; t++) {
        const cell = ws.getCell(`${col(t)}${blockRow(b, v)}`);
        cell.numFmt = money;
        if (t < v) {
          cell.value = 0;
          continue;
        }
        const age = t - v;
        const serving = `MIN(1,MAX(0,${life}-${age}))`;
        if (b === 0) cell.value = f(`${e}*${a('yieldAtUtilization')}*${a('q')}^${age}*${serving}`);
        else if (b === 1) cell.value = f(`${e}*${serving}`);
        else if (b === 2) cell.value = f(`$${col(v)}$${ROW.computeCapex}*${serving}/${life}`);
        else cell.value = f(`$${col(v)}$${ROW.facilitiesCapex}*MIN(1,MAX(0,${a('facilityLifeYears')}-${age}))/${a('facilityLifeYears')}`);
      }
    }
  });
  const sumBlock = (b: number, t: number): string => `SUM(${col(t)}${blockRow(b, 0)}:${col(t)}${blockRow(b, n - 1)})`;
  for (let t = 0; t < n; t++) {
    const c_ = (row: number): string => at(row, t);
    // What each vintage's facilities still hold on the books at the end of the timeline.
    set(ROW.facilitiesBookAtEnd, t, f(`${c_(ROW.facilitiesCapex)}*MAX(0,${a('facilityLifeYears')}-${n - t})/${a('facilityLifeYears')}`), money);
    set(ROW.modelledRevenue, t, f(sumBlock(0, t)), money);
    set(ROW.revenue, t, f(`IF(ISBLANK(${c_(ROW.reportedRevenue)}),${c_(ROW.modelledRevenue)},${c_(ROW.reportedRevenue)})`), money);
    set(ROW.capacity, t, f(sumBlock(1, t)), money);
    set(ROW.powerMw, t, f(`IF(ISBLANK(${c_(ROW.dataPowerMw)}),${c_(ROW.capacity)}*${a('powerMwPerBillionUsd')}/1000000000,${c_(ROW.dataPowerMw)})`), '#,##0.0');
    set(ROW.powerCost, t, f(`${c_(ROW.powerMw)}*${a('powerCostPerMw')}`), money);
    set(ROW.computeDepreciation, t, f(sumBlock(2, t)), money);
    set(ROW.facilitiesDepreciation, t, f(sumBlock(3, t)), money);
    set(ROW.depreciation, t, f(`${c_(ROW.computeDepreciation)}+${c_(ROW.facilitiesDepreciation)}`), money);
    set(ROW.ebitda, t, f(`${c_(ROW.revenue)}*${a('aiEbitdaMargin')}-${c_(ROW.powerCost)}`), money);
    set(ROW.nopat, t, f(`(${c_(ROW.ebitda)}-${c_(ROW.depreciation)})*(1-${a('taxRate')})`), money);
    set(ROW.salvage, t, t === n - 1 ? f(`SUM(C${ROW.facilitiesBookAtEnd}:${last}${ROW.facilitiesBookAtEnd})`) : 0, money);
    set(ROW.fcf, t, f(`${c_(ROW.nopat)}+${c_(ROW.depreciation)}-(${c_(ROW.computeCapex)}+${c_(ROW.facilitiesCapex)})+${c_(ROW.salvage)}`), money);
  }
  ws.getCell(`C${ROW.npv}`).value = f(
    `XNPV(${a('wacc')},B${ROW.fcf}:${last}${ROW.fcf},B${ROW.date}:${last}${ROW.date})*(1+${a('wacc')})^((B${ROW.date}-${a('valuationDate')})/365)`,
  );
  ws.getCell(`C${ROW.npv}`).numFmt = money;
  ws.getCell(`C${ROW.irr}`).value = f(`XIRR(C${ROW.fcf}:${last}${ROW.fcf},C${ROW.date}:${last}${ROW.date})`);
  ws.getCell(`C${ROW.irr}`).numFmt = '0.00%';
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: ROW.date }];
}
