/**
 * Chart.js configurations built as plain data. `public/js/charts.js` draws every
 * `<script type="application/json" class="chart-data">` block; `options.meta` becomes the tick
 * formatters there, so no function ever travels in the JSON.
 */

export type AxisFormat = 'money' | 'percent' | 'number' | 'multiple';

export interface ChartDataset {
  label: string;
  data: (number | null | { x: number | string; y: number | null })[];
  type?: 'bar' | 'line' | 'scatter';
  backgroundColor?: string | string[];
  borderColor?: string;
  borderWidth?: number;
  pointRadius?: number;
  pointStyle?: string;
  fill?: boolean;
  stack?: string;
  order?: number;
  barPercentage?: number;
  categoryPercentage?: number;
}

export interface ChartConfig {
  type: 'bar' | 'line' | 'scatter';
  data: { labels: (string | number)[]; datasets: ChartDataset[] };
  options: {
    indexAxis?: 'x' | 'y';
    plugins?: { legend?: { display: boolean }; title?: { display: boolean; text: string } };
    scales?: Record<string, { type?: 'linear' | 'category'; stacked?: boolean; beginAtZero?: boolean; title?: { display: boolean; text: string } }>;
    /** Axis formats for charts.js; `currency` is the money sign's currency (USD unless KRW). */
    meta: { yFormat?: AxisFormat; xFormat?: AxisFormat; logY?: boolean; currency?: 'USD' | 'KRW' };
  };
}

export const COLORS = Object.freeze({
  capex: '#1f3b73',
  aiCapex: '#6b7fa8',
  depreciation: '#b5482f',
  cash: '#3a8f5c',
  discounted: '#8a6d1f',
  marker: '#111111',
  low: '#b5482f',
  high: '#3a8f5c',
});
