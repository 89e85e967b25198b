import type { Request, Response } from 'express';
import { assumptionsQuery, parseAssumptions } from '../../report/assumptions';
import { LRUCache } from 'lru-cache';
import { assembleComparison, scenarioFigures, type CompareScenario, type Comparison, type ScenarioFigures } from '../../report/compare';
import { sendCsv, toCsv } from '../../report/csv';
import { tableForCsv, tableRecords } from '../../report/table';
import { datasetRevision, type DatasetMeta, type Row } from '../../store/types';
import type { AppDeps } from '../deps';
import { NotFoundError, ValidationError, type InputProblem } from '../errors';
import { plain, type Lang } from '../i18n';
import { shownDataset } from '../i18n/dataset-name';
import { BUILT_IN_SCENARIOS, presetName } from '../../report/presets';

/** Most scenarios one comparison holds (each is a whole company report). */
const MAX_SCENARIOS = 6;

/**
 * The built-in scenarios by slug: `base`, `bull`, `bear`, `deepseek-shock`, each with its name as
 * shown in `lang` (the stored name in English). A function, not a constant: scenarios.ts imports
 * this module, so its list is read at request time.
 */
export function builtInSlugs(lang: Lang = 'en'): ReadonlyMap<string, { name: string; values: Record<string, number | string> }> {
  return new Map(BUILT_IN_SCENARIOS.map((s) => [s.slug, { name: presetName(s.name, lang), values: { ...s.values } as Record<string, number | string> }]));
}

/**
 * Each store's cache of one scenario's figures on one dataset revision: a scenario's results are a
 * pure function of the rows, its values, the typed-in overrides and the language its text is in,
 * so /scenarios and the compare page do not recompute a company report per scenario on every
 * view. Bounded by entries (each is a few records per company).
 */
const figureCaches = new WeakMap<object, LRUCache<string, ScenarioFigures>>();

/**
 * The comparison of `scenarios` on `dataset`, each scenario's figures from the cache when the
 * same revision, values and overrides were computed before.
 */
export async function cachedComparison(deps: AppDeps, dataset: DatasetMeta, scenarios: readonly CompareScenario[], query: Readonly<Record<string, unknown>> = {}, lang: Lang = 'en'): Promise<Comparison> {
  let cache = figureCaches.get(deps.store);
  if (!cache) {
    cache = new LRUCache<string, ScenarioFigures>({ max: 256 });
    figureCaches.set(deps.store, cache);
  }
  let rows: Row[] | null = null;
  const figures: ScenarioFigures[] = [];
  for (const s of scenarios) {
    const key = JSON.stringify([datasetRevision(dataset), s.id, s.name, s.values, query, lang]);
    let f = cache.get(key);
    if (!f) {
      rows ??= await deps.store.getRows(dataset.id);
      f = scenarioFigures(dataset.name, rows, s, query, lang);
      cache.set(key, f);
    }
    figures.push(f);
  }
  return assembleComparison(dataset.name, figures, lang);
}

/** `scenarios=` as a list: comma-separated text, or the key repeated (checkboxes). */
function askedScenarios(raw: unknown): string[] {
  const parts = (Array.isArray(raw) ? raw : [raw]).flatMap((v) => (typeof v === 'string' ? v.split(',') : []));
  const list = [...new Set(parts.map((p) => p.trim().toLowerCase()).filter((p) => p !== ''))];
  return list.length > 0 ? list : [...builtInSlugs().keys()];
}

/** Resolves each asked slug or saved id, or a problem naming it. */
async function resolveScenarios(deps: AppDeps, asked: string[], workspace: string, lang: Lang): Promise<{ scenarios: CompareScenario[]; problems: InputProblem[] }> {
  const scenarios: CompareScenario[] = [];
  const problems: InputProblem[] = [];
  const BUILT_IN_SLUGS = builtInSlugs(lang);
  if (asked.length > MAX_SCENARIOS) {
    problems.push({ code: 'too_many_scenarios', line: null, column: 'scenarios', value: asked.join(','), message: `Compare at most ${MAX_SCENARIOS} scenarios at once; ${asked.length} were asked.` });
    return { scenarios, problems };
  }
  for (const key of asked) {
    const builtIn = BUILT_IN_SLUGS.get(key);
    if (builtIn) {
      scenarios.push({ id: key, name: builtIn.name, values: builtIn.values });
      continue;
    }
    const saved = /^[0-9]{1,12}$/.test(key) ? await deps.store.getScenario(Number(key), workspace) : null;
    if (saved) scenarios.push({ id: key, name: saved.name, values: saved.values });
    else {
      problems.push({
        code: 'unknown_scenario', line: null, column: 'scenarios', value: key,
        message: `No scenario "${key}": use ${[...BUILT_IN_SLUGS.keys()].join(', ')} or a saved scenario's number.`,
      });
    }
  }
  return { scenarios, problems };
}

