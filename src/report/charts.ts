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
  /** A label given as lines (string[]) is drawn on several lines, whole. */
  data: { labels: (string | number | string[])[]; datasets: ChartDataset[] };
  options: {
    indexAxis?: 'x' | 'y';
    plugins?: { legend?: { display: boolean }; title?: { display: boolean; text: string } };
    scales?: Record<string, { type?: 'linear' | 'category'; stacked?: boolean; beginAtZero?: boolean; title?: { display: boolean; text: string }; ticks?: { autoSkip?: boolean } }>;
    /**
     * Axis formats for charts.js; `currency` is the money sign's currency (USD unless KRW);
     * `heightPx` the height the chart needs (a bar per label, on screen and on paper); `lang` 'ko'
     * writes money ticks in 조/억/만 ("2조원", "500억 달러").
     */
    meta: { yFormat?: AxisFormat; xFormat?: AxisFormat; logY?: boolean; currency?: 'USD' | 'KRW'; heightPx?: number; lang?: 'en' | 'ko' };
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

/** Width of a text as it is drawn: a Hangul or other wide character counts as two. */
function drawnWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u11ff\u2e80-\ua4cf\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return w;
}

/**
 * A label broken into lines of at most `width` drawn characters at spaces (a single longer word
 * keeps its own line), so a chart axis shows it whole instead of cutting it.
 * @example wrapLabel('AI operating margin before depreciation and power', 24) // ['AI operating margin', 'before depreciation and', 'power']
 */
export function wrapLabel(label: string, width = 24): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && drawnWidth(next) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

/** Height a horizontal bar chart needs for its bars and their (wrapped) labels, in CSS pixels. */
export function barChartHeight(labels: readonly (readonly string[])[]): number {
  const AXES_AND_LEGEND = 90;
  return AXES_AND_LEGEND + labels.reduce((sum, lines) => sum + Math.max(26, lines.length * 14 + 12), 0);
}
