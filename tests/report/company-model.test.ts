import { xnpv } from '../../src/finance';
import { parseAssumptions } from '../../src/report/assumptions';
import { buildCompanyModel, companyNpv, npvAtDate, scenarioUnitEconomics } from '../../src/report/company-model';
import type { Row } from '../../src/store/types';
import { ACME_QUERY, acmeParsed, acmeRows, B } from './fixtures';

/*
 * Hand check (B = 1e9 USD). Vintages FY2024 and FY2025, AI capex 50 each (capex 100 × share 0.5),
 * each half compute (25, 2-year life: 12.5 a year) and half facilities (25, 4-year life: 6.25 a year).
 * Run-off: the 2025 vintage's compute serves 2025-2026, so the timeline is FY2024..FY2026.
 *   Revenue     vintage 2024: 50 × 0.8 = 40 (2024), × 1.5 = 60 (2025); vintage 2025: 40 (2025), 60 (2026)
 *               → 40, 100, 60
 *   Depreciation compute 12.5, 25, 12.5; facilities 6.25, 12.5, 12.5 → 18.75, 37.5, 25
 *   EBITDA      × 0.5: 20, 50, 30
 *   NOPAT       (EBITDA − dep) × 0.75: 0.9375, 9.375, 3.75
 *   Salvage     FY2026: facilities' book value: 2024's 25 × (1 − 3/4) = 6.25, 2025's 25 × (1 − 2/4) = 12.5 → 18.75
 *   FCF         0.9375 + 18.75 − 50 = −30.3125; 9.375 + 37.5 − 50 = −3.125; 3.75 + 25 + 18.75 = 47.5
 *   Dates       31 Dec 2024/2025/2026; valuation date 2024-12-31 (365 days a year apart)
 *   NPV         −30.3125 − 3.125 / 1.1 + 47.5 / 1.21 = 6.102789256
 *   IRR         x = 1/(1+r) solves 47.5x² − 3.125x − 30.3125 = 0 → r = 0.201317264
 *   Payback     cumulative −30.3125, −33.4375, 14.0625 → 1 + 33.4375 / 47.5 = 1.703947368
 *   Discounted  −30.3125, −2.840909, 39.256198 → 1 + 33.153409 / 39.256198 = 1.844539474
 *   ROI         Σ(NOPAT + dep + salvage) = 19.6875 + 46.875 + 47.5 = 114.0625 on 100 → 0.140625
 *   ROIC        NBV 31.25, 43.75, 18.75: 0.9375 / 15.625 = 0.06; 9.375 / 37.5 = 0.25; 3.75 / 31.25 = 0.12
 *   Unit        $1: −0.60625, then 0.16875 + 0.375 + 0.25 = 0.79375 → NPV 0.115340909;
 *               ∂NPV/∂y = 0.375 + 1.5 × 0.375 / 1.1 = 0.886363636 → y* = 0.8 − 0.1153409 / 0.8863636 = 0.669871795
 *   Break-even  FY2025 revenue: (y* ÷ y) × 100 = 83.733974359
 */
