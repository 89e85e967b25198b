/**
 * The tornado of NPV swings: each assumption with a standard change (ASSUMPTION_DEFS `swing`) is
 * moved one change down and one up, all else equal, and the company's AI NPV recomputed (the
 * finance core's `tornado`). A move that would leave the assumption's valid range stops at the
 * range's edge. Bars are sorted by the size of the swing, largest first. The useful-life bar puts
 * every vintage on the moved life.
 *
 * Its chart colours mean something: the part of a bar where the NPV rises is green, where it falls
 * red (whichever end of the input does it), with a legend saying so. Labels are whole: long ones
 * wrap into lines, and the chart asks for enough height for every bar (no label is skipped).
 */
import { tornado } from '../finance';
import { textIn, type Lang } from '../i18n';
import type { Row } from '../store/types';
import { ASSUMPTION_DEFS, checkValue, type AssumptionDef, type AssumptionKey, type Assumptions } from './assumptions';
import { barChartHeight, COLORS, wrapLabel, type ChartConfig } from './charts';
import { companyNpv, type ModelOptions } from './company-model';
import { assumptionLabel } from './company-text';

export interface TornadoBar {
  key: AssumptionKey;
  label: string;
  low: number;
  high: number;
  npvLowUsd: number;
  npvHighUsd: number;
}

/** Moves `value` by `delta`, stopping at the edge of the definition's valid range. */
export function clampedStep(def: AssumptionDef, value: number, delta: number): number {
  const target = value + delta;
  if ('value' in checkValue(def, String(target))) return target;
  if (delta < 0 && def.min !== undefined) return def.minExclusive ? value : Math.max(def.min, target);
  if (delta > 0 && def.max !== undefined) return def.maxExclusive ? value : Math.min(def.max, target);
  return value;
}

/** Bars of the assumptions with a standard change, largest swing first; `label` is in `lang`. */
export function npvTornado(company: string, rows: Row[], a: Assumptions, opts: ModelOptions & { valuationDate?: string } = {}, lang: Lang = 'en'): TornadoBar[] {
  const defs = ASSUMPTION_DEFS.filter((d) => d.swing !== undefined && typeof a[d.key] === 'number');
  const base: Record<string, number> = {};
  const swings: Record<string, readonly [number, number]> = {};
  for (const d of defs) {
    const v = a[d.key] as number;
    base[d.key] = v;
    swings[d.key] = [clampedStep(d, v, -(d.swing as number)), clampedStep(d, v, d.swing as number)];
  }
  // NaN marks a combination with no answer (no capex, or a value-driver terminal growth at or above the WACC).
  const npvOf = (inputs: Readonly<Record<string, number>>): number => {
    const values = { ...a, ...inputs } as Assumptions;
    const o = values.gpuUsefulLifeYears !== a.gpuUsefulLifeYears ? { ...opts, lifeFromData: false } : opts;
    return companyNpv(company, rows, values, o) ?? Number.NaN;
  };
  const result = tornado(npvOf, base, swings);
  const byKey = new Map<string, AssumptionDef>(defs.map((d) => [d.key, d]));
  const bars: TornadoBar[] = [];
  for (const b of result.bars) {
    const def = byKey.get(b.name);
    if (!def || !Number.isFinite(b.lowValue) || !Number.isFinite(b.highValue)) continue;
    bars.push({ key: def.key, label: assumptionLabel(def.key, lang), low: b.lowInput, high: b.highInput, npvLowUsd: b.lowValue, npvHighUsd: b.highValue });
  }
  return bars;
}

/**
 * The tornado as a chart: per assumption, how far NPV moves from the base when the input goes one
 * standard change down or up. The part of the bar where NPV rises is green ("raises NPV"), where it
 * falls red ("lowers NPV"); both ends moving NPV the same way show the larger move.
 * @example tornadoChart(bars, baseNpv, 'ko').data.datasets.map((d) => d.label) // ['NPV를 높임', 'NPV를 낮춤']
 */
export function tornadoChart(bars: readonly TornadoBar[], baseNpv: number, lang: Lang = 'en'): ChartConfig {
  const t = textIn(lang);
  const labels = bars.map((b) => wrapLabel(b.label, 26));
  const moves = bars.map((b) => [b.npvLowUsd - baseNpv, b.npvHighUsd - baseNpv] as const);
  return {
    type: 'bar',
    data: {
      labels: labels.map((l) => (l.length === 1 ? (l[0] as string) : l)),
      datasets: [
        { label: t('company.legend.raisesNpv'), data: moves.map(([lo, hi]) => Math.round(Math.max(lo, hi, 0))), backgroundColor: COLORS.high, stack: 's' },
        { label: t('company.legend.lowersNpv'), data: moves.map(([lo, hi]) => Math.round(Math.min(lo, hi, 0))), backgroundColor: COLORS.low, stack: 's' },
      ],
    },
    options: {
      indexAxis: 'y',
      plugins: { legend: { display: true } },
      scales: {
        x: { stacked: true, title: { display: true, text: t('company.axis.npvChange') } },
        y: { stacked: true, ticks: { autoSkip: false } },
      },
      meta: { xFormat: 'money', heightPx: barChartHeight(labels) },
    },
  };
}
