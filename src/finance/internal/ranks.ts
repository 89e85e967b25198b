import { centredSums } from '../centredSums';

/**
 * Ranks 1..n of `values` (ties share their average rank, as Spearman's coefficient and Excel's
 * RANK.AVG count them). Internal.
 */
export function averageRanks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const order = sortedOrder(values);
  const ranks = new Float64Array(n);
  let i = 0;
  while (i < n) {
    let j = i;
    const v = values[order[i] as number] as number;
    while (j + 1 < n && values[order[j + 1] as number] === v) j++;
    const rank = (i + j) / 2 + 1;
    for (let t = i; t <= j; t++) ranks[order[t] as number] = rank;
    i = j + 1;
  }
  return ranks;
}

/**
 * Below this many values a comparison sort wins: each radix pass clears and sums 65,536 counters
 * whatever n is, which for a 500-trial company costs a thousand times the sort itself.
 */
const RADIX_FROM = 4096;

/**
 * Indices of `values` in ascending order of their value (stable; NaN last). Internal.
 * From RADIX_FROM values on, an LSD radix sort on the float64 bit patterns made order-preserving
 * (flip every bit of a negative, the sign bit of a positive): 4 passes of 16 bits, linear in n,
 * several times faster than a comparison sort of 100,000 indices. Below it, a comparison sort
 * with the same order (−0 with +0, ties by index).
 */
export function sortedOrder(values: ArrayLike<number>): Uint32Array {
  const n = values.length;
  if (n < RADIX_FROM) return comparisonOrder(values);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    keys[i] = v === 0 ? 0 : v; // −0 sorts with +0
  }
  const words = new Uint32Array(keys.buffer);
  // Little-endian: word 2i is the low half, 2i + 1 the high half with the sign.
  for (let i = 0; i < n; i++) {
    const hi = words[2 * i + 1] as number;
    if (hi & 0x80000000) {
      words[2 * i + 1] = ~hi >>> 0;
      words[2 * i] = ~(words[2 * i] as number) >>> 0;
    } else {
      words[2 * i + 1] = (hi | 0x80000000) >>> 0;
    }
  }
  let order = new Uint32Array(n);
  let next = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const counts = new Uint32Array(65536);
  for (let pass = 0; pass < 4; pass++) {
    const word = pass < 2 ? 0 : 1;
    const shift = pass % 2 === 0 ? 0 : 16;
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const d = ((words[2 * (order[i] as number) + word] as number) >>> shift) & 0xffff;
      counts[d] = (counts[d] as number) + 1;
    }
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = counts[d] as number;
      counts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const idx = order[i] as number;
      const d = ((words[2 * idx + word] as number) >>> shift) & 0xffff;
      next[counts[d] as number] = idx;
      counts[d] = (counts[d] as number) + 1;
    }
    const tmp = order;
    order = next;
    next = tmp;
  }
  return order;
}

/** sortedOrder by a comparison sort: NaN after every number, −0 with +0, ties in index order. */
function comparisonOrder(values: ArrayLike<number>): Uint32Array {
  const idx = Array.from({ length: values.length }, (_, i) => i);
  idx.sort((i, j) => {
    const a = values[i] as number;
    const b = values[j] as number;
    if (a < b) return -1;
    if (a > b) return 1;
    const nanA = a !== a;
    const nanB = b !== b;
    if (nanA !== nanB) return nanA ? 1 : -1;
    return i - j;
  });
  return Uint32Array.from(idx);
}

/** Pearson correlation of two equal-length arrays; null when either has no spread. Internal. */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number | null {
  const { sxx, sxy, syy } = centredSums(x, y);
  if (sxx === 0 || syy === 0) return null;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}
