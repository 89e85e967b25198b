import type { AssumptionKey } from './assumptions';
import { plain, type Lang } from '../i18n';

/**
 * The built-in scenarios. Each names only what it changes from the defaults, so an unnamed
 * assumption keeps the default (and the useful life keeps the data's where the data has one).
 * The stored name stays English (saved links and the API use it); people read the name and the
 * reason in their language: `scenarios.preset.<slug>.name` and `.why` in locales/<lang>/scenarios.json.
 */
export const BUILT_IN_SCENARIOS: readonly { name: string; slug: string; values: Partial<Record<AssumptionKey, number | string>> }[] = [
  // Values and sources: docs/methodology.md, "Presets (built-in scenarios)".
  { name: 'Base', slug: 'base', values: {} },
  { name: 'Bull', slug: 'bull', values: { wacc: 0.08, aiRevenueToCapex: 0.5, aiRevenueGrowth: 0.05, aiEbitdaMargin: 0.6, targetPe: 30 } },
  { name: 'Bear', slug: 'bear', values: { wacc: 0.1, aiRevenueToCapex: 0.25, aiRevenueGrowth: -0.1, aiEbitdaMargin: 0.4, gpuUsefulLifeYears: 4, targetPe: 20 } },
  { name: 'DeepSeek shock', slug: 'deepseek-shock', values: { tokenPriceDeflation: 0.7, volumeElasticity: 0.3 } },
];

const PRESET_SLUGS = new Map(BUILT_IN_SCENARIOS.map((s) => [s.name, s.slug]));

/**
 * A built-in scenario's name as people read it in `lang` (its stored name when it is none).
 * @example presetName('Bear', 'ko') // '비관'
 */
export function presetName(storedName: string, lang: Lang): string {
  const slug = PRESET_SLUGS.get(storedName);
  return slug ? plain(lang, `scenarios.preset.${slug}.name`) : storedName;
}

/** Why a built-in scenario sets what it sets, in `lang`; null for any other name. */
export function presetWhy(storedName: string, lang: Lang): string | null {
  const slug = PRESET_SLUGS.get(storedName);
  return slug ? plain(lang, `scenarios.preset.${slug}.why`) : null;
}
