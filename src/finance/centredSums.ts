/**
 * Means and centred sums of squares and products of two equal-length series: the common core of
 * Pearson's correlation and of an ordinary-least-squares line.
 *
 *   sxx = Σ (x − x̄)²,  syy = Σ (y − ȳ)²,  sxy = Σ (x − x̄)(y − ȳ)
 *
 * Two passes (means first), which keeps the sums accurate when the values sit far from zero
 * (years such as 2015…2025), where the one-pass Σx² − n·x̄² loses digits.
 *
 * @example centredSums([1, 2, 3], [2, 4, 7]) // { n: 3, meanX: 2, meanY: 4.333…, sxx: 2, sxy: 5, syy: 12.666… }
 */
export interface CentredSums {
  n: number;
  meanX: number;
  meanY: number;
  sxx: number;
  sxy: number;
  syy: number;
}

export function centredSums(x: ArrayLike<number>, y: ArrayLike<number>): CentredSums {
  if (x.length !== y.length) throw new RangeError('x and y must have the same length');
  const n = x.length;
  let meanX = 0;
  let meanY = 0;
  for (let i = 0; i < n; i++) {
    meanX += x[i] as number;
    meanY += y[i] as number;
  }
  meanX = n > 0 ? meanX / n : NaN;
  meanY = n > 0 ? meanY / n : NaN;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] as number) - meanX;
    const dy = (y[i] as number) - meanY;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  return { n, meanX, meanY, sxx, sxy, syy };
}
