import { Router, type Request, type Response } from 'express';
import type { AppDeps } from '../deps';
import { NotFoundError } from '../errors';
import { describeColumns } from '../../report/columns';
import { toCsv, sendCsv } from '../../report/csv';
import type { DatasetKind, DatasetMeta } from '../../store/types';
import { companyReport } from './company-report';
import { modelsReport } from './models-report';
import type { ReportContext, ReportHandler } from './report-context';

/** The report of each dataset kind. */
const REPORTS: Record<DatasetKind, ReportHandler> = { company: companyReport, models: modelsReport };

const PAGE_SIZE = 200;

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
  return meta;
}

/** The dataset list, a dataset's rows, its CSV download, and its report (by kind). */
export function datasetRoutes(deps: AppDeps): Router {
  const r = Router();

  r.get('/', async (_req, res) => {
    res.render('datasets/index', { title: 'Datasets', titleKey: 'home.pageTitle', datasets: await deps.store.listDatasets(res.locals.workspace) });
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

  r.get('/datasets/:id', async (req, res) => {
    const meta = await loadDataset(deps, req, res);
    const page = pageOf(req.query.page, meta.rowCount);
    const rows = await deps.store.getRows(meta.id, { offset: (page.number - 1) * PAGE_SIZE, limit: PAGE_SIZE });
    res.render('datasets/show', { title: meta.name, dataset: meta, columns: describeColumns(meta.kind, rows), rows, page });
  });

  return r;
}
