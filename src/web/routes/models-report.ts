import type { Request, Response } from 'express';
import { buildModelEconomics, parseModelEconomicsQuery, queryNumber, queryText, type FieldProblem, type LensInput, type ReportTable } from '../../report/model-economics';
import { sendCsv, toCsv } from '../../report/csv';
import type { AppDeps } from '../deps';
import { BadRequestError } from '../errors';
import type { ReportContext } from './report-context';

/** Rows of one table shown in the HTML page. */
const HTML_ROW_CAP = 250;

/** The query string without some keys, for links that change one thing (a table's CSV). */
function queryWithout(req: Request, drop: string[]): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(req.query)) {
    if (drop.includes(k) || typeof v !== 'string') continue;
    out.set(k, v);
  }
  return out;
}

/** The company dataset of the "fully loaded" lens: `?lens=<id>` or the first one visible. */
async function loadLens(deps: AppDeps, req: Request, res: Response, problems: FieldProblem[]): Promise<{ lens: LensInput | null; choices: { id: number; name: string }[] }> {
  const ws = res.locals.workspace as string;
  const choices = (await deps.store.listDatasets(ws)).filter((d) => d.kind === 'company').map((d) => ({ id: d.id, name: d.name }));
  const asked = queryNumber(req.query, 'lens', 0, problems, { min: 1, integer: true, what: 'lens must be the id of a company dataset' });
  const meta = asked > 0 ? await deps.store.getDataset(asked, ws) : choices[0] ? await deps.store.getDataset(choices[0].id, ws) : null;
  if (asked > 0 && (!meta || meta.kind !== 'company')) {
    problems.push({ field: 'lens', value: String(asked), message: 'lens must be the id of a company dataset you can see' });
    return { lens: null, choices };
  }
  if (!meta) return { lens: null, choices };
  const year = queryNumber(req.query, 'year', 0, problems, { min: 1900, max: 2200, integer: true, what: 'year must be a fiscal year such as 2024' });
  return { lens: { datasetId: meta.id, datasetName: meta.name, rows: await deps.store.getRows(meta.id), year: year > 0 ? year : null, model: queryText(req.query, 'lensModel') }, choices };
}

function records(t: ReportTable): Record<string, string | number | null>[] {
  return t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c.key, r[i] ?? null])));
}

/** `/datasets/:id/report(.csv|.json)` for a models dataset. */
export async function modelsReport(ctx: ReportContext): Promise<void> {
  const { req, res, dataset, format } = ctx;
  const { options, problems, assumptions } = parseModelEconomicsQuery(req.query);
  const { lens, choices } = await loadLens(ctx.deps, req, res, problems);
  const first = problems[0];
  if (first && format !== 'html') throw new BadRequestError(`${first.field}: ${first.message}`, { field: first.field, problems });
  const report = buildModelEconomics(ctx.rows, options, lens);
  const base = `/datasets/${dataset.id}/report`;
  if (format === 'json') {
    res.json({ dataset: { id: dataset.id, name: dataset.name }, assumptions, summary: report.summary, trend: report.trend, lens: report.lens, tables: Object.fromEntries(report.tables.map((t) => [t.name, { title: t.title, note: t.note ?? null, columns: t.columns, rows: records(t) }])) });
    return;
  }
  if (format === 'csv') {
    const name = queryText(req.query, 'table') ?? 'costs';
    const table = report.tables.find((t) => t.name === name);
    if (!table) throw new BadRequestError(`table: must be one of ${report.tables.map((t) => t.name).join(', ')}`, { field: 'table' });
    sendCsv(res, `${dataset.name}-${table.name}.csv`, toCsv({ columns: table.columns.map((c) => c.key), rows: table.rows }, assumptions.map((a) => [a.key, a.value ?? '', a.source])));
    return;
  }
  const qs = queryWithout(req, ['table']);
  const tables = report.tables.map((t) => {
    const q = new URLSearchParams(qs);
    q.set('table', t.name);
    // Long tables stay readable (and fast) in the page; the CSV and JSON twins carry every row.
    const kinds = t.columns.map((c) => ({ format: c.format, num: c.format !== 'text', multiple: c.format === 'multiple', ratio: c.format === 'ratio' || c.format === 'years' }));
    const rows = t.rows.slice(0, HTML_ROW_CAP).map((r) => r.map((v, i) => ({ v, ...kinds[i] })));
    return { ...t, rows, total: t.rows.length, truncated: t.rows.length > HTML_ROW_CAP, csvHref: `${base}.csv?${q.toString()}` };
  });
  res.status(problems.length ? 400 : 200).render('models/report', {
    title: `${dataset.name}: model economics`,
    dataset,
    report: problems.length ? null : { ...report, tables },
    problems,
    assumptions: assumptions.map((a) => ({ ...a, error: problems.find((p) => p.field === a.key) ?? null, raw: queryText(req.query, a.key) ?? a.value })),
    lens: report.lens,
    lensChoices: choices.map((c) => ({ ...c, selected: c.id === report.lens?.datasetId })),
    lensModelChoices: (report.lens?.models ?? []).map((m) => ({ name: m, selected: m === report.lens?.model })),
    lensYearChoices: (report.lens?.years ?? []).map((y) => ({ year: y, selected: y === report.lens?.year })),
    jsonHref: `${base}.json?${qs.toString()}`,
    base,
  });
}
