import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { ASSUMPTION_DEFS, assumptionLines, assumptionsQuery, assumptionText, parseAssumptions, type ParsedAssumptions } from '../../report/assumptions';
import { applyDataDefaults } from '../../report/data-defaults';
import { CASH_FLOW_COLUMNS, reportAssumptionLines, TABLE_NAMES, type CompanyReport, type TableName } from '../../report/company-report';
import { sendCsv, toCsv } from '../../report/csv';
import { formFields, invalidSourceLabel, priceFields, sourceLabel, tickersOf, type FormField } from '../../report/form';
import { compileMetrics, type MetricDefinition } from '../../report/metrics';
import { describeDistribution, UNCERTAIN_INPUTS } from '../../report/mc-inputs';
import { runReport } from '../../report/pool';
import { tableForCsv } from '../../report/table';
import { datasetRevision, type Scenario } from '../../store/types';
import type { AppDeps } from '../deps';
import { BadRequestError, ValidationError, type InputProblem } from '../errors';
import { reportCacheFor, reportLimits } from '../report-cache';
import type { ReportContext } from './report-context';
import { plain, textIn, type Lang } from '../i18n';
import { presetName } from '../../report/presets';
import type { WonStyle } from '../../report/number-text';
import { assumptionLabel, lineValueText, printedValue, sourceWord, unitWord, wordOf } from '../../report/company-text';

/**
 * Renders a view into a string, without the layout unless asked (compiled templates are cached in
 * production).
 */
function renderToString(res: Response, view: string, locals: Record<string, unknown>, withLayout = false): Promise<string> {
  return new Promise((resolve, reject) => {
    res.app.render(view, withLayout ? locals : { ...locals, layout: false }, (err: Error | null, html?: string) => (err ? reject(err) : resolve(html ?? '')));
  });
}

function queryText(req: Request, key: string): string | undefined {
  const v = req.query[key];
  return typeof v === 'string' ? v : undefined;
}

/**
 * The saved scenario named by `?scenario=<id>`, visible to this workspace; a bad id is a problem
 * shown on the form.
 */
export async function loadScenario(deps: AppDeps, req: Request, workspace: string): Promise<{ scenario: Scenario | null; problem: InputProblem | null }> {
  const raw = queryText(req, 'scenario');
  if (raw === undefined || raw === '') return { scenario: null, problem: null };
  const id = /^[0-9]{1,12}$/.test(raw) ? Number(raw) : NaN;
  const scenario = Number.isSafeInteger(id) ? await deps.store.getScenario(id, workspace) : null;
  if (scenario) return { scenario, problem: null };
  return { scenario: null, problem: { code: 'unknown_scenario', line: null, column: 'scenario', value: raw, message: `No saved scenario ${raw}` } };
}

/** Custom metrics checked against the cash-flow table's columns: each refusal names the metric, in `lang`. */
export function metricProblems(metrics: readonly MetricDefinition[], lang: Lang = 'en'): InputProblem[] {
  const r = compileMetrics(metrics, CASH_FLOW_COLUMNS.map((c) => c.key), lang);
  if (r.kind === 'ok') return [];
  return r.problems.map((p) => ({ code: 'invalid_metric', line: null, column: `metric.${p.metric}`, value: metrics.find((m) => m.name === p.metric)?.expression ?? '', message: p.message }));
}

/** Form fields of the custom metrics: one per metric, and one to add a metric as `name = formula`; words in `lang`. */
export function metricFields(parsed: Pick<ParsedAssumptions, 'metrics' | 'problems'>, problems: InputProblem[], lang: Lang = 'en'): FormField[] {
  const t = textIn(lang);
  const field = (key: string, label: string, text: string, placeholder: string): FormField => {
    const p = problems.find((x) => x.column === key) ?? parsed.problems.find((x) => x.key === key);
    return { key, label, help: t('assumptions.metric.help'), text, placeholder, source: 'user', sourceLabel: p ? invalidSourceLabel(lang) : sourceLabel('user', undefined, lang), error: p ? p.message : null, choices: null };
  };
  return [
    ...parsed.metrics.map((m) => field(`metric.${m.name}`, t('assumptions.metric.label', { name: m.name }), m.expression, t('assumptions.metric.placeholder'))),
    field('metricNew', t('assumptions.metric.newLabel'), '', 'capex_cover = ai_revenue_usd / ai_capex_usd'),
  ];
}

