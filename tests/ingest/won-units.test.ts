import { ingestBuffer } from '../../src/ingest';

const CSV = Buffer.from('회사명,사업연도,설비투자,매출액\n삼성전자,2023,"531,139","2,589,355"\n');

describe('ingest › won units chosen on upload', () => {
  test.each([
    ['krw-thousands', 1e3],
    ['krw-millions', 1e6],
    ['krw-hundred-millions', 1e8],
  ] as const)('%s › bare amounts × %d, in KRW when the file does not say', (unit, scale) => {
    const r = ingestBuffer(CSV, { kind: 'company', unit });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const row = [...r.rows][0]!;
    expect(row.capex).toBe(531_139 * scale);
    expect(row.revenue).toBe(2_589_355 * scale);
    expect(row.currency).toBe('KRW');
  });

  test('억원 › 531,139억 is 53조 1,139억 won, and the mapping names the unit', () => {
    const r = ingestBuffer(CSV, { kind: 'company', unit: 'krw-hundred-millions' });
    if (!r.ok) throw new Error('refused');
    expect([...r.rows][0]!.capex).toBe(53_113_900_000_000);
    expect(r.columns.find((c) => c.field === 'capex')?.unit).toMatch(/억원/);
  });

  test('a currency typed on the form wins over the unit’s won', () => {
    const r = ingestBuffer(CSV, { kind: 'company', unit: 'krw-millions', currency: 'USD' });
    if (!r.ok) throw new Error('refused');
    expect([...r.rows][0]!.currency).toBe('USD');
  });
});
