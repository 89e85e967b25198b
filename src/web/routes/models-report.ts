import type { Request, Response } from 'express';
import { MODEL_DATA_COLUMNS, parseModelEconomicsQuery, queryNumber, queryText, type FieldProblem, type LensInput, type ModelEconomicsReport, type ReportTable } from '../../report/model-economics';
import { sendCsv, toCsv } from '../../report/csv';
import { runReport } from '../../report/pool';
import { reportLimits } from '../report-cache';
import type { AppDeps } from '../deps';
import { BadRequestError } from '../errors';
import type { ReportContext } from './report-context';
import { textIn, type Lang } from '../i18n';
import { shownDataset } from '../i18n/dataset-name';

/** Rows of one table shown in the HTML page. */
const HTML_ROW_CAP = 250;

/** The query string without some keys, for links that change one thing (a table's CSV); repeated keys (`label`) kept. */
function queryWithout(req: Request, drop: string[]): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(req.query)) {
    if (drop.includes(k)) continue;
    for (const one of Array.isArray(v) ? v : [v]) if (typeof one === 'string') out.append(k, one);
  }
  return out;
}

/** The company dataset of the "fully loaded" lens: `?lens=<id>` or the first one visible. */
async function loadLens(deps: AppDeps, req: Request, res: Response, problems: FieldProblem[]): Promise<{ lens: LensInput | null; choices: { id: number; name: string }[] }> {
  const ws = res.locals.workspace as string;
  const lang = res.locals.lang as Lang;
  const t = textIn(lang);
  // A built-in company dataset is named in the reader's language.
  const choices = (await deps.store.listDatasets(ws)).filter((d) => d.kind === 'company').map((d) => ({ id: d.id, name: shownDataset(d, lang).name }));
  const asked = queryNumber(req.query, 'lens', 0, problems, { min: 1, integer: true, what: t('models.problem.lens') });
  const found = asked > 0 ? await deps.store.getDataset(asked, ws) : choices[0] ? await deps.store.getDataset(choices[0].id, ws) : null;
  const meta = found ? shownDataset(found, lang) : null;
  if (asked > 0 && (!meta || meta.kind !== 'company')) {
    problems.push({ field: 'lens', value: String(asked), message: t('models.problem.lensVisible') });
    return { lens: null, choices };
  }
  if (!meta) return { lens: null, choices };
  const year = queryNumber(req.query, 'year', 0, problems, { min: 1900, max: 2200, integer: true, what: t('models.problem.lensYear') });
  return { lens: { datasetId: meta.id, datasetName: meta.name, rows: await deps.store.getRows(meta.id), year: year > 0 ? year : null, model: queryText(req.query, 'lensModel') }, choices };
}

function records(t: ReportTable): Record<string, string | number | null>[] {
  return t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c.key, r[i] ?? null])));
}

type Parsed = ReturnType<typeof parseModelEconomicsQuery>;
type Report = ModelEconomicsReport;

function sendJson(ctx: ReportContext, parsed: Parsed, report: Report): void {
  const tables = Object.fromEntries(report.tables.map((t) => [t.name, { title: t.title, note: t.note ?? null, ...(t.source ? { source: t.source } : {}), columns: t.columns, rows: records(t) }]));
  ctx.res.json({ dataset: { id: ctx.dataset.id, name: ctx.dataset.name }, assumptions: parsed.assumptions, summary: report.summary, trend: report.trend, lens: report.lens, models: report.models, tables });
}

function sendTableCsv(ctx: ReportContext, parsed: Parsed, report: Report): void {
  const t = textIn(report.lang);
  const name = queryText(ctx.req.query, 'table') ?? 'costs';
  const table = report.tables.find((x) => x.name === name);
  if (!table) throw new BadRequestError(t('models.problem.table', { tables: report.tables.map((x) => x.name).join(', ') }), { field: 'table' });
  const assumptions = parsed.assumptions.map((a): [string, string | number, string] => [a.key, a.value ?? '', t(`models.source.${a.source}`)]);
  sendCsv(ctx.res, `${ctx.dataset.name}-${table.name}.csv`, toCsv({ columns: table.columns.map((c) => c.key), rows: table.rows }, assumptions));
}