/**
 * `/datasets/:id/compare` (and `.csv`, `.json`): the company report under each scenario of
 * `scenarios=` side by side. Other assumption keys in the query apply on top of every scenario.
 */
export async function comparePage(deps: AppDeps, req: Request, res: Response, format: 'html' | 'csv' | 'json'): Promise<void> {
  const workspace = res.locals.workspace as string;
  const lang = res.locals.lang as Lang;
  const raw = String(req.params.id ?? '');
  const dataset = /^[0-9]{1,12}$/.test(raw) ? await deps.store.getDataset(Number(raw), workspace) : null;
  if (!dataset || dataset.kind !== 'company') throw new NotFoundError(`No company dataset ${raw}`);
  const { scenarios, problems } = await resolveScenarios(deps, askedScenarios(req.query.scenarios), workspace, lang);
  const { scenarios: _s, ...assumptionKeys } = req.query as Record<string, unknown>;
  // The page's 422 names problems in the reader's language; CSV and JSON keep English messages.
  const overrides = parseAssumptions(assumptionKeys, undefined, format === 'html' ? lang : 'en');
  for (const p of overrides.problems) problems.push({ code: 'invalid_assumption', line: null, column: p.key, value: p.value, message: p.message });
  if (problems.length > 0) throw new ValidationError('Some scenarios cannot be compared', problems);
  const comparison = await cachedComparison(deps, dataset, scenarios, assumptionKeys, lang);
  if (format === 'json') {
    res.json({ dataset: dataset.name, scenarios: comparison.scenarios, columns: comparison.table.columns.map((c) => c.key), rows: tableRecords(comparison.table), problems: comparison.problems });
    return;
  }
  // People read a built-in dataset by its name in their language; the JSON keeps the stored one.
  const shown = shownDataset(dataset, lang);
  if (format === 'csv') {
    sendCsv(res, `${shown.name}-compare.csv`, toCsv(tableForCsv(comparison.table)));
    return;
  }
  const extra = assumptionsQuery(overrides, { onlyUser: true });
  const query = `scenarios=${encodeURIComponent(comparison.scenarios.map((s) => s.id).join(','))}${extra ? `&${extra}` : ''}`;
  const base = `/datasets/${dataset.id}/compare`;
  const BUILT_IN_SLUGS = builtInSlugs(lang);
  const chosen = new Set(comparison.scenarios.map((s) => s.id));
  res.render('scenarios/compare', {
    title: plain(lang, 'compare.page.title', { name: shown.name }),
    dataset: shown,
    comparison,
    choices: [
      ...[...BUILT_IN_SLUGS.entries()].map(([slug, s]) => ({ value: slug, name: s.name, builtIn: true, checked: chosen.has(slug) })),
      ...(await deps.store.listScenarios(workspace)).filter((s) => !s.builtIn).map((s) => ({ value: String(s.id), name: s.name, builtIn: false, checked: chosen.has(String(s.id)) })),
    ],
    reports: comparison.scenarios.map((s) => ({
      name: s.name,
      builtIn: BUILT_IN_SLUGS.has(s.id),
      href: BUILT_IN_SLUGS.has(s.id) ? `/datasets/${dataset.id}/report?${new URLSearchParams(Object.entries(BUILT_IN_SLUGS.get(s.id)?.values ?? {}).map(([k, v]) => [k, String(v)])).toString()}` : `/datasets/${dataset.id}/report?scenario=${s.id}`,
    })),
    csvHref: `${base}.csv?${query}`,
    jsonHref: `${base}.json?${query}`,
    permalink: `${base}?${query}`,
  });
}
