import { Router, type Request, type Response } from 'express';
import { ASSUMPTION_DEFS, assumptionText, DEFAULT_ASSUMPTIONS, parseAssumptions, type AssumptionKey, type ParsedAssumptions, type ReportingCurrency } from '../../report/assumptions';
import { formFields } from '../../report/form';
import { tableRecords, type Cell } from '../../report/table';
import { currencyKey } from '../../report/currency';
import type { DatasetMeta, Scenario, Store } from '../../store/types';
import type { AppDeps } from '../deps';
import { NotFoundError } from '../errors';
import { cachedComparison, comparePage } from './compare';
import { workbookDownload } from './workbook';
import { metricFields, metricProblems } from './company-report';
import { describeDistribution } from '../../report/mc-inputs';
import { plain, type Lang } from '../i18n';
import { BUILT_IN_SCENARIOS, presetName, presetWhy } from '../../report/presets';
import { shownDataset } from '../i18n/dataset-name';

/** Saves the built-in scenarios once (the store keeps one built-in per name, even when starts race). */
export async function seedScenarios(store: Store): Promise<void> {
  for (const s of BUILT_IN_SCENARIOS) {
    await store.saveScenario({ name: s.name, workspace: null, values: { ...s.values } as Record<string, number | string>, builtIn: true });
  }
}

const seeded = new WeakSet<Store>();

/** Seeds built-ins on first use, so a store the server did not seed still lists them. */
async function ensureSeeded(store: Store): Promise<void> {
  if (seeded.has(store)) return;
  await seedScenarios(store);
  seeded.add(store);
}

/** Where to go after saving: only this app's report pages. */
function safeReturn(raw: unknown): string | null {
  return typeof raw === 'string' && /^\/(datasets\/[0-9]{1,12}\/report|reports\/industry)$/.test(raw) ? raw : null;
}

function fieldRows(values: Record<string, number | string>, lang: Lang) {
  return ASSUMPTION_DEFS.map((d) => ({
    label: assumptionText(d, lang).label,
    key: d.key,
    format: d.format,
    value: values[d.key] ?? DEFAULT_ASSUMPTIONS[d.key],
    changed: values[d.key] !== undefined,
  }));
}

/** Longest scenario name, in characters (the form's maxlength says the same). */
const MAX_NAME = 80;

/** Most scenarios whose headline results the list computes (each is a whole company report). */
const MAX_HEADLINES = 12;

/** The company dataset the list shows results for: `?dataset=<id>` if visible, else the first. */
async function chosenDataset(deps: AppDeps, ws: string, raw: unknown): Promise<{ chosen: DatasetMeta | null; companies: DatasetMeta[] }> {
  const companies = (await deps.store.listDatasets(ws)).filter((d) => d.kind === 'company');
  const asked = typeof raw === 'string' && /^[0-9]{1,12}$/.test(raw) ? Number(raw) : null;
  return { chosen: companies.find((d) => d.id === asked) ?? companies[0] ?? null, companies };
}

/** One company's headline results under one scenario, amounts in `currency`. */
interface Headline {
  company: Cell;
  npv: Cell;
  irr: Cell;
  payback: Cell;
  pNpvPositive: Cell;
}

/**
 * Headline results (NPV, IRR, payback, P(NPV > 0) per company) of each scenario on the chosen
 * dataset, in the comparison's currency (won for a won dataset).
 */
async function headlines(deps: AppDeps, dataset: DatasetMeta | null, list: Scenario[], lang: Lang): Promise<{ byScenario: Map<number, Headline[]>; currency: ReportingCurrency }> {
  const byScenario = new Map<number, Headline[]>();
  if (!dataset) return { byScenario, currency: 'USD' };
  const shown = list.slice(0, MAX_HEADLINES);
  const comparison = await cachedComparison(deps, dataset, shown.map((s) => ({ id: String(s.id), name: s.name, values: s.values })), {}, lang);
  const npvKey = currencyKey('npv_usd', comparison.currency);
  const records = tableRecords(comparison.table).map((r) => ({
    company: r['company'] ?? null,
    npv: r[npvKey] ?? null,
    irr: r['irr_fraction'] ?? null,
    payback: r['payback_years'] ?? null,
    pNpvPositive: r['p_npv_positive_fraction'] ?? null,
  }));
  const perScenario = records.length / Math.max(1, shown.length);
  shown.forEach((s, i) => byScenario.set(s.id, records.slice(i * perScenario, (i + 1) * perScenario)));
  return { byScenario, currency: comparison.currency };
}