/** Tables as the page shows them: capped rows, each cell with its format flags, a CSV link with the query. */
function pageTables(report: Report, base: string, qs: URLSearchParams) {
  return report.tables.map((t) => {
    const q = new URLSearchParams(qs);
    q.set('table', t.name);
    const kinds = t.columns.map((c) => ({ format: c.format, num: c.format !== 'text', data: MODEL_DATA_COLUMNS.includes(c.key) }));
    // Long tables stay readable (and fast) in the page; the CSV and JSON twins carry every row.
    const rows = t.rows.slice(0, HTML_ROW_CAP).map((r) => r.map((v, i) => ({ v, ...kinds[i] })));
    return { ...t, rows, total: t.rows.length, truncated: t.rows.length > HTML_ROW_CAP, csvHref: `${base}.csv?${q.toString()}` };
  });
}

/** The fit the chart draws, when it explains too little to be read as a growth rate. */
function trendWarning(report: Report): string | null {
  const fit = report.trend.frontier ?? report.trend.all;
  return fit.kind === 'ok' && fit.explainsLittle ? textIn(report.lang)('models.trendWarning', { r2: fit.r2.toFixed(2), n: fit.n }) : null;
}

function renderPage(ctx: ReportContext, parsed: Parsed, report: Report, choices: { id: number; name: string }[]): void {
  const { req, res, dataset } = ctx;
  const { problems } = parsed;
  const base = `/datasets/${dataset.id}/report`;
  const qs = queryWithout(req, ['table']);
  const lens = report.lens;
  res.status(problems.length ? 400 : 200).render('models/report', {
    title: textIn(report.lang)('models.pageTitle', { name: dataset.name }),
    dataset,
    report: problems.length ? null : { ...report, tables: pageTables(report, base, qs) },
    problems,
    // `label` is a multiple choice below the chart, not a text box.
    assumptions: parsed.assumptions
      .filter((a) => a.key !== 'label')
      .map((a) => ({ ...a, sourceLabel: textIn(report.lang)(`models.source.${a.source}`), error: problems.find((p) => p.field === a.key) ?? null, raw: queryText(req.query, a.key) ?? a.value })),
    labelChoices: report.chartModels.map((m) => ({ name: m, selected: parsed.options.labels.includes(m) })),
    trendWarning: trendWarning(report),
    lensChoices: choices.map((c) => ({ ...c, selected: c.id === lens?.datasetId })),
    lensModelChoices: (lens?.models ?? []).map((m) => ({ name: m, selected: m === lens?.model })),
    lensYearChoices: (lens?.years ?? []).map((y) => ({ year: y, selected: y === lens?.year })),
    jsonHref: `${base}.json?${qs.toString()}`,
    base,
  });
}

/** `/datasets/:id/report(.csv|.json)` for a models dataset. */
export async function modelsReport(ctx: ReportContext): Promise<void> {
  const lang = ctx.res.locals.lang as Lang;
  const parsed = parseModelEconomicsQuery(ctx.req.query, lang);
  const { lens, choices } = await loadLens(ctx.deps, ctx.req, ctx.res, parsed.problems);
  const first = parsed.problems[0];
  if (first && ctx.format !== 'html') throw new BadRequestError(`${first.field}: ${first.message}`, { field: first.field, problems: parsed.problems });
  const reduce = parsed.assumptions.map((a) => a.key);
  const report = (await runReport('models', { lang, rows: ctx.rows, options: parsed.options, lens, reduce }, reportLimits(ctx.deps.config), ['topN', 'the dataset'])).value;
  if (ctx.format === 'json') sendJson(ctx, parsed, report);
  else if (ctx.format === 'csv') sendTableCsv(ctx, parsed, report);
  else renderPage(ctx, parsed, report, choices);
}
