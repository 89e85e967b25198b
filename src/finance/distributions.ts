import { assertFinite, assertNonNegative } from './internal/validate';

/**
 * An uncertain input of a Monte Carlo run. Plain data, so a scenario can store it as JSON; build
 * it with `normal`, `lognormal`, `triangular`, `uniform`, `pert` or `discrete`, which check the
 * parameters.
 */
export type Distribution =
  | { readonly kind: 'normal'; readonly mean: number; readonly sd: number }
  | { readonly kind: 'lognormal'; readonly mu: number; readonly sigma: number }
  | { readonly kind: 'triangular'; readonly min: number; readonly mode: number; readonly max: number }
  | { readonly kind: 'uniform'; readonly min: number; readonly max: number }
  | { readonly kind: 'pert'; readonly min: number; readonly mode: number; readonly max: number }
  | { readonly kind: 'discrete'; readonly values: readonly number[]; readonly probabilities: readonly number[] };

/**
 * Normal distribution with the given mean and standard deviation (same unit as the input).
 * Sampled by the Box–Muller transform. Throws `RangeError` naming the argument if `sd` < 0.
 * @example normal(0.05, 0.02) // AI revenue growth: 5% ± 2 points
 */
export function normal(mean: number, sd: number): Distribution {
  assertFinite('mean', mean);
  assertNonNegative('sd', sd);
  return { kind: 'normal', mean, sd };
}

/**
 * Lognormal distribution: `exp(N(mu, sigma))`, so `mu` and `sigma` are the mean and standard
 * deviation of the logarithm (Excel's LOGNORM.DIST convention); the median is `exp(mu)`.
 * Throws `RangeError` naming the argument if `sigma` < 0.
 * @example lognormal(Math.log(20e9), 0.25) // revenue with median $20B, about ±25%
 */
export function lognormal(mu: number, sigma: number): Distribution {
  assertFinite('mu', mu);
  assertNonNegative('sigma', sigma);
  return { kind: 'lognormal', mu, sigma };
}

/**
 * Triangular distribution on [min, max] with its peak at `mode`, sampled by inverting its CDF.
 * Throws `RangeError` naming the argument unless min ≤ mode ≤ max.
 * @example triangular(80e9, 100e9, 130e9) // capex: most likely $100B, skewed up
 */
export function triangular(min: number, mode: number, max: number): Distribution {
  assertFinite('min', min);
  assertFinite('mode', mode);
  assertFinite('max', max);
  if (mode < min) throw new RangeError(`mode must be ≥ min, got ${mode} < ${min}`);
  if (max < mode) throw new RangeError(`max must be ≥ mode, got ${max} < ${mode}`);
  return { kind: 'triangular', min, mode, max };
}

/**
 * Uniform distribution on [min, max). Throws `RangeError` naming the argument if max < min.
 * @example uniform(0.08, 0.11) // WACC anywhere from 8% to 11%
 */
export function uniform(min: number, max: number): Distribution {
  assertFinite('min', min);
  assertFinite('max', max);
  if (max < min) throw new RangeError(`max must be ≥ min, got ${max} < ${min}`);
  return { kind: 'uniform', min, max };
}

/**
 * PERT distribution (beta-PERT, as @RISK's RiskPert and the PMI's three-point estimate): a beta
 * distribution on [min, max] with its peak at `mode` and shape parameters
 * `α = 1 + 4 (mode − min) / (max − min)`, `β = 1 + 4 (max − mode) / (max − min)`. Its mean is
 * `(min + 4 mode + max) / 6` and its variance `(mean − min)(max − mean) / 7`; it puts less weight
 * in the tails than a triangular with the same three points. Sampled as X / (X + Y) with X, Y
 * gamma draws (Marsaglia–Tsang). Same unit as the input.
 * Throws `RangeError` naming the argument unless min ≤ mode ≤ max.
 * @example pert(0.3, 0.45, 0.7) // AI revenue per $ of capex: most likely 0.45, mean 0.4667
 */
export function pert(min: number, mode: number, max: number): Distribution {
  assertFinite('min', min);
  assertFinite('mode', mode);
  assertFinite('max', max);
  if (mode < min) throw new RangeError(`mode must be ≥ min, got ${mode} < ${min}`);
  if (max < mode) throw new RangeError(`max must be ≥ mode, got ${max} < ${mode}`);
  return { kind: 'pert', min, mode, max };
}

/**
 * Mean and variance of the PERT distribution `pert(min, mode, max)`, in the input's unit and its
 * square: mean `(min + 4 mode + max) / 6`, variance `(mean − min)(max − mean) / 7` (exact for
 * beta-PERT, whose α + β = 6).
 * @example pertMoments(0, 3, 12) // { mean: 4, variance: 32 / 7 }
 */
export function pertMoments(min: number, mode: number, max: number): { mean: number; variance: number } {
  const mean = (min + 4 * mode + max) / 6;
  return { mean, variance: ((mean - min) * (max - mean)) / 7 };
}

/**
 * Discrete distribution: `values[i]` with probability `probabilities[i]`. Probabilities must be
 * ≥ 0 and sum to 1 (within 1e-9). Throws `RangeError` naming the argument otherwise.
 * @example discrete([4, 5, 6], [0.2, 0.3, 0.5]) // GPU useful life in years
 */
export function discrete(values: readonly number[], probabilities: readonly number[]): Distribution {
  if (!Array.isArray(values) || values.length === 0) throw new RangeError('values must be a non-empty array of numbers');
  if (!Array.isArray(probabilities) || probabilities.length !== values.length) {
    throw new RangeError('probabilities must have one probability per value');
  }
  let total = 0;
  values.forEach((v, i) => assertFinite(`values[${i}]`, v));
  probabilities.forEach((p, i) => {
    assertNonNegative(`probabilities[${i}]`, p);
    total += p;
  });
  if (Math.abs(total - 1) > 1e-9) throw new RangeError(`probabilities must sum to 1, got ${total}`);
  return { kind: 'discrete', values: [...values], probabilities: [...probabilities] };
}
