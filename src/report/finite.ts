/**
 * The last check on every number a model makes: a report is a plain object, and any NaN or
 * ±Infinity inside it means the inputs pushed a formula beyond float64 (1.8e308) or divided by
 * zero. Such a report is not shown; the caller answers with what to reduce instead.
 */

/** A report that cannot be computed for these inputs; `reduce` names the inputs to make smaller. */
export class UncomputableError extends Error {
  constructor(
    message: string,
    readonly reduce: string[],
  ) {
    super(message);
    this.name = 'UncomputableError';
  }
}

/**
 * The path of the first non-finite number inside a plain value, or null when every number is finite.
 * @example firstNonFinite({ a: [1, Infinity] }) // 'a[1]'
 */
export function firstNonFinite(value: unknown, path = '', seen = new Set<object>()): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : path || '(value)';
  if (value === null || typeof value !== 'object' || seen.has(value)) return null;
  seen.add(value);
  if (ArrayBuffer.isView(value)) {
    const arr = value as unknown as ArrayLike<number>;
    if (typeof arr[0] !== 'number') return null;
    for (let i = 0; i < arr.length; i++) if (!Number.isFinite(arr[i])) return `${path}[${i}]`;
    return null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = firstNonFinite(value[i], `${path}[${i}]`, seen);
      if (hit) return hit;
    }
    return null;
  }
  for (const [k, v] of Object.entries(value)) {
    const hit = firstNonFinite(v, path ? `${path}.${k}` : k, seen);
    if (hit) return hit;
  }
  return null;
}

/** True for the finance core's "flows[..] must be a finite number" and similar overflow RangeErrors. */
export function isOverflow(e: unknown): boolean {
  return e instanceof RangeError && /finite/i.test(e.message);
}

/**
 * Runs a pure builder and checks its result: an overflow inside the math or a non-finite number in
 * the result becomes an UncomputableError naming what to reduce.
 * @example checked(() => build(rows, a), ['horizonYears', 'aiRevenueGrowth'])
 */
export function checked<T>(build: () => T, reduce: string[]): T {
  const say = (where: string) =>
    new UncomputableError(`These inputs make numbers too large to compute (${where}). Reduce ${reduce.join(', ')} and try again.`, reduce);
  let out: T;
  try {
    out = build();
  } catch (e) {
    if (isOverflow(e)) throw say('a cash flow beyond ±1.8e308');
    throw e;
  }
  const bad = firstNonFinite(out);
  if (bad) throw say(`no finite value at ${bad}`);
  return out;
}
