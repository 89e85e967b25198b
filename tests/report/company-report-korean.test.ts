import { buildCompanyReport, TABLE_NAMES } from '../../src/report/company-report';
import { COLORS, wrapLabel } from '../../src/report/charts';
import { sourceWord } from '../../src/report/company-text';
import { npvTornado, tornadoChart, type TornadoBar } from '../../src/report/tornado';
import { englishRuns } from '../web/i18n/visible-text';
import { acmeParsed, acmeRows, B } from './fixtures';

const rows = [...acmeRows('Acme'), { company: 'Beta', fiscal_year: 2024, basis: 'reported', capex: 40 * B }, { company: 'Beta', fiscal_year: 2025, basis: 'guidance', capex: 60 * B }, { company: 'NoCapex', fiscal_year: 2024, capex: null }];
const HANGUL = /[\uac00-\ud7af]/;

describe('company report in Korean › every title, label, note and chart text', () => {
  const en = buildCompanyReport('Test', rows, acmeParsed(), 'en');
  const ko = buildCompanyReport('Test', rows, acmeParsed(), 'ko');

  test('tables › the same English keys and numbers; Korean titles, labels and notes', () => {
    for (const name of TABLE_NAMES) {
      const e = en.tables[name];
      const k = ko.tables[name];
      expect(k.columns.map((c) => c.key)).toEqual(e.columns.map((c) => c.key));
      expect(k.rows.map((r) => r.filter((x) => typeof x === 'number'))).toEqual(e.rows.map((r) => r.filter((x) => typeof x === 'number')));
      expect(k.title).toMatch(HANGUL);
      if (k.note) {
        expect(k.note).toMatch(HANGUL);
        expect(englishRuns(k.note)).toEqual([]);
      }
      for (const c of k.columns) expect(englishRuns(c.label)).toEqual([]);
    }
    expect(ko.tables.comparison.title).toBe('회사 비교');
    const label = (key: string) => ko.tables.comparison.columns.find((c) => c.key === key)?.label;
    expect(label('npv_usd')).toBe('순현재가치(NPV)');
    expect(label('irr_fraction')).toBe('내부수익률(IRR)');
    expect(label('payback_years')).toBe('회수기간(년)');
    expect(label('unit_npv_per_usd')).toBe('AI 설비투자 1달러당 NPV');
    // English stays as it was.
    expect(en.tables.comparison.title).toBe('Companies compared');
    expect(en.tables.comparison.columns.find((c) => c.key === 'npv_usd')?.label).toBe('NPV');
  });

  test('text cells › guidance years, IRR status and basis in Korean', () => {
    const t = ko.tables.comparison;
    const at = (row: number, key: string) => t.rows[row]?.[t.columns.findIndex((c) => c.key === key)];
    expect(at(0, 'includes_guidance')).toBe('데이터에 없음');
    expect(at(1, 'includes_guidance')).toBe('예: FY2025');
    expect(at(0, 'irr_status')).toBe('정상');
    const capex = ko.tables.capex;
    const bases = capex.rows.map((r) => r[capex.columns.findIndex((c) => c.key === 'basis')]);
    expect(bases).toContain('실적');
    expect(bases).toContain('가이던스');
    const flows = ko.tables['cash-flows'];
    const revenueBasis = flows.rows.map((r) => r[flows.columns.findIndex((c) => c.key === 'ai_revenue_basis')]);
    expect(new Set(revenueBasis)).toEqual(new Set(['모형']));
  });

  test('skipped and notes › Korean sentences, the company name as it is', () => {
    expect(ko.skipped).toEqual(['데이터에 설비투자가 없는 회사: NoCapex']);
    expect(en.skipped).toEqual(['NoCapex: no capex in the data']);
  });

  test('charts › titles, axis titles and legends in Korean', () => {
    const charts = ko.sections[0]!.charts;
    expect(charts.map((c) => c.title)).toEqual(expect.arrayContaining(['연도별 설비투자', '누적 현금흐름과 회수', 'AI 설비투자와 감가상각', 'NPV 민감도(토네이도)']));
    for (const c of charts) {
      expect(c.title).toMatch(HANGUL);
      for (const d of c.config.data.datasets) expect(englishRuns(d.label)).toEqual([]);
      for (const axis of Object.values(c.config.options.scales ?? {})) if (axis.title) expect(axis.title.text).toMatch(HANGUL);
    }
    const cumulative = charts.find((c) => c.id.endsWith('-cumulative'))!;
    expect(cumulative.config.options.scales?.x?.title?.text).toBe('FY2024 초부터 경과 연수');
    expect(cumulative.config.data.datasets.map((d) => d.label)).toContain(`회수: ${ko.sections[0]!.model.paybackYears?.toFixed(1)}년`);
    // Money ticks in 조/억 (charts.js reads meta.lang); English charts keep $52.5B ticks.
    for (const c of charts) expect(c.config.options.meta.lang).toBe('ko');
    for (const c of en.sections[0]!.charts) expect(c.config.options.meta.lang).toBeUndefined();
    const histogram = charts.find((c) => c.id.endsWith('-monte-carlo'))!;
    expect(histogram.title).toMatch(/^몬테카를로 [\d,]+회 시행의 NPV$/);
  });

  test('tornado › assumption names in Korean, whole', () => {
    const names = ko.sections[0]!.tornado.map((b) => b.label);
    expect(names).toContain('할인율(WACC)');
    for (const n of names) expect(n).toMatch(HANGUL);
  });
});

