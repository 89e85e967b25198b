import { powerCostUsd } from '../../src/finance';

describe('powerCostUsd', () => {
  // 1 GW of IT load all year at 100%, PUE 1, $0.10/kWh: 8.76 TWh × $0.10 = $876M
  test('1 GW at $0.10/kWh › $876M a year', () => expect(powerCostUsd(1000, 1, 1, 0.1)).toBeCloseTo(876e6, 3));
  test('utilization and PUE › scale the cost', () => expect(powerCostUsd(100, 0.7, 1.2, 0.08)).toBeCloseTo(58_867_200, 6));
  test('NaN › throws, naming the argument', () => expect(() => powerCostUsd(Number.NaN, 1, 1, 1)).toThrow(/itPowerMw/));
});