describe('buildCompanyModel › hand-checked two-vintage program', () => {
  const m = buildCompanyModel('Acme', acmeRows(), acmeParsed().values, { lifeFromData: false });
  if (!m) throw new Error('model expected');
  const col = (f: (y: NonNullable<typeof m>['years'][number]) => number | null) => m.years.map(f);
  const close = (got: (number | null)[], want: number[], digits = 9) => got.forEach((v, i) => expect(v as number).toBeCloseTo(want[i] as number, digits));

  test('run-off › ends in the year the last compute retires, dated at 31 December', () => {
    expect(col((y) => y.fiscalYear)).toEqual([2024, 2025, 2026]);
    expect(m.years.map((y) => y.basis)).toEqual(['reported', 'reported', 'run-off']);
    expect(m.years.map((y) => y.date)).toEqual(['2024-12-31', '2025-12-31', '2026-12-31']);
    expect(m.valuationDate).toBe('2024-12-31');
    expect(m.lastYear).toBe(2026);
  });
  test('revenue › each vintage earns from its year, growing 50% a year of age', () => {
    close(col((y) => y.aiRevenueUsd / B), [40, 100, 60]);
    expect(m.vintages.map((v) => v.revenueUsd.map((r) => r / B))).toEqual([[40, 60, 0], [0, 40, 60]]);
  });
  test('depreciation › compute over 2 years, facilities over 4', () => {
    close(col((y) => y.computeDepreciationUsd / B), [12.5, 25, 12.5]);
    close(col((y) => y.facilitiesDepreciationUsd / B), [6.25, 12.5, 12.5]);
    close(col((y) => y.depreciationUsd / B), [18.75, 37.5, 25]);
  });
  test('EBITDA, NOPAT, salvage, FCF › as worked above', () => {
    close(col((y) => y.aiEbitdaUsd / B), [20, 50, 30]);
    close(col((y) => y.nopatUsd / B), [0.9375, 9.375, 3.75]);
    close(col((y) => y.salvageUsd / B), [0, 0, 18.75]);
    close(col((y) => y.fcfUsd / B), [-30.3125, -3.125, 47.5]);
  });
  test('NPV, IRR, ROI, paybacks › as worked above', () => {
    expect(m.npvUsd / B).toBeCloseTo(6.102789256, 8);
    expect(m.irr.kind).toBe('ok');
    if (m.irr.kind === 'ok') expect(m.irr.rate).toBeCloseTo(0.201317264, 8);
    expect(m.roi).toBeCloseTo(0.140625, 12);
    expect(m.paybackYears).toBeCloseTo(1.703947368, 8);
    expect(m.discountedPaybackYears).toBeCloseTo(1.844539474, 8);
  });
  test('ROIC › NOPAT over average net book value', () => {
    close(col((y) => y.roic), [0.06, 0.25, 0.12]);
  });
  test('unit economics and break-even revenue › as worked above', () => {
    expect(m.unit.npvPerUsd).toBeCloseTo(0.115340909, 8);
    expect(m.unit.breakEvenRevenueYield).toBeCloseTo(0.669871795, 8);
    expect((m.breakEvenAiRevenueUsd as number) / B).toBeCloseTo(83.733974359, 7);
  });
  test('NPV › equals Excel’s XNPV of the dated flows', () => {
    expect(m.npvUsd).toBeCloseTo(xnpv(0.1, m.flowsUsd, m.flowDates), 3);
  });
});

describe('buildCompanyModel › one vintage', () => {
  test('a company with one vintage › its flows and NPV are the unit economics × its AI capex', () => {
    const a = acmeParsed().values;
    const m = buildCompanyModel('Acme', [acmeRows()[0] as Row], a, { lifeFromData: false });
    const u = scenarioUnitEconomics(a);
    expect(m?.flowsUsd.length).toBe(u.flows.length);
    m?.flowsUsd.forEach((f, k) => expect(f / B).toBeCloseTo((u.flows[k] as number) * 50, 9));
    // 2024-12-31 → 2025-12-31 is 365 days, so XNPV's days ÷ 365 equals whole years here.
    expect((m?.npvUsd as number) / B).toBeCloseTo(u.npvPerUsd * 50, 9);
    // By hand: −0.60625 × 50 = −30.3125; 0.79375 × 50 = 39.6875
    expect(m?.flowsUsd.map((f) => f / B)).toEqual([-30.3125, 39.6875]);
  });
});

describe('buildCompanyModel › run-off length', () => {
  test('a data life of 3 years on the last vintage › the timeline runs to its retirement', () => {
    const rows = acmeRows();
    (rows[1] as Record<string, unknown>).useful_life_years = 3;
    const m = buildCompanyModel('Acme', rows, acmeParsed().values, { lifeFromData: true });
    expect(m?.years.map((y) => y.fiscalYear)).toEqual([2024, 2025, 2026, 2027]);
    expect(m?.vintages.map((v) => v.lastServiceYear)).toEqual([2025, 2027]);
    // Compute is fully depreciated at the end; only facilities come back: 2024's 25 × 0, 2025's 25 × (1 − 3/4)
    expect((m?.years[3]?.salvageUsd as number) / B).toBeCloseTo(6.25, 9);
  });
  test('a 5.5-year life › serves half of its sixth year', () => {
    const a = { ...acmeParsed().values, gpuUsefulLifeYears: 5.5 };
    const m = buildCompanyModel('Acme', [acmeRows()[0] as Row], a, { lifeFromData: false });
    expect(m?.years.length).toBe(6);
    // compute 25 over 5.5 years: 4.545… a year, half of it in year 6
    expect((m?.years[5]?.computeDepreciationUsd as number) / B).toBeCloseTo(25 / 5.5 / 2, 9);
    expect((m?.years[5]?.aiRevenueUsd as number) / B).toBeCloseTo(40 * Math.pow(1.5, 5) * 0.5, 9);
  });
});

