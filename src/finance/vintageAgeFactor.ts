import { assertFinite } from './internal/validate';

/**
 * How a vintage's AI revenue changes per year of age, `q = (1 + g) × (1 − d)^(1 − e)`: g is the
 * change of a vintage's revenue per year at constant token prices (more use, better software,
 * ageing chips), d the fall of token prices per year, e the volume elasticity to token prices
 * (Jevons: with e = 1 cheaper tokens are fully offset by more use; with e = 0 volume does not
 * respond and revenue falls with price). A vintage of age k earns `q^k` times its first year.
 *
 * Units: all three are fractions per year (0.7 = prices fall 70% a year); e is a pure number.
 * Throws `RangeError` naming the argument for a growth ≤ −1, a deflation outside [0, 1) or a
 * non-finite number.
 *
 * @example
 * vintageAgeFactor(0, 0, 1)      // 1: a vintage earns the same every year
 * vintageAgeFactor(0.1, 0.5, 0)  // 0.55 = 1.1 × 0.5
 * vintageAgeFactor(0, 0.7, 0.3)  // 0.3^0.7 = 0.4305...
 */
export function vintageAgeFactor(growth: number, deflation: number, elasticity: number): number {
  assertFinite('growth', growth);
  assertFinite('deflation', deflation);
  assertFinite('elasticity', elasticity);
  if (growth <= -1) throw new RangeError(`growth must be greater than -1, got ${growth}`);
  if (deflation < 0 || deflation >= 1) throw new RangeError(`deflation must be in [0, 1), got ${deflation}`);
  return (1 + growth) * Math.pow(1 - deflation, 1 - elasticity);
}
