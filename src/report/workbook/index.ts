/**
 * `/datasets/:id/report.xlsx`: the company model as a live workbook (see build.ts). Reads the data
 * exactly as the company report does (rows in USD, one plan per company, the report's valuation
 * date), so a workbook recomputed by a spreadsheet gives the report's numbers.
 */
import { ASSUMPTION_DEFS, assumptionText, type ParsedAssumptions } from '../assumptions';
import { planCompany, groupByCompany, type ModelOptions } from '../company-model';
import { reportValuationDate } from '../company-report';
import { rowsInUsd } from '../data-currency';
import type { Row } from '../../store/types';
import { textIn, type Lang } from '../../i18n';
import { buildWorkbook, WORKBOOK_KEYS, type WorkbookAssumption } from './build';
import { workbookCompany } from './from-plan';

/** The workbook's bytes, or why it cannot be made for these assumptions (a 422 naming the key). */
export type WorkbookResult = { kind: 'ok'; bytes: Buffer } | { kind: 'unsupported'; key: string; message: string };

/**
 * Builds the workbook of a company dataset under resolved assumptions. Amounts are in USD whatever
 * the reporting currency (the sheet says so); `capacityAfterData=sustain` is not modelled in the
 * workbook yet and is refused naming the key. Labels and notes are in `lang`.
 * @example (await companyWorkbook('Hyperscalers', rows, parseAssumptions({}))).kind // 'ok'
 */
export async function companyWorkbook(datasetName: string, rows: Row[], parsed: Pick<ParsedAssumptions, 'values' | 'sources'>, lang: Lang = 'en'): Promise<WorkbookResult> {
  const a = parsed.values;
  if (a.capacityAfterData === 'sustain') {
    return { kind: 'unsupported', key: 'capacityAfterData', message: 'The workbook models capacityAfterData=run-off (the spending in the data until its last compute retires); sustain is not in the workbook yet.' };
  }
  const opts: ModelOptions = { lifeFromData: parsed.sources.gpuUsefulLifeYears === 'default', lang };
  const data = rowsInUsd(rows, a);
  const plans = [...groupByCompany(data.rows)].map(([company, companyRows]) => planCompany(company, companyRows, a, opts)).filter((p) => p !== null);
  const { date } = reportValuationDate(plans, a);
  // Each assumption by the name its form field has in the reader's language.
  const labels = new Map(ASSUMPTION_DEFS.map((d) => [d.key as string, assumptionText(d, lang).label]));
  const assumptions: WorkbookAssumption[] = WORKBOOK_KEYS.map((key) => ({
    key,
    label: labels.get(key) ?? key,
    value: a[key],
    source: parsed.sources[key] ?? 'default',
  }));
  const companies = plans.map((p) => workbookCompany(p, a.gpuUsefulLifeYears));
  const notes = [...data.skipped, ...(a.reportingCurrency !== 'USD' ? [textIn(lang)('workbook.inUsd', { currency: a.reportingCurrency })] : [])];
  return { kind: 'ok', bytes: await buildWorkbook(datasetName, companies, assumptions, date, notes, lang) };
}
