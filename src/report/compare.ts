/**
 * Scenarios side by side (`/datasets/:id/compare`): the company report's comparison table under
 * each chosen scenario, one row per scenario and company, with the difference from the first
 * scenario, and a grouped bar chart of NPV. Reads the company report by its comparison table's
 * column keys, so the numbers are the report's own (one model, no second copy). Written in the
 * reader's language (labels, note, chart); column keys stay English. A won dataset compares in
 * won with the Korean defaults, as its company report opens (data-defaults.ts).
 */
import { parseAssumptions, type AssumptionKey, type ReportingCurrency } from './assumptions';
import { COLORS, type ChartConfig } from './charts';
import { buildCompanyReport } from './company-report';
import { currencyKey } from './currency';
import { applyDataDefaults } from './data-defaults';
import type { Row } from '../store/types';
import type { Cell, ColumnFormat, ReportTable } from './table';
import { tableRecords } from './table';
import { textIn, type Lang } from '../i18n';

/** A scenario to compare: a built-in slug or a saved id, its name, and the values it sets. */
export interface CompareScenario {
  /** `base`, `bull`, ... or the saved scenario's id as text. */
  id: string;
  /** The name shown (a built-in's in the reader's language). */
  name: string;
  values: Readonly<Record<string, number | string>>;
}

export interface Comparison {
  datasetName: string;
  lang: Lang;
  /** The currency of every money column (keys `npv_krw` ... in a won comparison). */
  currency: ReportingCurrency;
  scenarios: { id: string; name: string }[];
  table: ReportTable;
  chart: ChartConfig;
  /** Scenarios whose values no longer parse (e.g. a key whose meaning changed), with why. */
  problems: { scenario: string; message: string }[];
}

/**
 * The report's figures compared, with where each is read from the comparison table (first key
 * present wins, so a renamed column keeps working). Keys and sources are in USD; a won
 * comparison reads and writes them in KRW (`npv_krw`). Labels are `compare.figure.<label>`.
 */
const FIGURES: { key: string; diffKey: string; label: string; format: ColumnFormat; from: string[] }[] = [
  { key: 'npv_usd', diffKey: 'npv_vs_first_usd', label: 'npv', format: 'money', from: ['npv_usd'] },
  { key: 'irr_fraction', diffKey: 'irr_vs_first_fraction', label: 'irr', format: 'percent', from: ['irr_fraction'] },
  { key: 'payback_years', diffKey: 'payback_vs_first_years', label: 'payback', format: 'years', from: ['payback_years'] },
  { key: 'discounted_payback_years', diffKey: 'discounted_payback_vs_first_years', label: 'discountedPayback', format: 'years', from: ['discounted_payback_years'] },
  { key: 'unit_irr_fraction', diffKey: 'unit_irr_vs_first_fraction', label: 'unitIrr', format: 'percent', from: ['unit_irr_fraction'] },
  { key: 'break_even_revenue_yield', diffKey: 'break_even_revenue_yield_vs_first', label: 'breakEvenYield', format: 'number', from: ['break_even_revenue_yield'] },
  { key: 'p_npv_positive_fraction', diffKey: 'p_npv_positive_vs_first_fraction', label: 'pNpvPositive', format: 'percent', from: ['p_npv_positive_fraction', 'mc_p_npv_positive_fraction'] },
];

const PALETTE = [COLORS.capex, COLORS.high, COLORS.low, COLORS.discounted, COLORS.aiCapex, COLORS.depreciation, COLORS.marker];

