import { assertFinite, assertPositive } from './internal/validate';

/** Options of `straightLineDepreciation`. */
export interface DepreciationOptions {
  /**
   * 'full-year' (default): each vintage is depreciated from the start of the year it is spent.
   * 'half-year': each vintage is placed in service mid-year, so it takes half a year's charge in
   * its first year and the last half-year's charge in the year after its life would end.
   */
  convention?: 'full-year' | 'half-year';
  /**
   * Number of years reported. Default: until the last vintage is fully depreciated. A shorter
   * horizon truncates the schedule; a longer one pads with zero depreciation.
   */
  horizonYears?: number;
}

/** Result of `straightLineDepreciation`; every array is indexed by year, 0 = first capex year. */
export interface DepreciationSchedule {
  /** Depreciation charged in each year, summed over all vintages. */
  depreciation: number[];
  /** `byVintage[v][t]`: depreciation in year t of the capex spent in year v. */
  byVintage: number[][];
  /** Net book value at the end of each year: capex to date minus depreciation to date. */
  netBookValue: number[];
}

/**
 * Straight-line depreciation of a capex programme by vintage: each year's capex is written off
 * in equal yearly amounts `capex / usefulLifeYears` over its useful life, and the vintages are
 * summed. A fractional life (e.g. 5.5 years) ends with a partial year.
 *
 * Units: capex in currency units per year; `usefulLifeYears` in years; the results in the same
 * currency. No salvage value. Inputs are not mutated.
 * Throws `RangeError` naming the argument for a non-finite capex, a life ≤ 0, an unknown
 * convention or a horizon that is not a whole number ≥ 0.
 *
 * @example
 * straightLineDepreciation([600, 300], 3)
 * // depreciation [200, 300, 300, 100], netBookValue [400, 400, 100, 0],
 * // byVintage [[200, 200, 200, 0], [0, 100, 100, 100]]
 * straightLineDepreciation([600], 3, { convention: 'half-year' }).depreciation // [100, 200, 200, 100]
 */
export function straightLineDepreciation(
  capexByYear: readonly number[],
  usefulLifeYears: number,
  opts: DepreciationOptions = {},
): DepreciationSchedule {
  if (!Array.isArray(capexByYear)) throw new RangeError('capexByYear must be an array of numbers');
  capexByYear.forEach((c, i) => assertFinite(`capexByYear[${i}]`, c));
  assertPositive('usefulLifeYears', usefulLifeYears);
  const convention = opts.convention ?? 'full-year';
  if (convention !== 'full-year' && convention !== 'half-year') {
    throw new RangeError(`opts.convention must be 'full-year' or 'half-year', got ${String(convention)}`);
  }
  const offset = convention === 'half-year' ? 0.5 : 0;
  const m = capexByYear.length;
  const runoff = m === 0 ? 0 : Math.ceil(m - 1 + offset + usefulLifeYears);
  const horizon = opts.horizonYears ?? runoff;
  if (!Number.isInteger(horizon) || horizon < 0) {
    throw new RangeError(`opts.horizonYears must be a whole number ≥ 0, got ${String(horizon)}`);
  }
  const depreciation = new Array<number>(horizon).fill(0);
  const byVintage: number[][] = [];
  for (let v = 0; v < m; v++) {
    const capex = capexByYear[v] as number;
    const row = new Array<number>(horizon).fill(0);
    // In service over [start, end) in years; year t covers [t, t + 1).
    const start = v + offset;
    const end = start + usefulLifeYears;
    const perYear = capex / usefulLifeYears;
    for (let t = Math.floor(start); t < horizon && t < end; t++) {
      const overlap = Math.min(t + 1, end) - Math.max(t, start);
      if (overlap > 0) {
        row[t] = perYear * overlap;
        depreciation[t] = (depreciation[t] as number) + (row[t] as number);
      }
    }
    byVintage.push(row);
  }
  // Book value per vintage: nothing before it is spent, exactly 0 once its life has ended (no
  // round-off residue), capex less depreciation to date in between.
  const netBookValue = new Array<number>(horizon).fill(0);
  for (let v = 0; v < m; v++) {
    const row = byVintage[v] as number[];
    const end = v + offset + usefulLifeYears;
    let book = capexByYear[v] as number;
    for (let t = v; t < horizon && t + 1 < end; t++) {
      book -= row[t] as number;
      netBookValue[t] = (netBookValue[t] as number) + book;
    }
  }
  return { depreciation, byVintage, netBookValue };
}
