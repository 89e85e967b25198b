/**
 * Fractional period at which the running sum of `values` turns non-negative for good, or null.
 * Internal: shared by `paybackYears` and `discountedPaybackYears`, which validate first.
 */
export function paybackFromValues(values: ArrayLike<number>): number | null {
  const n = values.length;
  let cumulative = 0;
  // Index of the last period that ends with a negative running sum, and the sum then.
  let lastNegative = -1;
  let sumAtLastNegative = 0;
  for (let t = 0; t < n; t++) {
    cumulative += values[t] as number;
    if (cumulative < 0) {
      lastNegative = t;
      sumAtLastNegative = cumulative;
    }
  }
  if (lastNegative === -1) return 0;
  if (lastNegative === n - 1) return null;
  // The shortfall is recovered evenly over the next period.
  const next = values[lastNegative + 1] as number;
  return lastNegative + -sumAtLastNegative / next;
}
