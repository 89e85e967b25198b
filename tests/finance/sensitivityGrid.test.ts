import { npv, sensitivityGrid } from '../../src/finance';

describe('sensitivityGrid', () => {
  const fn = (wacc: number, growth: number): number => 100 / (wacc - growth);

  it('WACC × growth › values[i][j] = fn(row i, col j)', () => {
    const grid = sensitivityGrid(fn, [0.08, 0.09, 0.1], [0.02, 0.03]);
    expect(grid.values).toEqual([
      [fn(0.08, 0.02), fn(0.08, 0.03)],
      [fn(0.09, 0.02), fn(0.09, 0.03)],
      [fn(0.1, 0.02), fn(0.1, 0.03)],
    ]);
  });

  it('no base given › the middle row and column are the base case', () => {
    const grid = sensitivityGrid(fn, [0.08, 0.09, 0.1], [0.01, 0.02, 0.03]);
    expect([grid.baseRowIndex, grid.baseColIndex]).toEqual([1, 1]);
    expect(grid.baseValue).toBe(fn(0.09, 0.02));
  });

  it('base given by value › marks the nearest row and column', () => {
    const grid = sensitivityGrid(fn, [0.08, 0.09, 0.1], [0.01, 0.02, 0.03], { baseRow: 0.1, baseCol: 0.0101 });
    expect([grid.baseRowIndex, grid.baseColIndex]).toEqual([2, 0]);
  });

  it('101 × 101 NPV grid › 10,201 cells', () => {
    const rates = Array.from({ length: 101 }, (_, i) => 0.05 + i * 0.001);
    const revenues = Array.from({ length: 101 }, (_, i) => 10 + i * 0.2);
    const grid = sensitivityGrid((r, rev) => npv(r, [-100, ...new Array<number>(10).fill(rev)]), rates, revenues);
    expect(grid.values).toHaveLength(101);
    expect(grid.values.every((row) => row.length === 101)).toBe(true);
    expect(grid.baseValue).toBe(npv(0.1, [-100, ...new Array<number>(10).fill(20)]));
  });

  it.each([
    ['rowValues', () => sensitivityGrid(fn, [], [1])],
    ['colValues[0]', () => sensitivityGrid(fn, [1], [Number.NaN])],
    ['opts.baseRow', () => sensitivityGrid(fn, [1], [1], { baseRow: Number.NaN })],
  ])('invalid %s › throws a RangeError naming it', (name, call) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(name);
  });
});
