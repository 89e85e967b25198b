import { tornado } from '../../src/finance';

describe('tornado', () => {
  const revenue = ({ price, volume }: { price: number; volume: number }): number => price * volume;

  it('price ±20%, volume ±50% › volume first (the wider bar)', () => {
    const t = tornado(revenue, { price: 10, volume: 100 }, { price: [8, 12], volume: [50, 150] });
    expect(t.baseValue).toBe(1000);
    expect(t.bars).toEqual([
      { name: 'volume', lowInput: 50, highInput: 150, lowValue: 500, highValue: 1500, swing: 1000 },
      { name: 'price', lowInput: 8, highInput: 12, lowValue: 800, highValue: 1200, swing: 400 },
    ]);
  });

  it('an input that lowers the outcome when raised › negative direction kept', () => {
    const t = tornado(({ cost }) => 100 - cost, { cost: 40 }, { cost: [30, 50] });
    expect(t.bars[0]).toMatchObject({ lowValue: 70, highValue: 50, swing: 20 });
  });

  it('equal swings › keep the order given', () => {
    const t = tornado(({ a, b }) => a + b, { a: 0, b: 0 }, { b: [-1, 1], a: [-1, 1] });
    expect(t.bars.map((bar) => bar.name)).toEqual(['b', 'a']);
  });

  it('base inputs › never mutated, and each evaluation sees only its own change', () => {
    const base = Object.freeze({ a: 1, b: 2 });
    const seen: string[] = [];
    tornado((x) => {
      seen.push(`${x.a},${x.b}`);
      return x.a;
    }, base, { a: [0, 5] });
    expect(seen).toEqual(['1,2', '0,2', '5,2']);
    expect(base).toEqual({ a: 1, b: 2 });
  });

  it.each([
    ['swings.c', () => tornado(revenue, { price: 1, volume: 1 }, { c: [0, 1] } as never)],
    ['swings.price', () => tornado(revenue, { price: 1, volume: 1 }, { price: [0, Number.NaN] })],
    ['base.price', () => tornado(revenue, { price: Number.NaN, volume: 1 }, {})],
  ])('invalid %s › throws a RangeError naming it', (name, call) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(name);
  });
});
