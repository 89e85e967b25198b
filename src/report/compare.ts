/**
 * Scenarios side by side (`/datasets/:id/compare`): the company report's comparison table under
 * each chosen scenario, one row per scenario and company, with the difference from the first
 * scenario, and a grouped bar chart of NPV. Reads the company report by its comparison table's
 * column keys, so the numbers are the report's own (one model, no second copy).
 */
import { parseAssumptions, type AssumptionKey } from './assumptions';
import { COLORS, type ChartConfig } from './charts';
import { buildCompanyReport } from './company-report';
import type { Row } from '../store/types';
import type { Cell, ReportTable } from './table';
import { tableRecords } from './table';

/** A scenario to compare: a built-in slug or a saved id, its name, and the values it sets. */
export interface CompareScenario {
  /** `base`, `bull`, ... or the saved scenario's id as text. */
  id: string;
  name: string;
  values: Readonly<Record<string, number | string>>;
}

export interface Comparison {
  datasetName: string;
  scenarios: { id: string; name: string }[];
  table: ReportTable;
  chart: ChartConfig;
  /** Scenarios whose values no longer parse (e.g. a key whose meaning changed), with why. */
  problems: { scenario: string; message: string }[];
}

/**
 * The report's figures compared, with where each is read from the comparison table (first key
 * present wins, so a renamed column keeps working).
 */
const FIGURES: { key: string; diffKey: string; label: string; format: 'money' | 'percent' | 'years' | 'number'; from: string[] }[] = [
  { key: 'npv_usd', diffKey: 'npv_vs_first_usd', label: 'NPV', format: 'money', from: ['npv_usd'] },
  { key: 'irr_fraction', diffKey: 'irr_vs_first_fraction', label: 'IRR', format: 'percent', from: ['irr_fraction'] },
  { key: 'payback_years', diffKey: 'payback_vs_first_years', label: 'Payback (years)', format: 'years', from: ['payback_years'] },
  { key: 'discounted_payback_years', diffKey: 'discounted_payback_vs_first_years', label: 'Discounted payback (years)', format: 'years', from: ['discounted_payback_years'] },
  { key: 'unit_irr_fraction', diffKey: 'unit_irr_vs_first_fraction', label: 'IRR of $1 of AI capex', format: 'percent', from: ['unit_irr_fraction'] },
  { key: 'break_even_revenue_yield', diffKey: 'break_even_revenue_yield_vs_first', label: 'Break-even revenue yield', format: 'number', from: ['break_even_revenue_yield'] },
  { key: 'p_npv_positive_fraction', diffKey: 'p_npv_positive_vs_first_fraction', label: 'P(NPV > 0)', format: 'percent', from: ['p_npv_positive_fraction', 'mc_p_npv_positive_fraction'] },
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
  /** The company report's comparison table under this scenario, one record per company. */
  records: Record<string, Cell>[];
  problems: string[];
}

/**
 * The company report under one scenario, reduced to its comparison table: the expensive part of a
 * comparison, separate so a caller can cache it per dataset revision and scenario.
 * @example scenarioFigures('Hyperscalers', rows, { id: 'base', name: 'Base', values: {} }).records[0].npv_usd
 */
export function scenarioFigures(datasetName: string, rows: Row[], s: CompareScenario, query: Readonly<Record<string, unknown>> = {}): ScenarioFigures {
  const parsed = parseAssumptions(query as Record<string, unknown>, s.values as Partial<Record<AssumptionKey, number | string>>);
  const report = buildCompanyReport(datasetName, rows, parsed);
  return { scenario: s, records: tableRecords(report.tables.comparison), problems: parsed.problems.map((p) => `${s.name}: ${p.message}`) };
}

/**
 * Builds the comparison for a company dataset. `query` holds assumptions the user typed that
 * apply on top of every scenario (none by default). Pure: rows and scenarios in, plain data out.
 *
 * @example buildComparison('Hyperscalers', rows, [{ id: 'base', name: 'Base', values: {} }, { id: 'bull', name: 'Bull', values: { wacc: 0.08 } }]).table.rows.length
 */
export function buildComparison(datasetName: string, rows: Row[], scenarios: readonly CompareScenario[], query: Readonly<Record<string, unknown>> = {}): Comparison {
  return assembleComparison(datasetName, scenarios.map((s) => scenarioFigures(datasetName, rows, s, query)));
}

/** The comparison table and chart from each scenario's figures (the first is the baseline). */
export function assembleComparison(datasetName: string, figures: readonly ScenarioFigures[]): Comparison {
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
      const values = FIGURES.map((f) => figure(rec, f.from));
      const diffs = FIGURES.map((f) => diffOf(figure(rec, f.from), figure(base, f.from)));
      tableRows.push([p.scenario.name, company, ...values, ...diffs]);
    }
  }
  const firstName = first?.scenario.name ?? 'the first scenario';
  const table: ReportTable = {
    name: 'compare',
    title: 'Scenarios compared',
    columns: [
      { key: 'scenario', label: 'Scenario', format: 'text' },
      { key: 'company', label: 'Company', format: 'text' },
      ...FIGURES.map((f) => ({ key: f.key, label: f.label, format: f.format })),
      ...FIGURES.map((f) => ({
        key: f.diffKey,
        label: `${f.label} vs ${firstName}`,
        format: f.format,
      })),
    ],
    rows: tableRows,
    note: `Each scenario is the company report under its assumptions; "vs ${firstName}" is this row minus the same company under ${firstName}. Payback blank: not within the timeline.`,
  };
  const chart: ChartConfig = {
    type: 'bar',
    data: {
      labels: companies,
      datasets: perScenario.map((p, i) => ({
        label: p.scenario.name,
        data: companies.map((c) => {
          const v = figure(p.byCompany.get(c), ['npv_usd']);
          return v === null ? null : Math.round(v);
        }),
        backgroundColor: PALETTE[i % PALETTE.length] as string,
      })),
    },
    options: {
      plugins: { legend: { display: true }, title: { display: false, text: 'NPV by scenario' } },
      scales: { y: { beginAtZero: true, title: { display: true, text: 'NPV' } } },
      meta: { yFormat: 'money' },
    },
  };
  return { datasetName, scenarios: figures.map((f) => ({ id: f.scenario.id, name: f.scenario.name })), table, chart, problems };
}
