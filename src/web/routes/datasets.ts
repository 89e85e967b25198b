import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../deps';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { describeColumns } from '../../report/columns';
import { toCsv, sendCsv } from '../../report/csv';
import { datasetRevision, type DatasetKind, type DatasetMeta } from '../../store/types';
import { parseAssumptions } from '../../report/assumptions';
import { buildCompanyReport } from '../../report/company-report';
import { applyDataDefaults } from '../../report/data-defaults';
import { headline, type Headline } from '../../report/headline';
import { companyReport } from './company-report';
import { modelsReport } from './models-report';
import type { ReportContext, ReportHandler } from './report-context';
import { shownDataset } from '../i18n/dataset-name';
import { unitText } from '../i18n/unit-text';
import { hasMessage, plain, type Lang } from '../i18n';

/** The report of each dataset kind. */
const REPORTS: Record<DatasetKind, ReportHandler> = { company: companyReport, models: modelsReport };

const PAGE_SIZE = 200;

/** A dataset name as typed on the rename form: 1-200 characters, no control characters. */
const datasetNameField = z
  .string({ error: 'is missing' })
  .trim()
  .min(1, 'cannot be empty')
  .max(200, 'must be at most 200 characters')
  .regex(/^[^\u0000-\u001f\u007f]*$/, 'cannot hold control characters');

/** Page navigation for the rows table; an out-of-range or malformed page shows the nearest one. */
function pageOf(raw: unknown, rowCount: number) {
  const count = Math.max(1, Math.ceil(rowCount / PAGE_SIZE));
  const asked = typeof raw === 'string' && /^[0-9]{1,9}$/.test(raw) ? Number(raw) : 1;
  const number = Math.min(Math.max(1, asked), count);
  return {
    number,
    count,
    first: (number - 1) * PAGE_SIZE + 1,
    last: Math.min(number * PAGE_SIZE, rowCount),
    prev: number > 1 ? number - 1 : null,
    next: number < count ? number + 1 : null,
  };
}

/** Parses `:id` strictly (digits only) and returns the dataset visible to this workspace, or 404. */
async function loadDataset(deps: AppDeps, req: Request, res: Response): Promise<DatasetMeta> {
  const raw = String(req.params.id ?? '');
  const id = /^[0-9]{1,12}$/.test(raw) ? Number(raw) : NaN;
  const meta = Number.isSafeInteger(id) ? await deps.store.getDataset(id, res.locals.workspace as string) : null;
  if (!meta) throw new NotFoundError(`No dataset ${raw}`);
  return shownDataset(meta, res.locals.lang as Lang);
}

/**
 * Headlines of built-in datasets, once per store and dataset revision: a report under the base
 * scenario is the work of a whole report (the Monte Carlo cut to one trial: the headline does not
 * use it), so the front page computes each once.
 */
const headlineCache = new WeakMap<object, Map<string, Headline>>();

async function headlineOf(deps: AppDeps, meta: DatasetMeta): Promise<Headline & { id: number; name: string }> {
  let cache = headlineCache.get(deps.store);
  if (!cache) headlineCache.set(deps.store, (cache = new Map()));
  const key = datasetRevision(meta);
  const hit = cache.get(key);
  if (hit) return { ...hit, id: meta.id, name: meta.name };
  const rows = await deps.store.getRows(meta.id);
  const parsed = applyDataDefaults(parseAssumptions({ mcTrials: '1' }), rows);
  const made = headline(buildCompanyReport(meta.name, rows, parsed));
  cache.set(key, made);
  return { ...made, id: meta.id, name: meta.name };
}

/**
 * The dataset's warnings in the reader's language: each warning's message where that language has
 * it, else the English text it was stored with (uploads from before messages were kept).
 */
function shownWarnings(meta: Pick<DatasetMeta, 'warnings' | 'warningMessages'>, lang: Lang): string[] {
  return meta.warnings.map((text, i) => {
    const m = meta.warningMessages[i];
    return lang !== 'en' && m && hasMessage(lang, m.key) ? plain(lang, m.key, m.vars) : text;
  });
}

