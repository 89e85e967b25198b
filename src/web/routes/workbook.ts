import type { Request, Response } from 'express';
import { parseAssumptions } from '../../report/assumptions';
import { applyDataDefaults } from '../../report/data-defaults';
import { companyWorkbook } from '../../report/workbook';
import type { AppDeps } from '../deps';
import { NotFoundError, ValidationError } from '../errors';
import type { Lang } from '../i18n';
import { shownDataset } from '../i18n/dataset-name';
import { attachmentHeader } from '../../report/csv';
import { loadScenario, toInputProblems } from './company-report';

/**
 * `/datasets/:id/report.xlsx`: the company report's model as a live Excel workbook, under the same
 * assumptions as the report (defaults, the data's defaults for a won dataset, `?scenario=<id>`,
 * then the query string), labelled in the reader's language.
 */
export async function workbookDownload(deps: AppDeps, req: Request, res: Response): Promise<void> {
  const workspace = res.locals.workspace as string;
  const raw = String(req.params.id ?? '');
  const dataset = /^[0-9]{1,12}$/.test(raw) ? await deps.store.getDataset(Number(raw), workspace) : null;
  if (!dataset || dataset.kind !== 'company') throw new NotFoundError(`No company dataset ${raw}`);
  const { scenario, problem } = await loadScenario(deps, req, workspace);
  const rows = await deps.store.getRows(dataset.id);
  const lang = res.locals.lang as Lang;
  const parsed = applyDataDefaults(parseAssumptions(req.query as Record<string, unknown>, scenario?.values, lang), rows);
  const problems = [...(problem ? [problem] : []), ...toInputProblems(parsed)];
  if (problems.length > 0) throw new ValidationError('Some assumptions are invalid', problems);
  const name = shownDataset(dataset, lang).name;
  const result = await companyWorkbook(name, rows, parsed, lang);
  if (result.kind === 'unsupported') {
    throw new ValidationError(result.message, [{ code: 'unsupported_in_workbook', line: null, column: result.key, value: String(parsed.values.capacityAfterData), message: result.message }]);
  }
  res.set('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  res.set('Content-Disposition', attachmentHeader(`${name}.xlsx`));
  res.send(result.bytes);
}
