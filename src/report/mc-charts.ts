/**
 * Charts of a Monte Carlo run as @RISK draws them: convergence (running mean and P50 of NPV
 * against trials) and a tornado by contribution to variance. Plain Chart.js data (charts.ts).
 */
import type { ConvergencePoint, VarianceContribution } from '../finance';
import { COLORS, type ChartConfig } from './charts';

/**
 * Running mean and running P50 of NPV against the number of trials.
 * @example convergenceChart(convergenceSeries(run.values)).data.datasets.length // 2
 */
export function convergenceChart(points: readonly ConvergencePoint[], currency: 'USD' | 'KRW' = 'USD'): ChartConfig {
  return {
    type: 'line',
    data: {
      labels: points.map((p) => p.trials),
      datasets: [
        { label: 'Running mean', data: points.map((p) => (p.mean === null ? null : Math.round(p.mean))), borderColor: COLORS.capex, pointRadius: 0, fill: false },
        { label: 'Running P50', data: points.map((p) => (p.p50 === null ? null : Math.round(p.p50))), borderColor: COLORS.discounted, pointRadius: 0, fill: false },
      ],
    },
    options: {
      plugins: { legend: { display: true } },
      scales: { x: { title: { display: true, text: 'Trials' } }, y: { title: { display: true, text: 'NPV' } } },
      meta: { yFormat: 'money', xFormat: 'number', currency },
    },
  };
}

/**
 * Horizontal bars of each input's share of NPV's variance (squared rank correlation, normalised),
 * coloured by the direction of its rank correlation; the largest on top.
 * @example varianceTornadoChart(varianceContribution(inputs, run.values)).options.indexAxis // 'y'
 */
export function varianceTornadoChart(shares: readonly VarianceContribution[], labels: Readonly<Record<string, string>> = {}): ChartConfig {
  return {
    type: 'bar',
    data: {
      labels: shares.map((s) => labels[s.name] ?? s.name),
      datasets: [
        {
          label: 'Share of NPV variance',
          data: shares.map((s) => s.share),
          backgroundColor: shares.map((s) => (s.rankCorrelation >= 0 ? COLORS.high : COLORS.low)),
        },
      ],
    },
    options: {
      indexAxis: 'y',
      plugins: { legend: { display: false } },
      scales: { x: { beginAtZero: true, title: { display: true, text: 'Share of variance (green: NPV rises with the input; red: falls)' } } },
      meta: { xFormat: 'percent' },
    },
  };
}
