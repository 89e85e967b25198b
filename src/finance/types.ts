/**
 * Result of `irr` and `xirr`. "No answer" is a value, never NaN or an exception:
 * - `ok`: exactly one rate was found (a fraction per period, 0.1 = 10%);
 * - `multiple`: several rates make the NPV zero, all reported, sorted ascending;
 * - `no-sign-change`: the flows are all ≥ 0 or all ≤ 0, so no rate can make the NPV zero;
 * - `no-convergence`: the flows change sign but no rate could be found and confirmed in the
 *   search window (for example `[1, -2, 2]`, whose NPV never reaches zero).
 */
export type IrrResult =
  | { kind: 'ok'; rate: number }
  | { kind: 'multiple'; rates: number[] }
  | { kind: 'no-sign-change' }
  | { kind: 'no-convergence' };

/** Options of `irr` and `xirr`. Rates are fractions per period (per year for `xirr`). */
export interface IrrOptions {
  /** Where Newton's method starts when the root is unique. Default 0.1 (Excel's default). */
  guess?: number;
  /**
   * Lowest rate searched when the flows change sign more than once. Default −0.99: a root below
   * it is almost always the arithmetic of a small closing outflow, not a return (Excel, Google
   * Sheets and numpy-financial report the other root too). (With a single sign change the IRR
   * is unique and is found wherever it lies.)
   */
  lowRate?: number;
  /**
   * Highest rate searched when the flows change sign more than once. Left out: 1000%, and above
   * it as far as a bound on the roots from the flows' coefficients reaches, so no root is missed
   * for lying above a window; given, exactly this.
   */
  highRate?: number;
}
