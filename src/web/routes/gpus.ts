import { Router, type Request } from 'express';
import { buildGpuJobReport, sourceWord, CALCULATOR_GPUS, GPU_JOB_DEFAULTS, inputLines, parseGpuJobQuery } from '../../report/gpus-per-job';
import { queryText } from '../../report/model-economics';
import { sendCsv, toCsv } from '../../report/csv';
import { checked } from '../../report/finite';
import { QUANTS, ROLE_PRESETS } from '../../models';
import type { AppDeps } from '../deps';
import type { Lang } from '../i18n';
import { BadRequestError } from '../errors';
import { KOREA_DATASET_FILE } from '../../report/data-defaults';

/** The query string as given, for links to the CSV and JSON twins of the same calculation. */
function sameQuery(req: Request, set: Record<string, string> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(req.query)) if (typeof v === 'string' && k !== 'table') q.set(k, v);
  for (const [k, v] of Object.entries(set)) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Inputs that push the calculator's products beyond float64 are named by a 422 (never a 500). */
const REDUCE = ['tokensPerWorkday', 'salary', 'purchase', 'price', 'fleet'];
const build = (p: ReturnType<typeof parseOrThrow>, lang: Lang) => checked(() => buildGpuJobReport(p.inputs, p.salary, p.sources, p.role.id, lang), REDUCE);

/** Validated inputs or a 400 naming the first bad field (JSON and CSV twins). */
function parseOrThrow(req: Request) {
  const parsed = parseGpuJobQuery(req.query);
  const first = parsed.problems[0];
  if (!parsed.inputs || first) throw new BadRequestError(`${first?.field}: ${first?.message}`, { field: first?.field, problems: parsed.problems });
  return { ...parsed, inputs: parsed.inputs };
}

/** "How many GPUs is a job worth?": the page, its JSON twin and CSV twin. */
export function gpuRoutes(deps: AppDeps): Router {
  const r = Router();

  r.get('/gpus-per-job.json', (req, res) => {
    const p = parseOrThrow(req);
    const report = build(p, res.locals.lang as Lang);
    const inputs = Object.fromEntries(inputLines(p.inputs, p.salary, p.role.id).map(([k, v]) => [k, v === '' ? null : v]));
    res.json({ inputs, role: p.role, ...report.result, steps: report.steps });
  });

  r.get('/gpus-per-job.csv', (req, res) => {
    const lang = res.locals.lang as Lang;
    const p = parseOrThrow(req);
    const report = build(p, lang);
    const name = queryText(req.query, 'table') ?? 'steps';
    const table = report.tables.find((t) => t.name === name);
    if (!table) throw new BadRequestError(`table: must be one of ${report.tables.map((t) => t.name).join(', ')}`, { field: 'table' });
    const assumptions = inputLines(p.inputs, p.salary, p.role.id).map(([k, v]): [string, string | number, string] => [k, v, sourceWord(p.sources[k] ?? 'default', lang)]);
    sendCsv(res, `gpus-per-job-${table.name}.csv`, toCsv({ columns: table.columns.map((c) => c.key), rows: table.rows }, assumptions));
  });

  r.get('/gpus-per-job', async (req, res) => {
    const p = parseGpuJobQuery(req.query);
    const korea = (await deps.store.listDatasets(res.locals.workspace as string)).find((d) => d.builtIn && d.sourceName === KOREA_DATASET_FILE);
    const inputs = p.inputs;
    const report = inputs ? checked(() => buildGpuJobReport(inputs, p.salary, p.sources, p.role.id, res.locals.lang as Lang), REDUCE) : null;
    res.status(p.inputs ? 200 : 400).render('gpus/index', {
      title: 'How many GPUs is a job worth?',
      titleKey: 'gpus.title',
      p,
      errors: Object.fromEntries(p.problems.map((x) => [x.field, x.message])),
      report: report && { ...report, tables: report.tables.map((t) => ({ ...t, csvHref: `/gpus-per-job.csv${sameQuery(req, { table: t.name })}` })) },
      defaults: GPU_JOB_DEFAULTS,
      roles: ROLE_PRESETS.map((x) => ({ ...x, selected: x.id === p.role.id })),
      customRole: p.role.id === 'custom',
      quants: QUANTS.map((q) => ({ id: q, selected: q === (p.form.quant?.toLowerCase() || GPU_JOB_DEFAULTS.quant) })),
      gpus: CALCULATOR_GPUS.map((g) => ({ id: g, selected: g.toLowerCase() === (p.form.gpu?.toLowerCase() || GPU_JOB_DEFAULTS.gpu.toLowerCase()) })),
      jsonHref: `/gpus-per-job.json${sameQuery(req)}`,
      stepsCsvHref: `/gpus-per-job.csv${sameQuery(req, { table: 'steps' })}`,
      koreaReportHref: korea ? `/datasets/${korea.id}/report` : null,
    });
  });

  return r;
}
