import { parseAssumptions } from '../../src/report/assumptions';
import { buildCompanyReport } from '../../src/report/company-report';
import { rowsInUsd } from '../../src/report/data-currency';
import { datasetSpend } from '../../src/report/industry-report';
import type { Row } from '../../src/store/types';

// A Korean upload: amounts in KRW. At the default 1,400 KRW per USD, ₩1.4조 (1.4e12) is $1B.
const KRW_ROWS: Row[] = [
  { company: '삼성전자', fiscal_year: 2023, capex: 1.4e12, revenue: 14e12, share_price: 70_000, shares_outstanding: 6e9, currency: 'KRW' },
  { company: '삼성전자', fiscal_year: 2024, capex: 2.8e12, revenue: 14e12, currency: 'KRW' },
];

function capexColumn(report: ReturnType<typeof buildCompanyReport>): number[] {
  const table = report.tables.capex;
  const at = table.columns.findIndex((c) => c.key.startsWith('capex_'));
  return table.rows.map((r) => r[at] as number);
}

describe('rowsInUsd', () => {
  test('KRW rows › money divided by the KRW-per-USD rate, shares untouched', () => {
    const { rows, converted } = rowsInUsd(KRW_ROWS, { fxKrwPerUsd: 1400, fxDriftPerYear: 0 });
    expect(converted).toEqual(['삼성전자']);
    expect(rows[0]).toMatchObject({ capex: 1e9, revenue: 1e10, share_price: 50, shares_outstanding: 6e9, currency: 'USD' });
  });

  test('drift › the second year converts at rate × (1 + drift)', () => {
    const { rows } = rowsInUsd(KRW_ROWS, { fxKrwPerUsd: 1400, fxDriftPerYear: 0.1 });
    // 2.8e12 / (1400 × 1.1) = 1.818181...e9
    expect(rows[1]?.capex).toBeCloseTo(2.8e12 / 1540, 3);
  });

  test('a currency it cannot convert › company skipped with the reason', () => {
    const { rows, skipped } = rowsInUsd([{ company: 'SAP', fiscal_year: 2024, capex: 1e9, currency: 'EUR' }], { fxKrwPerUsd: 1400, fxDriftPerYear: 0 });
    expect(rows).toEqual([]);
    expect(skipped).toEqual(['SAP: amounts in EUR; the report converts only USD and KRW']);
    const ko = rowsInUsd([{ company: 'SAP', fiscal_year: 2024, capex: 1e9, currency: 'EUR' }], { fxKrwPerUsd: 1400, fxDriftPerYear: 0 }, 'ko');
    expect(ko.skipped).toEqual(['SAP: 금액이 EUR(으)로 되어 있어 뺐습니다. 보고서는 USD와 KRW만 환산합니다.']);
  });
});

describe('company report › KRW data', () => {
  test('reported in USD › capex is the KRW amount ÷ 1,400, with a note saying so', () => {
    const report = buildCompanyReport('kr', KRW_ROWS, parseAssumptions({}));
    expect(capexColumn(report)).toEqual([1e9, 2e9]);
    expect(report.dataNotes[0]).toContain('1400 KRW per USD');
  });

  test('reported in KRW › the data’s own amounts come back', () => {
    const report = buildCompanyReport('kr', KRW_ROWS, parseAssumptions({ reportingCurrency: 'KRW' }));
    const capex = capexColumn(report);
    expect(capex[0]).toBeCloseTo(1.4e12, 0);
    expect(capex[1]).toBeCloseTo(2.8e12, 0);
  });
});

describe('industry gap over a dataset › KRW data', () => {
  test('capex summed in USD › ₩2.8조 at 1,400 is $2B, 60% of it AI', () => {
    const spend = datasetSpend('kr', KRW_ROWS, 0.6, 2024);
    expect(spend?.companies[0]?.capexUsd).toBeCloseTo(2e9, 0);
    expect(spend?.aiCapexUsd).toBeCloseTo(1.2e9, 0);
  });
});