function numberOrNull(v: Cell | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function diffOf(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : a - b;
}

/** One scenario's comparison-table records by company (plain data: cacheable, cloneable). */
export interface ScenarioFigures {
  scenario: CompareScenario;
  /** The currency the report was built in (its money keys end in it). */
  currency: ReportingCurrency;
  /** The company report's comparison table under this scenario, one record per company. */
  records: Record<string, Cell>[];
  problems: string[];
}

/**
 * The currency a comparison of `rows` is written in: the one typed in `query`, else the data's
 * (won for a won dataset), else USD. Every scenario is compared in it, so the differences between
 * rows are amounts of one currency even when a saved scenario names another.
 * @example compareCurrency(koreaRows) // 'KRW'
 */
export function compareCurrency(rows: Row[], query: Readonly<Record<string, unknown>> = {}): ReportingCurrency {
  return applyDataDefaults(parseAssumptions(query as Record<string, unknown>), rows).values.reportingCurrency;
}

/**
 * The company report under one scenario, reduced to its comparison table: the expensive part of a
 * comparison, separate so a caller can cache it per dataset revision, scenario and language. The
 * data's defaults apply where neither the scenario nor `query` sets a value, as on the report.
 * @example scenarioFigures('Hyperscalers', rows, { id: 'base', name: 'Base', values: {} }).records[0].npv_usd
 */
export function scenarioFigures(datasetName: string, rows: Row[], s: CompareScenario, query: Readonly<Record<string, unknown>> = {}, lang: Lang = 'en'): ScenarioFigures {
  const currency = compareCurrency(rows, query);
  const parsed = applyDataDefaults(parseAssumptions(query as Record<string, unknown>, s.values as Partial<Record<AssumptionKey, number | string>>, lang), rows);
  const values = { ...parsed.values, reportingCurrency: currency };
  const report = buildCompanyReport(datasetName, rows, { ...parsed, values }, lang);
  return { scenario: s, currency, records: tableRecords(report.tables.comparison), problems: parsed.problems.map((p) => `${s.name}: ${p.message}`) };
}

/**
 * Builds the comparison for a company dataset. `query` holds assumptions the user typed that
 * apply on top of every scenario (none by default). Pure: rows and scenarios in, plain data out.
 *
 * @example buildComparison('Hyperscalers', rows, [{ id: 'base', name: 'Base', values: {} }, { id: 'bull', name: 'Bull', values: { wacc: 0.08 } }]).table.rows.length
 */
export function buildComparison(datasetName: string, rows: Row[], scenarios: readonly CompareScenario[], query: Readonly<Record<string, unknown>> = {}, lang: Lang = 'en'): Comparison {
  return assembleComparison(datasetName, scenarios.map((s) => scenarioFigures(datasetName, rows, s, query, lang)), lang);
}

/** The comparison table and chart from each scenario's figures (the first is the baseline). */
export function assembleComparison(datasetName: string, figures: readonly ScenarioFigures[], lang: Lang = 'en'): Comparison {
  const t = textIn(lang);
  const currency = figures[0]?.currency ?? 'USD';
  const figureDefs = FIGURES.map((f) => ({ ...f, key: currencyKey(f.key, currency), diffKey: currencyKey(f.diffKey, currency), from: f.from.map((k) => currencyKey(k, currency)) }));
  const problems: Comparison['problems'] = figures.flatMap((f) => f.problems.map((message) => ({ scenario: f.scenario.name, message })));
  const perScenario = figures.map((f) => {
    const byCompany = new Map<string, Record<string, Cell>>();
    for (const rec of f.records) byCompany.set(String(rec['company']), rec);
    return { scenario: f.scenario, byCompany };
  });
  const companies = [...new Set(perScenario.flatMap((p) => [...p.byCompany.keys()]))];
  const figure = (rec: Record<string, Cell> | undefined, from: string[]): number | null => {
    if (!rec) return null;
    for (const k of from) if (k in rec) return numberOrNull(rec[k]);
    return null;
  };
  const first = perScenario[0];
  const tableRows: Cell[][] = [];
  for (const p of perScenario) {
    for (const company of companies) {
      const rec = p.byCompany.get(company);
      const base = first?.byCompany.get(company);
      const values = figureDefs.map((f) => figure(rec, f.from));
      const diffs = figureDefs.map((f) => diffOf(figure(rec, f.from), figure(base, f.from)));
      tableRows.push([p.scenario.name, company, ...values, ...diffs]);
    }
  }
  const firstName = first?.scenario.name ?? t('compare.theFirst');
  // "IRR of $1 of AI capex" names one unit of the comparison's own currency (₩1 in won).
  const label = (f: { label: string }) => t(`compare.figure.${f.label}`, { one: t(`compare.one.${currency}`) });
  const table: ReportTable = {
    name: 'compare',
    title: t('compare.title'),
    columns: [
      { key: 'scenario', label: t('compare.column.scenario'), format: 'text' },
      { key: 'company', label: t('compare.column.company'), format: 'text' },
      ...figureDefs.map((f) => ({ key: f.key, label: label(f), format: f.format })),
      ...figureDefs.map((f) => ({
        key: f.diffKey,
        label: t('compare.vsFirst', { label: label(f), first: firstName }),
        format: f.format,
      })),
    ],
    rows: tableRows,
    note: t('compare.note', { first: firstName }),
  };
  const chart: ChartConfig = {
    type: 'bar',
    data: {
      labels: companies,
      datasets: perScenario.map((p, i) => ({
        label: p.scenario.name,
        data: companies.map((c) => {
          const v = figure(p.byCompany.get(c), [currencyKey('npv_usd', currency)]);
          return v === null ? null : Math.round(v);
        }),
        backgroundColor: PALETTE[i % PALETTE.length] as string,
      })),
    },
    options: {
      plugins: { legend: { display: true }, title: { display: false, text: t('compare.chart.title') } },
      scales: { y: { beginAtZero: true, title: { display: true, text: t('compare.chart.axis') } } },
      // Korean ticks read 2조원 or 500억 달러 (public/js/charts.js); English ones $2B or ₩2T.
      meta: { yFormat: 'money', ...(currency === 'USD' ? {} : { currency }), ...(lang === 'en' ? {} : { lang }) },
    },
  };
  return { datasetName, lang, currency, scenarios: figures.map((f) => ({ id: f.scenario.id, name: f.scenario.name })), table, chart, problems };
}
