import { assertFinite } from './internal/validate';

/**
 * The yearly rate r at which `Σ flows[i] / (1 + r)^times[i]` is zero, for flows whose signs,
 * taken in time order, change exactly once (then the root is unique: Descartes' rule for dated
 * flows). Returns null otherwise, or when no root lies within e^±30 − 1. It is XIRR's answer
 * for such flows, computed without allocating, for Monte Carlo trials; `xirr` reports the other
 * cases (several roots, none) in words.
 *
 * Units: `times` in years from any origin (days ÷ 365 for XIRR's convention), in increasing
 * order, one per flow; the rate is a fraction per year. Throws `RangeError` for a different
 * number of times and flows or a non-finite number.
 *
 * @example
 * irrAtTimes([-100, 110], [0, 1])               // 0.1
 * irrAtTimes([-1000, 500, 500, 500], [0, 1, 2, 3]) // 0.2337..., as irr()
 */
export function irrAtTimes(flows: ArrayLike<number>, times: ArrayLike<number>): number | null {
  const n = flows.length;
  if (times.length !== n) throw new RangeError(`times must have one time per flow: ${times.length} times for ${n} flows`);
  let changes = 0;
  let sign = 0;
  for (let i = 0; i < n; i++) {
    const f = flows[i] as number;
    assertFinite(`flows[${i}]`, f);
    assertFinite(`times[${i}]`, times[i] as number);
    const s = f > 0 ? 1 : f < 0 ? -1 : 0;
    if (s !== 0) {
      if (sign !== 0 && s !== sign) changes++;
      sign = s;
    }
  }
  if (changes !== 1) return null;
  // Solve in x = ln(1 + r), where the one root is bracketed by e^±30 − 1. Newton's step from
  // x = ln(1.1) (the value and its slope share the exponentials, so a step costs one pass), kept
  // inside the bracket and replaced by bisection whenever it would leave it or stalls: a few
  // passes for the usual trial instead of sixty bisections, with bisection's guarantee.
  let lo = -30;
  let hi = 30;
  let vlo = valueAt(flows, times, lo);
  const vhi = valueAt(flows, times, hi);
  if (!(Number.isFinite(vlo) && Number.isFinite(vhi)) || vlo * vhi > 0) return null;
  let x = Math.log1p(0.1);
  let lastStep = hi - lo;
  for (let k = 0; k < 200; k++) {
    let v = 0;
    let slope = 0;
    for (let i = 0; i < n; i++) {
      const term = (flows[i] as number) * Math.exp(-(times[i] as number) * x);
      v += term;
      slope -= (times[i] as number) * term;
    }
    if (v === 0) return Math.expm1(x);
    if (v * vlo < 0) hi = x;
    else {
      lo = x;
      vlo = v;
    }
    const newton = x - v / slope;
    const step = Math.abs(newton - x);
    let next: number;
    if (Number.isFinite(newton) && newton > lo && newton < hi && step < lastStep / 2) {
      next = newton;
      lastStep = step;
    } else {
      next = (lo + hi) / 2;
      lastStep = hi - lo;
    }
    if (Math.abs(next - x) <= 1e-15 * Math.max(1, Math.abs(x)) || hi - lo <= 1e-13) return Math.expm1(next);
    x = next;
  }
  return Math.expm1((lo + hi) / 2);
}

/** Σ flows[i] · e^(−times[i] · x): the value at rate e^x − 1. */
function valueAt(flows: ArrayLike<number>, times: ArrayLike<number>, x: number): number {
  let v = 0;
  for (let i = 0; i < flows.length; i++) v += (flows[i] as number) * Math.exp(-(times[i] as number) * x);
  return v;
}
