/**
 * Unit constants shared by the model-economics code. Memory is quoted in decimal gigabytes
 * (1 GB = 1e9 bytes, as GPU datasheets and model cards write it); GiB (2^30 bytes) appears only
 * where a tool reports it, converted through {@link bytesToGiB}.
 */

/** Bytes in one decimal gigabyte (10^9). */
export const BYTES_PER_GB = 1e9;
/** Bytes in one binary gibibyte (2^30). */
export const BYTES_PER_GIB = 2 ** 30;
/** Parameters in one billion ("B" in `paramsB`). */
export const PARAMS_PER_B = 1e9;
/** Tokens in one trillion ("T" in `tokensT`). */
export const TOKENS_PER_T = 1e12;
/** Seconds in one hour. */
export const SECONDS_PER_HOUR = 3600;
/** Hours in one (365-day) year. */
export const HOURS_PER_YEAR = 8760;
/** Days in one year, for fractional release years. */
export const DAYS_PER_YEAR = 365.25;

/**
 * Bytes as decimal gigabytes.
 * @example bytesToGB(140e9) // 140
 */
export function bytesToGB(bytes: number): number {
  return bytes / BYTES_PER_GB;
}

/**
 * Bytes as binary gibibytes.
 * @example bytesToGiB(2 ** 30) // 1
 */
export function bytesToGiB(bytes: number): number {
  return bytes / BYTES_PER_GIB;
}