describe('buildCompanyModel › fiscal-year ends', () => {
  test('a June fiscal year › its flows are 184 days earlier than a December one, so NPV compounds by 1.1^(184/365)', () => {
    const a = acmeParsed().values;
    const june = acmeRows().map((r) => ({ ...r, fiscal_year_end: '06-30' }));
    const dec = acmeRows().map((r) => ({ ...r, fiscal_year_end: '2024-12-31' }));
    const mj = buildCompanyModel('Acme', june, a, { lifeFromData: false, valuationDate: '2024-01-01' });
    const md = buildCompanyModel('Acme', dec, a, { lifeFromData: false, valuationDate: '2024-01-01' });
    expect(mj?.years.map((y) => y.date)).toEqual(['2024-06-30', '2025-06-30', '2026-06-30']);
    expect(md?.years.map((y) => y.date)).toEqual(['2024-12-31', '2025-12-31', '2026-12-31']);
    // Same flows; each June date is 184 days before the December one.
    expect((mj?.npvUsd as number) / (md?.npvUsd as number)).toBeCloseTo(Math.pow(1.1, 184 / 365), 12);
    // By hand at 2024-01-01: December flows are 365, 730, 1095 days out.
    const hand = (-30.3125 * Math.pow(1.1, -365 / 365) - 3.125 * Math.pow(1.1, -730 / 365) + 47.5 * Math.pow(1.1, -1095 / 365));
    expect((md?.npvUsd as number) / B).toBeCloseTo(hand, 9);
  });
  test('a year without its own end › takes the company’s last known month-day', () => {
    const rows = acmeRows();
    (rows[1] as Record<string, unknown>).fiscal_year_end = '06-30';
    const m = buildCompanyModel('Acme', rows, acmeParsed().values, { lifeFromData: false });
    expect(m?.years.map((y) => y.date)).toEqual(['2024-06-30', '2025-06-30', '2026-06-30']);
  });
  test('npvAtDate › a valuation date after some flows compounds them forward', () => {
    // 100 on 2024-12-31 valued at 2025-12-31 (365 days later) at 10%: 110
    expect(npvAtDate(0.1, [100], ['2024-12-31'], '2025-12-31')).toBeCloseTo(110, 9);
  });
});

describe('buildCompanyModel › guidance', () => {
  const withGuidance = (): Row[] => [...acmeRows(), { company: 'Acme', fiscal_year: 2026, basis: 'guidance', capex: 100 * B, ai_capex_share: 0.5 }];
  test('included (default) › a guidance year is a vintage, marked guidance', () => {
    const m = buildCompanyModel('Acme', withGuidance(), acmeParsed().values, { lifeFromData: false });
    expect(m?.guidanceYears).toEqual([2026]);
    expect(m?.years.map((y) => y.basis)).toEqual(['reported', 'reported', 'guidance', 'run-off']);
    // FY2026: vintage 2025 at age 1 (60) + vintage 2026 at age 0 (40)
    expect((m?.years[2]?.aiRevenueUsd as number) / B).toBeCloseTo(100, 9);
  });
  test('left out › the model is the one without the guidance row', () => {
    const a = parseAssumptions({ ...ACME_QUERY, includeGuidance: 'false' }).values;
    const m = buildCompanyModel('Acme', withGuidance(), a, { lifeFromData: false });
    expect(m?.guidanceYears).toEqual([]);
    expect(m?.excludedGuidanceYears).toEqual([2026]);
    expect(m?.years.map((y) => y.fiscalYear)).toEqual([2024, 2025, 2026]);
    expect((m?.npvUsd as number) / B).toBeCloseTo(6.102789256, 8);
  });
  test('reported and guided rows of one year › reported capex wins, financials kept', () => {
    const rows: Row[] = [...acmeRows(), { company: 'Acme', fiscal_year: 2025, basis: 'guidance', capex: 300 * B }];
    const m = buildCompanyModel('Acme', rows, acmeParsed().values, { lifeFromData: false });
    expect((m?.years[1]?.aiCapexUsd as number) / B).toBeCloseTo(50, 9);
    expect(m?.years[1]?.basis).toBe('reported');
  });
});

