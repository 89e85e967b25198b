/** One bar of a tornado chart: the model's value with one input at its low and high setting. */
export interface TornadoBar<K extends string = string> {
  name: K;
  lowInput: number;
  highInput: number;
  /** Model value with this input at `lowInput`, every other input at base. */
  lowValue: number;
  /** Model value with this input at `highInput`, every other input at base. */
  highValue: number;
  /** |highValue − lowValue|: the bar's length, by which bars are sorted. */
  swing: number;
}

/** Result of `tornado`: the base case and one bar per swung input, widest first. */
export interface Tornado<K extends string = string> {
  baseValue: number;
  bars: TornadoBar<K>[];
}

/**
 * One-way sensitivity ("tornado") of any model: for each input named in `swings`, evaluates
 * `fn` with that input at its low and at its high value and every other input at `base`, then
 * sorts the bars by swing, widest first (ties keep the order of `swings`). Inputs are never
 * mutated: `fn` gets a fresh object per evaluation. Units are the model's.
 *
 * Throws `RangeError` naming the argument when a base or swing value is not finite, or a swing
 * names an input missing from `base`.
 *
 * @example
 * tornado(({ price, volume }) => price * volume, { price: 10, volume: 100 },
 *   { price: [8, 12], volume: [50, 150] })
 * // baseValue 1000; bars: volume (500 → 1500, swing 1000), then price (800 → 1200, swing 400)
 */
export function tornado<K extends string>(
  fn: (inputs: Readonly<Record<K, number>>) => number,
  base: Readonly<Record<K, number>>,
  swings: Readonly<Partial<Record<K, readonly [number, number]>>>,
): Tornado<K> {
  if (typeof fn !== 'function') throw new RangeError('fn must be a function');
  for (const [k, v] of Object.entries(base) as [string, number][]) {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new RangeError(`base.${k} must be a finite number, got ${String(v)}`);
  }
  const baseValue = fn({ ...base });
  const bars: TornadoBar<K>[] = [];
  for (const name of Object.keys(swings) as K[]) {
    const pair = swings[name];
    if (!(name in base)) throw new RangeError(`swings.${name} names an input missing from base`);
    if (!Array.isArray(pair) || pair.length !== 2 || !pair.every((v) => typeof v === 'number' && Number.isFinite(v))) {
      throw new RangeError(`swings.${name} must be a [low, high] pair of finite numbers`);
    }
    const [lowInput, highInput] = pair as readonly [number, number];
    const lowValue = fn({ ...base, [name]: lowInput });
    const highValue = fn({ ...base, [name]: highInput });
    bars.push({ name, lowInput, highInput, lowValue, highValue, swing: Math.abs(highValue - lowValue) });
  }
  // Array.prototype.sort is stable, so equal swings keep the caller's order.
  bars.sort((a, b) => b.swing - a.swing);
  return { baseValue, bars };
}