/** Form fields of the Monte Carlo inputs: a distribution per uncertain input, and the correlation pairs; words in `lang`. */
export function mcFields(parsed: Pick<ParsedAssumptions, 'mc' | 'problems'>, query: Record<string, unknown>, lang: Lang = 'en'): FormField[] {
  const t = textIn(lang);
  const field = (key: string, label: string, text: string, placeholder: string, help: string): FormField => {
    const p = parsed.problems.find((x) => x.key === key);
    const source = p || text ? 'user' : 'default';
    return { key, label, help, text: p ? p.value : text, placeholder, source, sourceLabel: p ? invalidSourceLabel(lang) : sourceLabel(source, undefined, lang), error: p ? p.message : null, choices: null };
  };
  // English names the input by its key, as the query does; other languages by the assumption's label.
  const inputName = (k: string) => {
    const def = ASSUMPTION_DEFS.find((d) => d.key === k);
    return lang === 'en' || !def ? k : assumptionText(def, lang).label;
  };
  return [
    ...UNCERTAIN_INPUTS.map((k) => {
      const d = parsed.mc.distributions[k];
      return field(`mc.${k}`, t('assumptions.mc.label', { input: inputName(k) }), d ? describeDistribution(d) : typeof query[`mc.${k}`] === 'string' ? String(query[`mc.${k}`]) : '', k === 'aiRevenueToCapex' ? t('assumptions.mc.fixed') : t('assumptions.mc.defaultSpread'), t('assumptions.mc.help'));
    }),
    field('mcCorrelations', t('assumptions.mc.correlations'), parsed.mc.correlations.map((c) => `${c.a} ${c.b} ${c.rankCorrelation}`).join('; '), 'aiRevenueGrowth aiEbitdaMargin 0.6', t('assumptions.mc.correlationsHelp')),
  ];
}

export function toInputProblems(parsed: Pick<ParsedAssumptions, 'problems'>): InputProblem[] {
  return parsed.problems.map((p) => ({ code: 'invalid_assumption', line: null, column: p.key, value: p.value, message: p.message }));
}

/** Today's date for the printed report (the report's numbers never depend on it). */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The report as the body view wants it: per-company table lists with their CSV links, words in its language. */
function reportView(report: CompanyReport, csvHref: (table: string) => string) {
  const lang = report.lang;
  return {
    ...report,
    unitWord: unitWord(lang, report.currency),
    unitIrrKind: wordOf(lang, 'irr', report.unit.irr.kind),
    comparison: { ...report.tables.comparison, csvHref: csvHref('comparison') },
    unitTable: { ...report.tables['unit-economics'], csvHref: csvHref('unit-economics') },
    sections: report.sections.map((s) => ({
      ...s,
      paybackCells: [s.monteCarlo.payback.p10, s.monteCarlo.payback.p50, s.monteCarlo.payback.p90],
      gridTitle: s.tables['price-grid']?.title ?? plain(lang, 'company.table.grid'),
      priceDateText: !s.valuation ? '' : s.valuation.sharePriceDate === 'typed' ? plain(lang, 'company.body.typedOnForm') : (s.valuation.sharePriceDate ?? `FY${s.valuation.fiscalYear}`),
      epsGrowthSourceText: s.valuation ? wordOf(lang, 'source', s.valuation.epsGrowthSource) : '',
      tableList: TABLE_NAMES.filter((n) => n !== 'comparison' && n !== 'unit-economics' && n !== 'price-grid' && n !== 'monte-carlo')
        .map((n) => s.tables[n])
        .filter((t) => t !== null)
        .map((t) => ({ ...t, csvHref: csvHref(t.name) })),
      gridCsvHref: csvHref('price-grid'),
      mcCsvHref: csvHref('monte-carlo'),
    })),
  };
}

/** Every assumption with its value and where it came from, for the printed assumptions table, in `lang`. */
function assumptionRowsOf(parsed: Pick<ParsedAssumptions, 'values' | 'sources'>, lang: Lang) {
  const lines = assumptionLines(parsed);
  return ASSUMPTION_DEFS.map((d, i) => ({
    key: d.csvKey,
    label: assumptionLabel(d.key, lang),
    value: printedValue(lines[i]?.[1] ?? parsed.values[d.key] ?? '', lang),
    format: parsed.values[d.key] === null ? 'text' : d.format,
    source: sourceWord(lines[i]?.[2] ?? parsed.sources[d.key], lang),
  }));
}

