/**
 * Argument checks shared by the finance functions. Each throws a `RangeError` whose message names
 * the offending argument, so a caller (or a test) can tell which input was wrong.
 * Internal: not re-exported from `index.ts`.
 */

/** Throws unless `value` is a finite number. */
export function assertFinite(name: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RangeError(`${name} must be a finite number, got ${String(value)}`);
  }
}

/** Throws unless `rate` is a finite number greater than −1 (−100%). */
export function assertRate(name: string, rate: number): void {
  assertFinite(name, rate);
  if (rate <= -1) {
    throw new RangeError(`${name} must be greater than -1 (-100%), got ${rate}`);
  }
}

/** Throws unless `flows` is a non-empty array of finite numbers. */
export function assertFlows(name: string, flows: readonly number[]): void {
  if (!Array.isArray(flows) || flows.length === 0) {
    throw new RangeError(`${name} must be a non-empty array of numbers`);
  }
  for (let i = 0; i < flows.length; i++) {
    const v = flows[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new RangeError(`${name}[${i}] must be a finite number, got ${String(v)}`);
    }
  }
}

/** Throws unless `value` is a finite number strictly greater than zero. */
export function assertPositive(name: string, value: number): void {
  assertFinite(name, value);
  if (value <= 0) {
    throw new RangeError(`${name} must be greater than 0, got ${value}`);
  }
}

/** Throws unless `value` is a finite number ≥ 0. */
export function assertNonNegative(name: string, value: number): void {
  assertFinite(name, value);
  if (value < 0) {
    throw new RangeError(`${name} must be 0 or greater, got ${value}`);
  }
}
