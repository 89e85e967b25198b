// Timing helpers shared by the benchmarks (not a benchmark itself: run.js runs *.bench.js only).
'use strict';

/** Runs `fn` once; its wall time in milliseconds and its result. */
function ms(fn) {
  const t0 = process.hrtime.bigint();
  const out = fn();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, out };
}

/** The middle value (the upper of the two middle ones for an even count). */
function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

/** The p-quantile by the nearest-rank rule (p in 0..1): p50, p90, p99 of request times. */
function quantile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
}

/**
 * Times `a` and `b` alternately `runs` times after a warm-up of each (a collection before each
 * when run with --expose-gc), so a busy machine slows both alike. Returns each median time with
 * its last result, and the median of the per-pair ratios a/b.
 */
function compare(a, b, runs) {
  a();
  b();
  const ta = [];
  const tb = [];
  const ratios = [];
  let outA;
  let outB;
  for (let i = 0; i < runs; i++) {
    if (global.gc) global.gc();
    const ra = ms(a);
    if (global.gc) global.gc();
    const rb = ms(b);
    ta.push(ra.ms);
    tb.push(rb.ms);
    ratios.push(ra.ms / rb.ms);
    outA = ra.out;
    outB = rb.out;
  }
  return { a: { ms: median(ta), out: outA }, b: { ms: median(tb), out: outB }, ratio: median(ratios) };
}

module.exports = { ms, median, quantile, compare };