/**
 * The `# key,value,source` lines of a CSV download in the reader's language: keys stay English
 * (an API), words among the values ("from the data") and the sources are translated.
 */
export function csvLines(lines: [string, string | number, string][], lang: Lang): [string, string | number, string][] {
  return lines.map(([key, value, source]) => [key, lineValueText(value, lang), sourceWord(source, lang)]);
}

/**
 * `/datasets/:id/report` for a company dataset, and its `.csv` (`?table=<name>`, default
 * `comparison`) and `.json` twins. Assumptions come from defaults, `?scenario=<id>`, then the
 * query string; invalid ones answer 422 with the form (HTML) or the problems (CSV/JSON).
 */
export async function companyReport(ctx: ReportContext): Promise<void> {
  const { req, res, deps, dataset, rows, format } = ctx;
  const cache = reportCacheFor(deps.store, deps.config);
  const workspace = res.locals.workspace as string;
  const { scenario, problem } = await loadScenario(deps, req, workspace);
  // Problems read in the reader's language on the page; the CSV and JSON APIs keep English messages.
  const problemLang: Lang = format === 'html' ? (res.locals.lang as Lang) : 'en';
  const parsed = applyDataDefaults(parseAssumptions(req.query as Record<string, unknown>, scenario?.values, problemLang), rows);
  const problems = [...(problem ? [problem] : []), ...toInputProblems(parsed), ...metricProblems(parsed.metrics, problemLang)];
  const base = `/datasets/${dataset.id}/report`;

  if (problems.length > 0 && format !== 'html') throw new ValidationError('Some assumptions are invalid', problems);

  const tableName = queryText(req, 'table') ?? 'comparison';
  if (format === 'csv' && !(TABLE_NAMES as readonly string[]).includes(tableName)) {
    throw new BadRequestError(`table must be one of ${TABLE_NAMES.join(', ')}`, { field: 'table' });
  }

  const qs = assumptionsQuery(parsed);
  // The revision changes when the dataset is renamed through any instance; a deleted one 404s before here.
  const key = `${datasetRevision(dataset)}|${qs}|${JSON.stringify(parsed.sources)}`;
  const limits = reportLimits(deps.config);
  const lang = res.locals.lang as Lang;
  // A Korean summary writes won as the reader's tables do (53조 1,139억원 or 53.1조원).
  const won: WonStyle = res.locals.won === 'short' ? 'short' : 'exact';
  const job = { datasetName: dataset.name, lang, won, rows, parsed: { values: parsed.values, sources: parsed.sources, prices: parsed.prices, metrics: parsed.metrics, mc: parsed.mc } };
  // Over the time budget, these make a company report lighter.
  const reduce = ['mcTrials', 'horizonYears'];

  if (format === 'json' && problems.length === 0) {
    const head = { dataset: { id: dataset.id, name: dataset.name }, scenario: scenario ? { id: scenario.id, name: scenario.name } : null, query: qs };
    const text = await cache.sized(`json|${key}|${lang}|${won}|${scenario?.id ?? ''}`, () => runReport('companyJson', { ...job, head }, limits, reduce));
    res.type('application/json').send(text);
    return;
  }
  const report = problems.length > 0 ? null : await cache.sized<CompanyReport>(`report|${key}|${lang}|${won}`, () => runReport('company', job, limits, reduce));

  if (format === 'csv' && report) {
    const table = report.tables[tableName as TableName];
    const lines: [string, string | number, string][] = [['dataset', dataset.name, 'data'], ...reportAssumptionLines(report, assumptionLines(parsed))];
    if (scenario) lines.push(['scenario', scenario.name, 'user']);
    sendCsv(res, `${dataset.name}-${table.name}.csv`, toCsv(tableForCsv(table), csvLines(lines, lang)));
    return;
  }

  // Built-in scenarios by their name in the reader's language (기본, 낙관…); saved ones as typed.
  const shownName = (s: Scenario): string => (s.builtIn ? presetName(s.name, lang) : s.name);
  const scenarios = (await deps.store.listScenarios(workspace)).map((s) => ({ id: s.id, name: shownName(s), builtIn: s.builtIn, selected: s.id === scenario?.id }));
  const link = (path: string, extra: Record<string, string> = {}) => {
    const q = new URLSearchParams(qs);
    if (scenario) q.set('scenario', String(scenario.id));
    for (const [k, v] of Object.entries(extra)) q.set(k, v);
    const text = q.toString();
    return text ? `${path}?${text}` : path;
  };
  // Fragments and pages are written in the reader's language and won style.
  const fragmentKey = `${key}|${scenario?.id ?? ''}|${String(res.locals.lang)}|${String(res.locals.won)}`;
  const printedOn = today();
  const pageKey = `${fragmentKey}|${printedOn}|${workspace}|${String(res.locals.csrfToken)}|${scenarios.map((s) => `${s.id}:${s.name}`).join(',')}`;
  const cachedPage = problems.length === 0 ? cache.get<{ body: Buffer; etag: string }>(`page|${pageKey}`) : undefined;
  if (cachedPage) {
    res.status(200).type('html').set('ETag', cachedPage.etag).send(cachedPage.body);
    return;
  }
  let rendered = report && problems.length === 0 ? cache.get<{ summary: string; body: string }>(`fragments|${fragmentKey}`) : undefined;
  if (!rendered) {
    // Table links carry only what differs from the defaults and the scenario (short pages); the
    // permalink and the JSON's `query` carry every value.
    const short = new URLSearchParams(assumptionsQuery(parsed, { onlyUser: true }));
    if (scenario) short.set('scenario', String(scenario.id));
    const csvHref = (name: string) => {
      const q = new URLSearchParams(short);
      q.set('table', name);
      return `${base}.csv?${q.toString()}`;
    };
    const locals = { report: report ? reportView(report, csvHref) : null, assumptionRows: assumptionRowsOf(parsed, lang), lang: res.locals.lang, won: res.locals.won };
    rendered = { summary: await renderToString(res, 'reports/company-summary', locals), body: await renderToString(res, 'reports/company-body', locals) };
    if (report && problems.length === 0) cache.set(`fragments|${fragmentKey}`, rendered, (rendered.summary.length + rendered.body.length) * 2);
  }
  const fields = [...formFields(ASSUMPTION_DEFS, parsed, scenario ? shownName(scenario) : undefined, lang), ...priceFields(tickersOf(rows), parsed, lang), ...metricFields(parsed, problems, lang), ...mcFields(parsed, req.query as Record<string, unknown>, lang)];
  const pageLocals = {
    title: plain(lang, 'company.page.title', { name: dataset.name }),
    dataset,
    fragments: rendered,
    // The page names each field as the form does ("Discount rate (WACC)"); JSON and CSV keep the key.
    // An assumption's problem is already written in the reader's language (parseAssumptions).
    problems: problems.map((p) => ({ ...p, label: fields.find((f) => f.key === p.column)?.label ?? null, localized: p.code === 'invalid_assumption' || p.code === 'invalid_metric' })),
    scenario: scenario ? { ...scenario, name: shownName(scenario) } : null,
    scenarios,
    form: {
      action: base,
      fields,
      saveValues: [
        ...ASSUMPTION_DEFS.filter((d) => !(d.overridesData && parsed.sources[d.key] === 'default') && parsed.values[d.key] !== null).map((d) => ({ key: d.key, value: String(parsed.values[d.key]) })),
        ...parsed.metrics.map((m) => ({ key: `metric.${m.name}`, value: m.expression })),
        ...Object.entries(parsed.mc.distributions).map(([k, d]) => ({ key: `mc.${k}`, value: d ? describeDistribution(d) : '' })),
        ...(parsed.mc.correlations.length ? [{ key: 'mcCorrelations', value: parsed.mc.correlations.map((c) => `${c.a} ${c.b} ${c.rankCorrelation}`).join('; ') }] : []),
      ],
      returnTo: base,
    },
    permalink: link(base),
    jsonHref: link(`${base}.json`),
    xlsxHref: link(`${base}.xlsx`),
    printedOn,
  };
  const html = await renderToString(res, 'reports/company', { ...res.locals, ...pageLocals }, true);
  const body = Buffer.from(html, 'utf8');
  const etag = `W/"${body.length.toString(16)}-${createHash('sha1').update(body).digest('base64').slice(0, 27)}"`;
  if (problems.length === 0) cache.set(`page|${pageKey}`, { body, etag }, body.byteLength + etag.length * 2);
  res.status(problems.length > 0 ? 422 : 200).type('html').set('ETag', etag).send(body);
}