interface ListForm {
  name: string;
  parsed: ParsedAssumptions;
  nameError: string | null;
  /** The saved scenario being edited, if any (the form then updates it). */
  editing?: Scenario | null;
}

async function renderList(deps: AppDeps, req: Request, res: Response, status: number, form: ListForm): Promise<void> {
  const ws = res.locals.workspace as string;
  const lang = res.locals.lang as Lang;
  const list = await deps.store.listScenarios(ws);
  const { chosen, companies } = await chosenDataset(deps, ws, req.query.dataset);
  const results = await headlines(deps, chosen, list, lang);
  const editing = form.editing ?? null;
  res.status(status).render('scenarios/index', {
    title: editing ? plain(lang, 'scenarios.editTitle', { name: editing.name }) : plain(lang, 'scenarios.title'),
    scenarios: list.map((s) => ({
      ...s,
      displayName: s.builtIn ? presetName(s.name, lang) : s.name,
      why: s.builtIn ? presetWhy(s.name, lang) : null,
      rows: fieldRows(s.values, lang),
      headline: results.byScenario.get(s.id) ?? null,
      reportHref: chosen ? `/datasets/${chosen.id}/report?scenario=${s.id}` : null,
      editHref: s.builtIn ? null : `/scenarios/${s.id}/edit${chosen ? `?dataset=${chosen.id}` : ''}`,
    })),
    currency: results.currency,
    company: chosen ? shownDataset(chosen, lang) : null,
    datasets: companies.map((d) => ({ id: d.id, name: shownDataset(d, lang).name, selected: d.id === chosen?.id })),
    compareHref: chosen ? `/datasets/${chosen.id}/compare` : null,
    name: form.name,
    nameError: form.nameError,
    editing,
    problems: form.parsed.problems.map((p) => ({ code: 'invalid_assumption', line: null, column: p.key, value: p.value, message: p.message })),
    form: { action: editing ? `/scenarios/${editing.id}` : '/scenarios', fields: [...formFields(ASSUMPTION_DEFS, form.parsed, undefined, lang), ...metricFields(form.parsed, [], lang)] },
  });
}

/** The scenario's name and values from a posted form, or what is wrong with them. */
function scenarioFromBody(body: Record<string, unknown>, lang: Lang): { name: string; parsed: ParsedAssumptions; nameError: string | null; values: Record<string, number | string> } {
  const name = typeof body.name === 'string' ? body.name.trim() : '';
  const parsed = parseAssumptions(body, undefined, lang);
  let nameError: string | null = null;
  if (name.length === 0) nameError = plain(lang, 'scenarios.nameError.empty');
  else if (name.length > MAX_NAME) nameError = plain(lang, 'scenarios.nameError.long', { max: MAX_NAME });
  else if (/[\u0000-\u001f\u007f]/.test(name)) nameError = plain(lang, 'scenarios.nameError.control');
  // Store what the user set (not defaults they left alone), so the data keeps precedence there.
  const values: Record<string, number | string> = {};
  for (const d of ASSUMPTION_DEFS) {
    const v = parsed.values[d.key];
    if (parsed.sources[d.key] === 'user' && v !== null) values[d.key] = v;
  }
  // Custom metrics are saved with the scenario as their query keys, metric.<name>.
  for (const m of parsed.metrics) values[`metric.${m.name}`] = m.expression;
  for (const [k, d] of Object.entries(parsed.mc.distributions)) if (d) values[`mc.${k}`] = describeDistribution(d);
  if (parsed.mc.correlations.length) values['mcCorrelations'] = parsed.mc.correlations.map((c) => `${c.a} ${c.b} ${c.rankCorrelation}`).join('; ');
  for (const p of metricProblems(parsed.metrics, lang)) parsed.problems.push({ key: p.column ?? 'metric', value: String(p.value ?? ''), message: p.message });
  return { name, parsed, nameError, values };
}

