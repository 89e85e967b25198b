/**
 * Closeness checks with the tolerance spelled out at each call, so every reference test states
 * how many digits its source gives.
 */

/** |actual − expected| ≤ rel · |expected|. */
export function expectRelClose(actual: number | null | undefined, expected: number, rel: number): void {
  expect(typeof actual).toBe('number');
  const diff = Math.abs((actual as number) - expected);
  if (!(diff <= rel * Math.abs(expected))) {
    throw new Error(`expected ${String(actual)} within ${rel} (relative) of ${expected}; off by ${diff}`);
  }
}

/** |actual − expected| ≤ abs: for sources that round (cents, tenths of a percent). */
export function expectAbsClose(actual: number | null | undefined, expected: number, abs: number): void {
  expect(typeof actual).toBe('number');
  const diff = Math.abs((actual as number) - expected);
  if (!(diff <= abs)) {
    throw new Error(`expected ${String(actual)} within ${abs} of ${expected}; off by ${diff}`);
  }
}
