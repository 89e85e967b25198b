import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { ingestBuffer } from '../../src/ingest';

const DATA = path.join(__dirname, '..', '..', 'data');
const REFERENCE = path.join(__dirname, '..', '..', '..', 'shared', 'reference', 'korea-financials.csv');

type Rec = Record<string, string>;
const read = (file: string): Rec[] => parse(fs.readFileSync(file), { columns: true, bom: true }) as Rec[];

describe('data/korea-capex.csv', () => {
  const rows = read(path.join(DATA, 'korea-capex.csv'));

  test('loads through ingest as a company dataset in won with no problems', () => {
    const result = ingestBuffer(fs.readFileSync(path.join(DATA, 'korea-capex.csv')), { kind: 'company' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(new Set([...result.rows].map((r) => r.currency))).toEqual(new Set(['KRW']));
    expect(result.warnings).toEqual([]);
  });

  test('every row names its sources and says 시설투자 is facility investment, not all AI', () => {
    for (const r of rows) {
      expect(r.source).toMatch(/capex \(시설투자 as reported\): https?:\/\//);
      expect(r.notes).toMatch(/시설투자 is facility investment.*not all of it is AI/);
      expect(r.source).toMatch(/ai_capex_share: an assumption/);
    }
  });

  // The reference table is beside the repository in the shared folder when the lead's checkout has
  // it; CI clones the repository alone, so the figures below are also checked as literals.
  test('Samsung 2023 and KT 2023 capex are the reported 53조 1,139억원 and 3조 3,190억원', () => {
    const find = (c: string, y: string) => rows.find((r) => r.company === c && r.fiscal_year === y);
    expect(Number(find('Samsung Electronics', '2023')?.capex)).toBe(53_113_900_000_000);
    expect(Number(find('KT', '2023')?.capex)).toBe(3_319_000_000_000);
    expect(find('SK hynix', '2023')?.operating_income).toBe('-7730300000000');
  });

  (fs.existsSync(REFERENCE) ? test : test.skip)('every figure equals the reference table value of its year and metric; gaps stay empty', () => {
    const ref = read(REFERENCE);
    const metric: Record<string, string> = { capex: 'capex_facility_investment', revenue: 'revenue', operating_income: 'operating_income', net_income: 'net_income', depreciation: 'depreciation', shares_outstanding: 'shares_outstanding_common', share_price: 'year_end_close_price' };
    for (const r of rows) {
      for (const [field, m] of Object.entries(metric)) {
        const hit = ref.find((x) => x.company_en === r.company && x.fiscal_year === r.fiscal_year && x.metric === m);
        expect([r.company, r.fiscal_year, field, r[field] ?? '']).toEqual([r.company, r.fiscal_year, field, hit ? hit.value_krw : '']);
      }
    }
  });
});
