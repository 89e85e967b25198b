import type { Request } from 'express';
import { ASSUMPTION_DEFS, assumptionLines, assumptionsQuery, parseAssumptions, type ParsedAssumptions } from '../../report/assumptions';
import { LruCache } from '../../report/cache';
import { buildCompanyReport, reportJson, TABLE_NAMES, type CompanyReport, type TableName } from '../../report/company-report';
import { sendCsv, toCsv } from '../../report/csv';
import { formFields } from '../../report/form';
import { tableForCsv } from '../../report/table';
import type { Scenario } from '../../store/types';
import type { AppDeps } from '../deps';
import { BadRequestError, ValidationError, type InputProblem } from '../errors';
import type { ReportContext } from './report-context';

/** Computed reports by dataset + assumptions: the model is pure, so a hit is always current. */
const reports = new LruCache<CompanyReport>(256);

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

export function toInputProblems(parsed: Pick<ParsedAssumptions, 'problems'>): InputProblem[] {
  return parsed.problems.map((p) => ({ code: 'invalid_assumption', line: null, column: p.key, value: p.value, message: p.message }));
}

/** Today's date for the printed report (the report's numbers never depend on it). */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * `/datasets/:id/report` for a company dataset, and its `.csv` (`?table=<name>`, default
 * `comparison`) and `.json` twins. Assumptions come from defaults, `?scenario=<id>`, then the
 * query string; invalid ones answer 422 with the form (HTML) or the problems (CSV/JSON).
 */
export async function companyReport(ctx: ReportContext): Promise<void> {
  const { req, res, deps, dataset, rows, format } = ctx;
  const workspace = res.locals.workspace as string;
  const { scenario, problem } = await loadScenario(deps, req, workspace);
  const parsed = parseAssumptions(req.query as Record<string, unknown>, scenario?.values);
  const problems = [...(problem ? [problem] : []), ...toInputProblems(parsed)];
  const base = `/datasets/${dataset.id}/report`;

  if (problems.length > 0 && format !== 'html') throw new ValidationError('Some assumptions are invalid', problems);

  const tableName = queryText(req, 'table') ?? 'comparison';
  if (format === 'csv' && !(TABLE_NAMES as readonly string[]).includes(tableName)) {
    throw new BadRequestError(`table must be one of ${TABLE_NAMES.join(', ')}`, { field: 'table' });
  }

  const qs = assumptionsQuery(parsed);
  const key = `${dataset.id}|${dataset.createdAt}|${qs}|${JSON.stringify(parsed.sources)}`;
  const report = problems.length > 0 ? null : reports.getOrCompute(key, () => buildCompanyReport(dataset.name, rows, parsed));

  if (format === 'json' && report) {
    res.json({ dataset: { id: dataset.id, name: dataset.name }, scenario: scenario ? { id: scenario.id, name: scenario.name } : null, query: qs, ...reportJson(report) });
    return;
  }
  if (format === 'csv' && report) {
    const table = report.tables[tableName as TableName];
    const lines: [string, string | number, string][] = [['dataset', dataset.name, 'data'], ...assumptionLines(parsed)];
    if (scenario) lines.push(['scenario', scenario.name, 'user']);
    sendCsv(res, `${dataset.name}-${table.name}.csv`, toCsv(tableForCsv(table), lines));
    return;
  }

  const scenarios = (await deps.store.listScenarios(workspace)).map((s) => ({ id: s.id, name: s.name, builtIn: s.builtIn, selected: s.id === scenario?.id }));
  const link = (path: string, extra: Record<string, string> = {}) => {
    const q = new URLSearchParams(qs);
    if (scenario) q.set('scenario', String(scenario.id));
    for (const [k, v] of Object.entries(extra)) q.set(k, v);
    const text = q.toString();
    return text ? `${path}?${text}` : path;
  };
  const csvHref = (name: string) => link(`${base}.csv`, { table: name });
  const view = report
    ? {
        ...report,
        comparison: { ...report.tables.comparison, csvHref: csvHref('comparison') },
        sections: report.sections.map((s) => ({
          ...s,
          tableList: TABLE_NAMES.filter((n) => n !== 'comparison' && n !== 'price-grid')
            .map((n) => s.tables[n])
            .filter((t) => t !== null)
            .map((t) => ({ ...t, csvHref: csvHref(t.name) })),
          gridCsvHref: csvHref('price-grid'),
          irrText: s.model.irr.kind === 'ok' ? null : s.summary[0],
        })),
      }
    : null;
  const lines = assumptionLines(parsed);
  const assumptionRows = ASSUMPTION_DEFS.map((d, i) => ({ key: d.csvKey, label: d.label, value: parsed.values[d.key], format: d.format, source: lines[i]?.[2] ?? parsed.sources[d.key] }));
  res.status(problems.length > 0 ? 422 : 200).render('reports/company', {
    title: `${dataset.name}: company report`,
    dataset,
    report: view,
    problems,
    scenario,
    scenarios,
    form: {
      action: base,
      fields: formFields(ASSUMPTION_DEFS, parsed, scenario?.name),
      saveValues: ASSUMPTION_DEFS.filter((d) => !(d.overridesData && parsed.sources[d.key] === 'default')).map((d) => ({ key: d.key, value: String(parsed.values[d.key]) })),
      returnTo: base,
    },
    assumptionRows,
    permalink: link(base),
    jsonHref: link(`${base}.json`),
    printedOn: today(),
  });
}