describe('tornado chart › colour means NPV up or down, labels whole', () => {
  const bar = (label: string, low: number, high: number): TornadoBar => ({ key: 'wacc', label, low: 0, high: 1, npvLowUsd: low, npvHighUsd: high });
  // Base NPV 10: WACC down raises NPV to 15, up lowers it to 4; growth the other way round;
  // a third whose both ends lower NPV.
  const bars = [bar('Discount rate (WACC)', 15, 4), bar('Change of a vintage’s AI revenue per year of age (g)', 2, 18), bar('Both down', 7, 9)];
  const en = tornadoChart(bars, 10, 'en');
  const ko = tornadoChart(bars, 10, 'ko');

  test('datasets › green raises NPV, red lowers it, whichever end of the input does it', () => {
    const [up, down] = en.data.datasets;
    expect(up?.label).toBe('Raises NPV');
    expect(up?.backgroundColor).toBe(COLORS.high);
    expect(up?.data).toEqual([5, 8, 0]);
    expect(down?.label).toBe('Lowers NPV');
    expect(down?.backgroundColor).toBe(COLORS.low);
    expect(down?.data).toEqual([-6, -8, -3]);
    expect(COLORS.high).toBe('#3a8f5c'); // green
    expect(COLORS.low).toBe('#b5482f'); // red
    expect(en.options.plugins?.legend?.display).toBe(true);
    expect(ko.data.datasets.map((d) => d.label)).toEqual(['NPV를 높임', 'NPV를 낮춤']);
    expect(ko.options.scales?.x?.title?.text).toMatch(HANGUL);
  });

  test('labels › every label drawn (no skipping), long ones wrapped into lines that join back whole', () => {
    expect(en.options.scales?.y?.ticks?.autoSkip).toBe(false);
    const labels = en.data.labels;
    expect(labels).toHaveLength(3);
    expect(labels[0]).toBe('Discount rate (WACC)');
    expect(Array.isArray(labels[1])).toBe(true);
    expect((labels[1] as string[]).join(' ')).toBe('Change of a vintage’s AI revenue per year of age (g)');
  });

  test('height › grows with the bars and their lines, so no label is cut', () => {
    const one = tornadoChart(bars.slice(0, 1), 10).options.meta.heightPx as number;
    const three = en.options.meta.heightPx as number;
    expect(three).toBeGreaterThan(one);
    const twelve = tornadoChart(Array.from({ length: 12 }, (_, i) => bar(`Assumption number ${i} with a rather long name`, 5, 15)), 10).options.meta.heightPx as number;
    // Each two-line label gets at least 14 px a line.
    expect(twelve).toBeGreaterThanOrEqual(12 * 2 * 14);
  });

  test('a real company › one bar per swinging assumption, every bar labelled', () => {
    const real = npvTornado('Acme', acmeRows(), acmeParsed().values, { lifeFromData: false }, 'ko');
    const chart = tornadoChart(real, 0, 'ko');
    expect(chart.data.labels).toHaveLength(real.length);
    expect(real.length).toBeGreaterThanOrEqual(8);
  });
});

describe('wrapLabel', () => {
  test('lines no wider than asked, except a single longer word; nothing lost', () => {
    const text = 'AI operating margin before depreciation and power';
    const lines = wrapLabel(text, 24);
    expect(lines.join(' ')).toBe(text);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(24);
    expect(wrapLabel('Supercalifragilisticexpialidocious', 10)).toEqual(['Supercalifragilisticexpialidocious']);
  });
  test('Hangul counts double (it is drawn about twice as wide)', () => {
    const lines = wrapLabel('감가상각·전력비 전 AI 영업이익률', 16);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe('감가상각·전력비 전 AI 영업이익률');
  });
});

describe('source words', () => {
  test('English as the data says; Korean words', () => {
    expect(sourceWord('data, else default', 'en')).toBe('data, else default');
    expect(sourceWord('data, else default', 'ko')).toBe('데이터, 없으면 기본값');
    expect(sourceWord('default', 'ko')).toBe('기본값');
    expect(sourceWord('user', 'ko')).toBe('사용자 입력');
  });
});
