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
  // Solve in x = ln(1 + r) by Newton's method kept inside a bracket that always holds the root
  // (bisection when a Newton step would leave it): fast like Newton, safe like bisection.
  let lo = -30;
  let hi = 30;
  let flo = 0;
  let fhi = 0;
  for (let i = 0; i < n; i++) {
    const f = flows[i] as number;
    const t = times[i] as number;
    flo += f * Math.exp(-t * lo);
    fhi += f * Math.exp(-t * hi);
  }
  if (!(Number.isFinite(flo) && Number.isFinite(fhi)) || flo * fhi > 0) return null;
  if (flo === 0) return Math.expm1(lo);
  if (fhi === 0) return Math.expm1(hi);
  let x = Math.log1p(0.1);
  for (let k = 0; k < 200; k++) {
    let v = 0;
    let dv = 0;
    for (let i = 0; i < n; i++) {
      const t = times[i] as number;
      const term = (flows[i] as number) * Math.exp(-t * x);
      v += term;
      dv -= t * term;
    }
    if (v === 0) return Math.expm1(x);
    if ((v < 0) === (flo < 0)) lo = x;
    else hi = x;
    const step = v / dv;
    let next = x - step;
    if (!(next > lo && next < hi) || !Number.isFinite(next)) next = (lo + hi) / 2;
    if (Math.abs(next - x) <= 1e-14 * Math.max(1, Math.abs(x)) || hi - lo <= 1e-14) return Math.expm1(next);
    x = next;
  }
  return Math.expm1(x);
}
