import ExcelJS from 'exceljs';
import { buildWorkbook, WORKBOOK_KEYS, type WorkbookAssumption, type WorkbookCompany } from '../../../src/report/workbook/build';
import { ROW } from '../../../src/report/workbook/layout';
import { recompute } from './recompute';
import { expectAbsClose } from '../../finance/support/tolerance';

const values: Record<(typeof WORKBOOK_KEYS)[number], number> = {
  wacc: 0.1, taxRate: 0.25, aiCapexShare: 0.6, gpuUsefulLifeYears: 2, computeShare: 0.5, facilityLifeYears: 4, aiRevenueToCapex: 0.6,
  aiRevenueGrowth: 0, tokenPriceDeflation: 0, volumeElasticity: 0, gpuUtilization: 0.7, aiEbitdaMargin: 0.5, powerMwPerBillionUsd: 0,
  pue: 1.2, powerPriceUsdPerKwh: 0.08,
};
const assumptions: WorkbookAssumption[] = WORKBOOK_KEYS.map((key) => ({ key, label: key, value: values[key], source: 'test' }));

// One vintage by hand: $100 of AI capex in FY2022 (share 1 from the data), half compute (life 2),
// half facilities (life 4); revenue 0.6 a year for 2 years, margin 50%, no power, tax 25%.
// Year 0: dep 25 + 12.5, EBITDA 30, NOPAT (30 − 37.5) × 0.75 = −5.625, FCF = −5.625 + 37.5 − 100 = −68.125.
// Year 1: same NOPAT, no capex, facilities' book value 50 × (4 − 2) / 4 = 25 back: FCF = 56.875.
const oneVintage: WorkbookCompany = {
  company: '=HYPERLINK("http://evil")',
  timeline: [2022, 2023],
  dates: ['2022-12-31', '2023-12-31'],
  basis: ['reported', 'run-off'],
  lastDataIndex: 0,
  capexUsd: [100, null],
  dataShares: [1, null],
  dataLives: [null, null],
  reportedRevenueUsd: [null, null],
  dataPowerMw: [null, null],
  notes: [],
};

describe('workbook › one vintage by hand', () => {
  let bytes: Buffer;
  beforeAll(async () => {
    bytes = await buildWorkbook('Test', [oneVintage], assumptions, '2022-12-31');
  });

  it('recomputed from its formulas alone › FCF, NPV (XNPV) and IRR (XIRR) as worked by hand', async () => {
    const wb = await recompute(bytes);
    const sheet = 'HYPERLINK http evil';
    expect(Object.keys(wb.sheets)).toEqual(['Assumptions', sheet]);
    expectAbsClose(wb.value(sheet, `C${ROW.fcf}`) as number, -68.125, 1e-9);
    expectAbsClose(wb.value(sheet, `D${ROW.fcf}`) as number, 56.875, 1e-9);
    expectAbsClose(wb.value(sheet, `C${ROW.npv}`) as number, -68.125 + 56.875 / 1.1, 1e-9);
    expectAbsClose(wb.value(sheet, `C${ROW.irr}`) as number, 56.875 / 68.125 - 1, 1e-7);
  });

  it('change WACC in the sheet › NPV follows', async () => {
    const wb = await recompute(bytes);
    const sheet = 'HYPERLINK http evil';
    const id = wb.hf.getSheetId('Assumptions') as number;
    const row = wb.sheets['Assumptions']!.findIndex((r) => r[1] === 'wacc');
    wb.hf.setCellContents({ sheet: id, row, col: 2 }, 0.05);
    expectAbsClose(wb.value(sheet, `C${ROW.npv}`) as number, -68.125 + 56.875 / 1.05, 1e-9);
  });

  it('no cached results, text cells formula-safe', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[1]!;
    expect(ws.getCell('A1').value).toBe('\'=HYPERLINK("http://evil")');
    expect((ws.getCell(`C${ROW.npv}`).value as { result?: unknown }).result).toBeUndefined();
  });
});