/** A saved scenario of this workspace by `:id`, or 404 (built-ins cannot be edited). */
async function ownScenario(deps: AppDeps, req: Request, res: Response): Promise<Scenario> {
  const raw = String(req.params.id ?? '');
  const id = /^[0-9]{1,12}$/.test(raw) ? Number(raw) : NaN;
  const s = Number.isSafeInteger(id) ? await deps.store.getScenario(id, res.locals.workspace as string) : null;
  if (!s || s.builtIn) throw new NotFoundError(`No scenario ${raw} of yours to edit (built-in scenarios cannot be changed; save a copy)`);
  return s;
}

/**
 * `/scenarios`: list with each scenario's headline results on a chosen dataset (`?dataset=<id>`),
 * save (POST /scenarios), edit and rename (GET /scenarios/:id/edit, POST /scenarios/:id), delete
 * (POST /scenarios/:id/delete); `/datasets/:id/compare` with its `.csv` and `.json` twins (see
 * compare.ts); and `/datasets/:id/report.xlsx`, the live workbook (see workbook.ts).
 */
export function scenarioRoutes(deps: AppDeps): Router {
  const r = Router();

  r.get('/scenarios', async (req, res) => {
    await ensureSeeded(deps.store);
    await renderList(deps, req, res, 200, { name: '', parsed: parseAssumptions({}, undefined, res.locals.lang as Lang), nameError: null });
  });

  r.get('/scenarios/:id/edit', async (req, res) => {
    await ensureSeeded(deps.store);
    const s = await ownScenario(deps, req, res);
    const asText = Object.fromEntries(Object.entries(s.values).map(([k, v]) => [k, String(v)]));
    await renderList(deps, req, res, 200, { name: s.name, parsed: parseAssumptions(asText, undefined, res.locals.lang as Lang), nameError: null, editing: s });
  });

  r.post('/scenarios/:id', async (req, res) => {
    const s = await ownScenario(deps, req, res);
    const form = scenarioFromBody((req.body ?? {}) as Record<string, unknown>, res.locals.lang as Lang);
    if (form.nameError || form.parsed.problems.length > 0) {
      await renderList(deps, req, res, 422, { ...form, editing: s });
      return;
    }
    const updated = await deps.store.updateScenario(s.id, res.locals.workspace as string, { name: form.name, values: form.values });
    if (!updated) throw new NotFoundError(`No scenario ${s.id} of yours to edit`);
    res.redirect(303, `/scenarios#scenario-${updated.id}`);
  });

  r.get('/scenarios.json', async (_req, res) => {
    await ensureSeeded(deps.store);
    const list = await deps.store.listScenarios(res.locals.workspace as string);
    res.json(list.map(({ id, name, values, builtIn, createdAt }) => ({ id, name, values, builtIn, createdAt })));
  });

  r.post('/scenarios', async (req: Request, res: Response) => {
    await ensureSeeded(deps.store);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const { name, parsed, nameError, values } = scenarioFromBody(body, res.locals.lang as Lang);
    if (nameError || parsed.problems.length > 0) {
      await renderList(deps, req, res, 422, { name, parsed, nameError });
      return;
    }
    const saved = await deps.store.saveScenario({ name, workspace: res.locals.workspace as string, values });
    const back = safeReturn(body.returnTo);
    res.redirect(303, back ? `${back}?scenario=${saved.id}` : '/scenarios');
  });

  r.get('/datasets/:id/report.xlsx', (req, res) => workbookDownload(deps, req, res));

  for (const format of ['html', 'csv', 'json'] as const) {
    r.get(`/datasets/:id/compare${format === 'html' ? '' : `.${format}`}`, (req, res) => comparePage(deps, req, res, format));
  }

  r.post('/scenarios/:id/delete', async (req, res) => {
    const raw = String(req.params.id ?? '');
    const id = /^[0-9]{1,12}$/.test(raw) ? Number(raw) : NaN;
    const ok = Number.isSafeInteger(id) && (await deps.store.deleteScenario(id, res.locals.workspace as string));
    if (!ok) throw new NotFoundError(`No scenario ${raw} of yours to delete (built-in scenarios cannot be deleted)`);
    res.redirect(303, '/scenarios');
  });

  return r;
}