describe('buildCompanyModel › partial years', () => {
  test('a year of 3 quarters › marked partial, with a note', () => {
    const rows = acmeRows();
    (rows[1] as Record<string, unknown>).quarters = 3;
    const m = buildCompanyModel('Acme', rows, acmeParsed().values, { lifeFromData: false });
    expect(m?.partialYears).toEqual([2025]);
    expect(m?.years[1]?.partialQuarters).toBe(3);
    expect(m?.notes.join(' ')).toMatch(/FY2025 is a partial year: the data holds 3 of its 4 quarters/);
  });
});

describe('buildCompanyModel › sustain and terminal value', () => {
  const sustain = (extra: Record<string, string>) => parseAssumptions({ ...ACME_QUERY, capacityAfterData: 'sustain', ...extra }).values;
  test('replacement › retired compute is bought back, grown by the terminal growth', () => {
    const m = buildCompanyModel('Acme', acmeRows(), sustain({ terminalGrowth: '0' }), { lifeFromData: false });
    expect(m?.years.map((y) => y.fiscalYear)).toEqual([2024, 2025, 2026, 2027]);
    // FY2026: the 2024 vintage's compute (25) retired after FY2025 → 25 of compute; facilities
    // retire after 4 years, none yet. FY2027: the 2025 vintage's 25.
    expect(m?.years.map((y) => y.computeCapexUsd / B)).toEqual([25, 25, 25, 25]);
    expect(m?.years.map((y) => y.facilitiesCapexUsd / B)).toEqual([25, 25, 0, 0]);
    // A replacement vintage of 25 compute earns like a 50 vintage: 40 in its first year.
    expect((m?.years[2]?.aiRevenueUsd as number) / B).toBeCloseTo(60 + 40, 9);
    expect(m?.years[3]?.salvageUsd).toBe(0);
  });
  test('growth › the fleet at cost grows by g a year', () => {
    const m = buildCompanyModel('Acme', acmeRows(), sustain({ terminalGrowth: '0.02' }), { lifeFromData: false });
    // FY2026: compute retired 25 + 2% of the 50 of compute serving in FY2025 = 26; facilities 2% of 50 = 1
    expect((m?.years[2]?.computeCapexUsd as number) / B).toBeCloseTo(26, 9);
    expect((m?.years[2]?.facilitiesCapexUsd as number) / B).toBeCloseTo(1, 9);
  });
  test('value-driver with RONIC = WACC › terminal value = next year’s NOPAT ÷ WACC', () => {
    const m = buildCompanyModel('Acme', acmeRows(), sustain({ terminalMethod: 'value-driver', terminalGrowth: '0.02' }), { lifeFromData: false });
    const last = m?.years[3];
    expect((last?.terminalValueUsd as number) / B).toBeCloseTo(((last?.nopatUsd as number) * 1.02) / 0.1 / B, 9);
    expect(m?.terminalMethod).toBe('value-driver');
  });
  test('exit multiple › EV/EBITDA × the last year’s EBITDA', () => {
    const m = buildCompanyModel('Acme', acmeRows(), sustain({ terminalMethod: 'exit-multiple', exitEvEbitda: '12' }), { lifeFromData: false });
    expect(m?.years[3]?.terminalValueUsd).toBeCloseTo(12 * (m?.years[3]?.aiEbitdaUsd as number), 3);
  });
  test('run-off › a terminal method is not applied, and a note says so', () => {
    const a = parseAssumptions({ ...ACME_QUERY, terminalMethod: 'exit-multiple' }).values;
    const m = buildCompanyModel('Acme', acmeRows(), a, { lifeFromData: false });
    expect(m?.years.every((y) => y.terminalValueUsd === 0)).toBe(true);
    expect(m?.terminalMethod).toBe('none');
    expect(m?.notes.join(' ')).toMatch(/Run-off has no terminal value/);
  });
});

