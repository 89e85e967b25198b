import fc from 'fast-check';

/**
 * Money-like magnitudes: 0.01 to 1e9 currency units. (Subnormal floats such as 5e-324 would
 * test float underflow, not cash-flow math: scaling them by 1e-6 gives 0.)
 */
const amount = fc.double({ min: 0.01, max: 1e9, noNaN: true });

/** A conventional project: an outlay at t = 0, then 1–40 inflows (one sign change). */
export const conventionalFlows = fc
  .tuple(amount, fc.array(fc.oneof(fc.constant(0), amount), { minLength: 1, maxLength: 40 }))
  .filter(([, inflows]) => inflows.some((v) => v > 0))
  .map(([outlay, inflows]) => [-outlay, ...inflows]);

/** Any series of 2–40 flows, mixed signs, zeros included. */
export const anyFlows = fc.array(
  fc.oneof(fc.constant(0), amount, amount.map((v) => -v)),
  { minLength: 2, maxLength: 40 },
);

/** Residual of the NPV at `rate`, relative to the size of the discounted flows. */
export function relativeResidual(rate: number, flows: readonly number[]): number {
  let value = 0;
  let scale = 0;
  const x = 1 / (1 + rate);
  for (let t = flows.length - 1; t >= 0; t--) {
    value = value * x + (flows[t] as number);
    scale = scale * x + Math.abs(flows[t] as number);
  }
  return scale === 0 ? 0 : Math.abs(value) / scale;
}

/**
 * True when `rate` is an NPV root to within float precision: either the residual is tiny, or
 * the NPV changes sign across rate ± 1e-10·(1 + |rate|). (Near −100% the rate itself cannot
 * carry many digits of 1 + r, so the residual alone would be unfair there.)
 */
export function confirmsRoot(rate: number, flows: readonly number[]): boolean {
  if (relativeResidual(rate, flows) < 1e-9) return true;
  const delta = 1e-10 * (1 + Math.abs(rate));
  const lo = Math.max(rate - delta, -1 + Number.EPSILON);
  const f = (r: number): number => {
    let value = 0;
    const x = 1 / (1 + r);
    for (let t = flows.length - 1; t >= 0; t--) value = value * x + (flows[t] as number);
    return value;
  };
  return f(lo) * f(rate + delta) <= 0;
}
