import type { IrrOptions } from '../types';
import type { SolveOptions } from './rateSolver';
import { assertFinite, assertRate } from './validate';

/** Validates `irr`/`xirr` options and fills in the defaults. Internal. */
export function resolveIrrOptions(opts: IrrOptions | undefined): SolveOptions {
  const guess = opts?.guess ?? 0.1;
  const lowRate = opts?.lowRate ?? -0.99;
  const highRate = opts?.highRate ?? 10;
  assertRate('opts.guess', guess);
  assertRate('opts.lowRate', lowRate);
  assertFinite('opts.highRate', highRate);
  if (highRate <= lowRate) {
    throw new RangeError(`opts.highRate must be greater than opts.lowRate, got ${highRate} ≤ ${lowRate}`);
  }
  return { guess, lowRate, highRate, widenHigh: opts?.highRate === undefined };
}
