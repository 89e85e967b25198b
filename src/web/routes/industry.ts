import { Router, type Request, type Response } from 'express';
import { DEFAULT_ASSUMPTIONS } from '../../report/assumptions';
import { sendCsv, toCsv } from '../../report/csv';
import { formFields } from '../../report/form';
import { checked } from '../../report/finite';
import { runReport } from '../../report/pool';
import { reportLimits } from '../report-cache';
import { buildIndustryReport, industryDefs, INDUSTRY_DATA_COLUMNS, INDUSTRY_DEFS, INDUSTRY_PRESETS, type DatasetSpend, type IndustryReport } from '../../report/industry-report';
import { tableForCsv, tableRecords } from '../../report/table';
import type { AppDeps } from '../deps';
import { BadRequestError, ValidationError, type InputProblem } from '../errors';
import { textIn, type Lang } from '../i18n';
import { shownDataset } from '../i18n/dataset-name';

function queryText(req: Request, key: string): string | undefined {
  const v = req.query[key];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/** `?includeGuidance=true|false` (default true); anything else is a problem. */
function includeGuidance(req: Request, problems: InputProblem[], lang: Lang): boolean {
  const text = queryText(req, 'includeGuidance');
  if (text === undefined) return true;
  const v = { true: true, false: false, '1': true, '0': false, yes: true, no: false }[text.toLowerCase()];
  if (v === undefined) problems.push({ code: 'invalid_assumption', line: null, column: 'includeGuidance', value: text, message: textIn(lang)('industry.problem.includeGuidance') });
  return v ?? true;
}

/** `?dataset=<id>` (a company dataset visible to the workspace), `?year=` (calendar) and `?includeGuidance=`; bad ones are problems. */
async function loadSpend(deps: AppDeps, req: Request, res: Response, problems: InputProblem[]) {
  const ws = res.locals.workspace as string;
  const lang = res.locals.lang as Lang;
  const t = textIn(lang);
  // A built-in company dataset is named in the reader's language.
  const choices = (await deps.store.listDatasets(ws)).filter((d) => d.kind === 'company').map((d) => shownDataset(d, lang));
  const raw = queryText(req, 'dataset');
  const yearText = queryText(req, 'year');
  const guidance = includeGuidance(req, problems, lang);
  let year: number | undefined;
  if (yearText !== undefined) {
    if (/^[0-9]{4}$/.test(yearText)) year = Number(yearText);
    else problems.push({ code: 'invalid_year', line: null, column: 'year', value: yearText, message: t('industry.problem.year') });
  }
  let spend: DatasetSpend | null = null;
  let datasetId: number | null = null;
  if (raw !== undefined) {
    const id = /^[0-9]{1,12}$/.test(raw) ? Number(raw) : NaN;
    const found = Number.isSafeInteger(id) ? await deps.store.getDataset(id, ws) : null;
    const meta = found ? shownDataset(found, lang) : null;
    if (!meta || meta.kind !== 'company') {
      problems.push({ code: 'unknown_dataset', line: null, column: 'dataset', value: raw, message: t('industry.problem.dataset') });
    } else {
      datasetId = meta.id;
      // Summing a big dataset is heavy: it runs in the report pool.
      const job = { datasetName: meta.name, rows: await deps.store.getRows(meta.id), aiCapexShare: DEFAULT_ASSUMPTIONS.aiCapexShare, includeGuidance: guidance, ...(year === undefined ? {} : { year }) };
      spend = (await runReport('industrySum', job, reportLimits(deps.config))).value;
      if (!spend) problems.push({ code: 'no_capex', line: null, column: 'dataset', value: raw, message: t('industry.problem.noCapex', { name: meta.name }) });
    }
  }
  return { spend, datasetId, choices: choices.map((d) => ({ id: d.id, name: d.name, selected: d.id === datasetId })) };
}

function asJson(report: IndustryReport) {
  const r = report.result;
  return {
    inputs: report.inputs,
    sources: report.sources,
    dataset: report.dataset
      ? {
          name: report.dataset.datasetName,
          calendarYear: report.dataset.calendarYear,
          summedBy: 'calendar year; fiscal years split by month',
          includeGuidance: report.dataset.includeGuidance,
          guidanceCompanies: report.dataset.guidanceCompanies,
          aiCapexUsd: report.dataset.aiCapexUsd,
        }
      : null,
    dataCenterCost: r?.dataCenterCostUsd ?? null,
    requiredRevenue: r?.requiredRevenueUsd ?? null,
    gap: r?.gapUsd ?? null,
    requiredRevenueApplies: 'every year while the spending continues',
    oneOffRequiredRevenuePerYear: r?.oneOffRequiredRevenuePerYearUsd ?? null,
    oneOffGapPerYear: r?.oneOffGapPerYearUsd ?? null,
    oneOffApplies: 'a single year of spend, never repeated, spread over its useful life',
    yearsToCloseGap: r?.yearsToCloseGap ?? null,
    yearsToCloseOneOffGap: r?.yearsToCloseOneOffGap ?? null,
    summary: report.summary,
    tables: Object.fromEntries(report.tables.map((t) => [t.name, tableRecords(t)])),
  };
}

type Line = [string, string | number, string];

/** The inputs as `# key,value,source` lines (CSV) and the page's inputs table; source words in the reader's language. */
function inputLines(report: IndustryReport, spend: DatasetSpend | null, lang: Lang): Line[] {
  const t = textIn(lang);
  const src = (s: string): string => t(`industry.lineSource.${s}`);
  const lines: Line[] = INDUSTRY_DEFS.map((d) => [d.csvKey, report.inputs[d.key], src(report.sources[d.key])]);
  if (spend) {
    lines.unshift(
      ['dataset', spend.datasetName, src('data')],
      ['calendar_year', spend.calendarYear, src('data')],
      ['summed_by', t('industry.summedBy'), src('data')],
      ['include_guidance', String(spend.includeGuidance), src(spend.includeGuidance ? 'default' : 'user')],
    );
  }
  return lines;
}

/** The form's selects (dataset, calendar year, guidance) and fields, labels in the reader's language. */
function formModel(report: IndustryReport, spend: DatasetSpend | null, datasetId: number | null, choices: { id: number; name: string; selected: boolean }[], lang: Lang) {
  const t = textIn(lang);
  const fields = formFields(industryDefs(lang), { ...report, values: report.inputs }, undefined, lang);
  return {
    action: '/reports/industry',
    selects: [
      {
        name: 'dataset',
        label: t('industry.form.dataset'),
        help: t('industry.form.datasetHelp'),
        options: [{ value: '', label: t('industry.form.typed'), selected: datasetId === null }, ...choices.map((c) => ({ value: String(c.id), label: c.name, selected: c.selected }))],
      },
      ...(spend
        ? [
            { name: 'year', label: t('industry.form.year'), help: t('industry.form.yearHelp'), options: spend.years.map((y) => ({ value: String(y), label: String(y), selected: y === spend.calendarYear })) },
            {
              name: 'includeGuidance',
              label: t('industry.form.guidance'),
              help: t('industry.form.guidanceHelp'),
              options: [
                { value: 'true', label: t('industry.form.included'), selected: spend.includeGuidance },
                { value: 'false', label: t('industry.form.leftOut'), selected: !spend.includeGuidance },
              ],
            },
          ]
        : []),
    ],
    fields,
  };
}

/** Tables as the page shows them: measure keys as words, data cells (company names) marked as data, a CSV link. */
function pageTables(report: IndustryReport, link: (path: string, extra?: [string, string]) => string) {
  const t = textIn(report.lang);
  return report.tables.map((table) => ({
    ...table,
    csvHref: link('/reports/industry.csv', ['table', table.name]),
    rows: table.rows.map((row) =>
      row.map((v, i) => {
        const col = table.columns[i];
        const shown = col?.key === 'measure' && typeof v === 'string' ? t(`industry.measure.${v}`) : v;
        return { v: shown, format: col?.format ?? 'text', data: col !== undefined && INDUSTRY_DATA_COLUMNS.includes(col.key) };
      }),
    ),
  }));
}

/** `/reports/industry` (page), `.json` and `.csv` (`?table=gap|years-to-close|companies`). */
export function industryRoutes(deps: AppDeps): Router {
  const r = Router();
  for (const format of ['html', 'json', 'csv'] as const) {
    const suffix = format === 'html' ? '' : `.${format}`;
    r.get(`/reports/industry${suffix}`, async (req, res) => {
      const lang = res.locals.lang as Lang;
      const t = textIn(lang);
      const problems: InputProblem[] = [];
      const { spend, datasetId, choices } = await loadSpend(deps, req, res, problems);
      const report = checked(() => buildIndustryReport(req.query as Record<string, unknown>, spend, lang), INDUSTRY_DEFS.map((d) => d.key));
      for (const p of report.problems) problems.push({ code: 'invalid_assumption', line: null, column: p.key, value: p.value, message: p.message });
      if (problems.length > 0 && format !== 'html') throw new ValidationError('Some inputs are invalid', problems);
      const params = new URLSearchParams();
      if (datasetId !== null) params.set('dataset', String(datasetId));
      if (spend) params.set('year', String(spend.calendarYear));
      if (spend && !spend.includeGuidance) params.set('includeGuidance', 'false');
      for (const def of INDUSTRY_DEFS) if (report.sources[def.key] === 'user') params.set(def.key, String(report.inputs[def.key]));
      if (format === 'json') {
        res.json(asJson(report));
        return;
      }
      const lines = inputLines(report, spend, lang);
      if (format === 'csv') {
        const name = queryText(req, 'table') ?? 'gap';
        const table = report.tables.find((x) => x.name === name);
        if (!table) throw new BadRequestError(t('industry.problem.table', { tables: report.tables.map((x) => x.name).join(', ') }), { field: 'table' });
        sendCsv(res, `industry-gap-${table.name}.csv`, toCsv(tableForCsv(table), lines));
        return;
      }
      const qs = params.toString();
      const link = (path: string, extra?: [string, string]) => {
        const q = new URLSearchParams(qs);
        if (extra) q.set(extra[0], extra[1]);
        const text = q.toString();
        return text ? `${path}?${text}` : path;
      };
      const form = formModel(report, spend, datasetId, choices, lang);
      const labelOf = (column: string | null): string | null => [...form.fields, ...form.selects].find((f) => ('key' in f ? f.key : f.name) === column)?.label ?? null;
      res.status(problems.length > 0 ? 422 : 200).render('reports/industry', {
        title: t('industry.pageTitle'),
        report: problems.length > 0 ? null : { ...report, tables: pageTables(report, link) },
        // Each problem named by its field's label; every message here is already in the reader's language.
        problems: problems.map((p) => ({ ...p, label: labelOf(p.column), localized: true })),
        presets: INDUSTRY_PRESETS.map((p) => ({
          label: t(`industry.preset.${p.id}.label`),
          published: t(`industry.preset.${p.id}.published`),
          href: `/reports/industry?${new URLSearchParams(Object.entries(p.inputs).map(([k, v]) => [k, String(v)])).toString()}`,
        })),
        form,
        assumptionRows: lines.map(([key, value, source]) => ({
          key,
          value,
          source,
          data: key === 'dataset',
          format: typeof value !== 'number' || key === 'calendar_year' ? 'text' : key.endsWith('_usd') ? 'money' : key.endsWith('_fraction') ? 'percent' : 'number',
        })),
        permalink: link('/reports/industry'),
        jsonHref: link('/reports/industry.json'),
        printedOn: new Date().toISOString().slice(0, 10),
      });
    });
  }
  return r;
}