describe('buildCompanyModel › variations', () => {
  const a = acmeParsed().values;
  test('reported AI revenue › replaces the modelled revenue of that year only', () => {
    const rows = acmeRows();
    (rows[1] as Record<string, unknown>).ai_revenue = 70 * B;
    const m = buildCompanyModel('Acme', rows, a, { lifeFromData: false });
    expect(m?.years.map((y) => y.aiRevenueUsd / B)).toEqual([40, 70, 60]);
    expect(m?.years.map((y) => y.aiRevenueBasis)).toEqual(['modelled', 'reported', 'modelled']);
    expect((m?.years[1]?.modelledAiRevenueUsd as number) / B).toBeCloseTo(100, 9);
  });
  test('a loss › NOPAT is negative: a tax credit', () => {
    const m = buildCompanyModel('Acme', acmeRows(), { ...a, aiEbitdaMargin: 0 }, { lifeFromData: false });
    // (0 − 18.75) × 0.75 = −14.0625
    expect((m?.years[0]?.nopatUsd as number) / B).toBeCloseTo(-14.0625, 9);
  });
  test('DeepSeek shock › 70% price fall at elasticity 0.3 shrinks a vintage by 0.3^0.7 a year', () => {
    const m = buildCompanyModel('Acme', acmeRows(), { ...a, aiRevenueGrowth: 0, tokenPriceDeflation: 0.7, volumeElasticity: 0.3 }, { lifeFromData: false });
    expect((m?.years[1]?.aiRevenueUsd as number) / B).toBeCloseTo(40 * Math.pow(0.3, 0.7) + 40, 9);
  });
  test('company with no capex › no model', () => {
    expect(buildCompanyModel('Empty', [{ company: 'Empty', fiscal_year: 2024, capex: null }], a)).toBeNull();
  });
  test('a gap year in the data › counted as zero capex with a note', () => {
    const rows = [acmeRows()[0] as Record<string, never>, { ...(acmeRows()[1] as Record<string, never>), fiscal_year: 2026 }];
    const m = buildCompanyModel('Acme', rows, a, { lifeFromData: false });
    expect(m?.years[1]?.aiCapexUsd).toBe(0);
    expect(m?.notes.join(' ')).toMatch(/FY2025/);
  });
  test('companyNpv › the NPV alone, as the full model has it', () => {
    expect((companyNpv('Acme', acmeRows(), a, { lifeFromData: false }) as number) / B).toBeCloseTo(6.102789256, 8);
  });
});

describe('plan notes in the reader language', () => {
  const { planCompany, modelFromPlan } = require('../../src/report/company-model') as typeof import('../../src/report/company-model');
  const { parseAssumptions } = require('../../src/report/assumptions') as typeof import('../../src/report/assumptions');
  const rows: import('../../src/store/types').Row[] = [
    { company: 'A', fiscal_year: 2023, capex: 100, revenue: 1000 },
    { company: 'A', fiscal_year: 2025, capex: -50, revenue: 1100, quarters: 2 },
  ];
  const a = parseAssumptions({ terminalMethod: 'exit-multiple' }).values;

  test('English › the data gaps and the ignored terminal method are noted as before', () => {
    const p = planCompany('A', rows, a)!;
    const notes = modelFromPlan(p, a, '2023-12-31').notes;
    expect(notes).toEqual(expect.arrayContaining(['No capex for FY2024: counted as zero.', 'FY2025 capex is negative (cash-flow sign): used as 50.']));
    expect(notes.some((n) => n.startsWith('FY2025 is a partial year: the data holds 2 of its 4 quarters'))).toBe(true);
    expect(notes.some((n) => n.startsWith('Run-off has no terminal value'))).toBe(true);
  });

  test('Korean › the same notes in Korean, the same figures', () => {
    const p = planCompany('A', rows, a, { lang: 'ko' })!;
    const notes = modelFromPlan(p, a, '2023-12-31').notes;
    expect(notes).toEqual(expect.arrayContaining(['FY2024에는 설비투자 수치가 없어 0으로 셉니다.', 'FY2025 설비투자가 음수(현금흐름 부호)라 50(으)로 씁니다.']));
    expect(notes.some((n) => n.includes('4개 분기 중 2개만'))).toBe(true);
    expect(notes.some((n) => n.startsWith('소진(run-off)에는 잔존가치가 없습니다'))).toBe(true);
    expect(notes.join(' ')).not.toMatch(/counted as zero|partial year/);
  });
});
