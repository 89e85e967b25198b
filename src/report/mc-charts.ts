/**
 * Charts of a Monte Carlo run as @RISK draws them: convergence (running mean and P50 of NPV
 * against trials) and a tornado by contribution to variance. Plain Chart.js data (charts.ts).
 */
import type { ConvergencePoint, VarianceContribution } from '../finance';
import { textIn, type Lang } from '../i18n';
import { barChartHeight, COLORS, wrapLabel, type ChartConfig } from './charts';

/**
 * Running mean and running P50 of NPV against the number of trials.
 * @example convergenceChart(convergenceSeries(run.values)).data.datasets.length // 2
 */
export function convergenceChart(points: readonly ConvergencePoint[], currency: 'USD' | 'KRW' = 'USD', lang: Lang = 'en'): ChartConfig {
  const t = textIn(lang);
  return {
    type: 'line',
    data: {
      labels: points.map((p) => p.trials),
      datasets: [
        { label: t('company.legend.runningMean'), data: points.map((p) => (p.mean === null ? null : Math.round(p.mean))), borderColor: COLORS.capex, pointRadius: 0, fill: false },
        { label: t('company.legend.runningP50'), data: points.map((p) => (p.p50 === null ? null : Math.round(p.p50))), borderColor: COLORS.discounted, pointRadius: 0, fill: false },
      ],
    },
    options: {
      plugins: { legend: { display: true } },
      scales: { x: { title: { display: true, text: t('company.axis.trials') } }, y: { title: { display: true, text: t('company.axis.npv') } } },
      meta: { yFormat: 'money', xFormat: 'number', currency },
    },
  };
}

/**
 * Horizontal bars of each input's share of NPV's variance (squared rank correlation, normalised),
 * coloured by the direction of its rank correlation; the largest on top.
 * @example varianceTornadoChart(varianceContribution(inputs, run.values)).options.indexAxis // 'y'
 */
export function varianceTornadoChart(shares: readonly VarianceContribution[], labels: Readonly<Record<string, string>> = {}, lang: Lang = 'en'): ChartConfig {
  const t = textIn(lang);
  const lines = shares.map((s) => wrapLabel(labels[s.name] ?? s.name, 26));
  return {
    type: 'bar',
    data: {
      labels: lines.map((l) => (l.length === 1 ? (l[0] as string) : l)),
      datasets: [
        {
          label: t('company.legend.varianceShare'),
          data: shares.map((s) => s.share),
          backgroundColor: shares.map((s) => (s.rankCorrelation >= 0 ? COLORS.high : COLORS.low)),
        },
      ],
    },
    options: {
      indexAxis: 'y',
      plugins: { legend: { display: false } },
      scales: { x: { beginAtZero: true, title: { display: true, text: t('company.axis.varianceShare') } }, y: { ticks: { autoSkip: false } } },
      meta: { xFormat: 'percent', heightPx: barChartHeight(lines) },
    },
  };
}
