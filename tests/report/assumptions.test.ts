import { assumptionLines, assumptionsQuery, DEFAULT_ASSUMPTIONS, parseAssumptions, parseNumberText } from '../../src/report/assumptions';

describe('parseNumberText', () => {
  test.each([
    ['0.09', 0.09],
    ['9%', 0.09],
    [' 150e9 ', 150e9],
    ['-0.5', -0.5],
    ['.5', 0.5],
  ])('%p › %p', (text, n) => expect(parseNumberText(text)).toBeCloseTo(n, 15));
  test.each(['12abc', '', 'abc', 'Infinity', '1,000', '0x10', '1e999'])('%p › not a number', (text) => expect(parseNumberText(text)).toBeNull());
});

describe('parseAssumptions', () => {
  test('nothing given › the defaults, each marked default', () => {
    const p = parseAssumptions({});
    expect(p.values).toEqual(DEFAULT_ASSUMPTIONS);
    expect(p.values.wacc).toBe(0.09);
    expect(p.values.horizonYears).toBe(10);
    expect(p.values.taxRate).toBe(0.21);
    expect(p.values.gpuUsefulLifeYears).toBe(6);
    expect(p.values.aiCapexShare).toBe(0.6);
    expect(new Set(Object.values(p.sources))).toEqual(new Set(['default']));
    expect(p.problems).toEqual([]);
  });
  test('typed values › used and marked as the user’s', () => {
    const p = parseAssumptions({ wacc: '0.1', taxRate: '25%' });
    expect(p.values.wacc).toBe(0.1);
    expect(p.values.taxRate).toBe(0.25);
    expect(p.sources.wacc).toBe('user');
  });
  test('rate ≤ −1, life 0, text › one problem each, naming the field and keeping the typed text', () => {
    const p = parseAssumptions({ wacc: '-1', gpuUsefulLifeYears: '0', aiRevenueGrowth: 'fast' });
    expect(p.problems.map((x) => [x.key, x.value])).toEqual([
      ['wacc', '-1'],
      ['gpuUsefulLifeYears', '0'],
      ['aiRevenueGrowth', 'fast'],
    ]);
    expect(p.problems[0]?.message).toMatch(/greater than -1/);
    expect(p.problems[2]?.message).toMatch(/must be a number/);
  });
  test('horizon must be whole › 2.5 is a problem', () => {
    expect(parseAssumptions({ horizonYears: '2.5' }).problems[0]?.key).toBe('horizonYears');
  });
  test('perpetual-growth › gone: a problem naming value-driver', () => {
    const p = parseAssumptions({ terminalMethod: 'perpetual-growth' });
    expect(p.problems.map((x) => x.key)).toEqual(['terminalMethod']);
    expect(p.problems[0]?.message).toMatch(/value-driver/);
  });
  test('value-driver growth at or above WACC with capacity sustained › a problem', () => {
    const p = parseAssumptions({ capacityAfterData: 'sustain', terminalMethod: 'value-driver', terminalGrowth: '0.09' });
    expect(p.problems.map((x) => x.key)).toEqual(['terminalGrowth']);
  });
  test('optional values › blank RONIC and valuation date stay null (derived); a bad date is a problem', () => {
    const p = parseAssumptions({ ronic: '', valuationDate: '' });
    expect(p.values.ronic).toBeNull();
    expect(p.values.valuationDate).toBeNull();
    expect(parseAssumptions({ valuationDate: '2024-02-30' }).problems[0]?.key).toBe('valuationDate');
    expect(parseAssumptions({ valuationDate: '2024-06-30' }).values.valuationDate).toBe('2024-06-30');
  });
  test('typed prices › price.<TICKER> per company, upper-cased; a bad one is a problem', () => {
    expect(parseAssumptions({ 'price.msft': '512.5' }).prices).toEqual({ MSFT: 512.5 });
    const bad = parseAssumptions({ 'price.MSFT': '-3' });
    expect(bad.problems.map((x) => x.key)).toEqual(['price.MSFT']);
  });
  test('unknown terminal method › a problem', () => {
    expect(parseAssumptions({ terminalMethod: 'magic' }).problems[0]?.key).toBe('terminalMethod');
  });
  test('saved scenario, then the query › query wins, sources say which', () => {
    const p = parseAssumptions({ wacc: '0.12' }, { wacc: 0.08, aiRevenueGrowth: 0.4 });
    expect(p.values.wacc).toBe(0.12);
    expect(p.sources.wacc).toBe('user');
    expect(p.values.aiRevenueGrowth).toBe(0.4);
    expect(p.sources.aiRevenueGrowth).toBe('scenario');
  });
  test('useful life typed equal to the default › still the user’s (it overrides the data)', () => {
    expect(parseAssumptions({ gpuUsefulLifeYears: '6' }).sources.gpuUsefulLifeYears).toBe('user');
    expect(parseAssumptions({ wacc: '0.09' }).sources.wacc).toBe('default');
  });
  test('round trip › the query string reproduces the values and sources', () => {
    const p = parseAssumptions({ wacc: '0.11', gpuUsefulLifeYears: '5', terminalMethod: 'exit-multiple' });
    const again = parseAssumptions(Object.fromEntries(new URLSearchParams(assumptionsQuery(p))));
    expect(again.values).toEqual(p.values);
    expect(again.sources.gpuUsefulLifeYears).toBe('user');
  });
  test('default life › left out of the query so the data keeps precedence; CSV says data, else default', () => {
    const p = parseAssumptions({});
    expect(assumptionsQuery(p)).not.toMatch(/gpuUsefulLifeYears/);
    expect(assumptionLines(p).find(([k]) => k === 'gpu_useful_life_years')).toEqual(['gpu_useful_life_years', 6, 'data, else default']);
    expect(assumptionLines(p).find(([k]) => k === 'wacc_fraction')).toEqual(['wacc_fraction', 0.09, 'default']);
  });
});
