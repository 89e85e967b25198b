/**
 * The heavy report builders a worker runs, each a pure function of plain data (rows, parsed
 * assumptions, options) to a plain object, so input and output cross threads by structured clone.
 * Each result passes the finite check here, in the worker, so the main thread never walks a big
 * report. Add a job by adding an entry; callers name it in runReport.
 */
import { buildCompanyReport, reportJson, type CompanyReport } from '../company-report';
import type { ParsedAssumptions } from '../assumptions';
import { datasetSpend, type DatasetSpend } from '../industry-report';
import { buildModelEconomics, type LensInput, type ModelEconomicsOptions } from '../model-economics';
import { checked } from '../finite';
import type { Row } from '../../store/types';
import type { Lang } from '../../i18n';
import type { WonStyle } from '../number-text';

/** The assumptions that compound over the horizon: what to reduce when a company report overflows. */
export const COMPANY_GROWTH_DRIVERS = ['gpuUsefulLifeYears', 'horizonYears', 'tokenPriceDeflation', 'volumeElasticity', 'aiRevenueGrowth', 'aiRevenueToCapex'];

export interface CompanyJob {
  datasetName: string;
  /** The reader's language: the report's titles, notes, chart labels and summaries are written in it. */
  lang?: Lang;
  /** How a Korean summary writes won (53조 1,139억원 or 53.1조원), as the reader's tables do. */
  won?: WonStyle;
  rows: Row[];
  parsed: Pick<ParsedAssumptions, 'values' | 'sources'> & { prices?: Record<string, number>; metrics?: ParsedAssumptions['metrics']; mc?: ParsedAssumptions['mc'] };
}

export interface CompanyJsonJob extends CompanyJob {
  /** Fields put before the report's own in the JSON text (dataset, scenario, query). */
  head: Record<string, unknown>;
}

export interface ModelsJob {
  /** The reader's language: titles, labels, text cells, chart words and the summary are written in it. */
  lang?: Lang;
  rows: Row[];
  options: ModelEconomicsOptions;
  lens: LensInput | null;
  reduce: string[];
}

/** The industry report's sum of one company dataset's AI capex in a year. */
export interface IndustrySumJob {
  datasetName: string;
  rows: Row[];
  aiCapexShare: number;
  /** Calendar year to sum; the latest every company covers when absent. */
  year?: number;
  includeGuidance?: boolean;
}

export const JOBS = {
  company: (j: CompanyJob): CompanyReport => checked(() => buildCompanyReport(j.datasetName, j.rows, j.parsed, j.lang ?? 'en', j.won ?? 'exact'), COMPANY_GROWTH_DRIVERS),
  /** The company report's JSON twin as text: stringifying a big report is itself heavy work. */
  companyJson: (j: CompanyJsonJob): string => {
    const report = checked(() => buildCompanyReport(j.datasetName, j.rows, j.parsed, j.lang ?? 'en', j.won ?? 'exact'), COMPANY_GROWTH_DRIVERS);
    return JSON.stringify({ ...j.head, ...reportJson(report) });
  },
  models: (j: ModelsJob) => checked(() => buildModelEconomics(j.rows, j.options, j.lens, j.lang ?? 'en'), j.reduce),
  industrySum: (j: IndustrySumJob): DatasetSpend | null => checked(() => datasetSpend(j.datasetName, j.rows, j.aiCapexShare, j.year, { includeGuidance: j.includeGuidance ?? true }), ['the dataset']),
  /** Busy-waits `ms` milliseconds: lets tests and benches load the pool with a known cost. */
  spin: (j: { ms: number }): number => {
    const end = Date.now() + j.ms;
    let n = 0;
    while (Date.now() < end) n++;
    return n;
  },
};

export type JobName = keyof typeof JOBS;
export type JobInput<K extends JobName> = Parameters<(typeof JOBS)[K]>[0];
export type JobOutput<K extends JobName> = ReturnType<(typeof JOBS)[K]>;

/** Runs one job on the current thread (the worker, or the main thread when the pool is off). */
export function runJob<K extends JobName>(name: K, input: JobInput<K>): JobOutput<K> {
  const job = JOBS[name] as (i: JobInput<K>) => JobOutput<K>;
  return job(input);
}