/** The dataset list, a dataset's rows, its CSV download, and its report (by kind). */
export function datasetRoutes(deps: AppDeps): Router {
  const r = Router();

  r.get('/', async (_req, res) => {
    const lang = res.locals.lang as Lang;
    const datasets = (await deps.store.listDatasets(res.locals.workspace)).map((d) => shownDataset(d, lang));
    const headlines = await Promise.all(datasets.filter((d) => d.builtIn && d.kind === 'company').map((d) => headlineOf(deps, d)));
    res.render('datasets/index', { title: 'Datasets', titleKey: 'home.pageTitle', datasets, headlines });
  });

  r.get('/api/datasets', async (_req, res) => {
    const list = await deps.store.listDatasets(res.locals.workspace);
    res.json(list.map(({ id, kind, name, rowCount, builtIn, createdAt }) => ({ id, kind, name, rowCount, builtIn, createdAt })));
  });

  r.get('/datasets/:id.csv', async (req, res) => {
    const meta = await loadDataset(deps, req, res);
    const rows = await deps.store.getRows(meta.id);
    const cols = describeColumns(meta.kind, rows);
    const csv = toCsv({ columns: cols.map((c) => c.csvName), rows: rows.map((row) => cols.map((c) => row[c.key] ?? null)) });
    sendCsv(res, `${meta.name}.csv`, csv);
  });

  for (const format of ['csv', 'json', 'html'] as const) {
    const suffix = format === 'html' ? '' : `.${format}`;
    r.get(`/datasets/:id/report${suffix}`, async (req, res) => {
      const dataset = await loadDataset(deps, req, res);
      const ctx: ReportContext = { req, res, deps, dataset, rows: await deps.store.getRows(dataset.id), format };
      await REPORTS[dataset.kind](ctx);
    });
  }

  // Rename and delete: only your own uploads (built-ins are shared by every workspace).
  r.post('/datasets/:id/rename', async (req, res) => {
    const meta = await loadDataset(deps, req, res);
    if (meta.builtIn) throw new ForbiddenError('Built-in datasets cannot be renamed.', 'built_in');
    const name = datasetNameField.safeParse((req.body as Record<string, unknown> | undefined)?.name);
    if (!name.success) {
      const message = `The name ${name.error.issues[0]?.message ?? 'is not valid'}.`;
      throw new ValidationError('The dataset was not renamed.', [{ code: 'bad_field', line: null, column: 'name', value: null, message }]);
    }
    const renamed = await deps.store.renameDataset(meta.id, res.locals.workspace as string, name.data);
    if (!renamed) throw new NotFoundError(`No dataset ${meta.id}`);
    res.redirect(303, `/datasets/${meta.id}`);
  });

  r.post('/datasets/:id/delete', async (req, res) => {
    const meta = await loadDataset(deps, req, res);
    if (meta.builtIn) throw new ForbiddenError('Built-in datasets cannot be deleted.', 'built_in');
    if (!(await deps.store.deleteDataset(meta.id, res.locals.workspace as string))) throw new NotFoundError(`No dataset ${meta.id}`);
    res.redirect(303, '/');
  });

  r.get('/datasets/:id', async (req, res) => {
    const meta = await loadDataset(deps, req, res);
    const page = pageOf(req.query.page, meta.rowCount);
    const rows = await deps.store.getRows(meta.id, { offset: (page.number - 1) * PAGE_SIZE, limit: PAGE_SIZE });
    const warnings = shownWarnings(meta, res.locals.lang as Lang);
    const mapping = meta.columns.map((c) => ({ ...c, unit: c.unit === undefined ? undefined : unitText(c.unit, res.locals.lang as Lang) }));
    res.render('datasets/show', { title: meta.name, dataset: meta, warnings, mapping, columns: describeColumns(meta.kind, rows), rows, page });
  });

  return r;
}
