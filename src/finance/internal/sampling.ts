import type { Distribution } from '../distributions';
import type { Rng } from '../rng';

const TWO_PI = 2 * Math.PI;

/**
 * Fills `out[0..count)` with draws from `dist`. One tight loop per kind, so a run samples each
 * input column without a per-draw dispatch. Normal draws use both Box–Muller outputs. Internal.
 */
export function fillSamples(dist: Distribution, rng: Rng, out: Float64Array, count: number): void {
  switch (dist.kind) {
    case 'normal':
    case 'lognormal': {
      const mean = dist.kind === 'normal' ? dist.mean : dist.mu;
      const sd = dist.kind === 'normal' ? dist.sd : dist.sigma;
      const expo = dist.kind === 'lognormal';
      for (let i = 0; i < count; i += 2) {
        const r = Math.sqrt(-2 * Math.log(rng()));
        const a = TWO_PI * rng();
        const z0 = mean + sd * r * Math.cos(a);
        out[i] = expo ? Math.exp(z0) : z0;
        if (i + 1 < count) {
          const z1 = mean + sd * r * Math.sin(a);
          out[i + 1] = expo ? Math.exp(z1) : z1;
        }
      }
      return;
    }
    case 'triangular': {
      const { min, mode, max } = dist;
      const width = max - min;
      const split = width === 0 ? 0 : (mode - min) / width;
      const left = width * (mode - min);
      const right = width * (max - mode);
      for (let i = 0; i < count; i++) {
        const u = rng();
        out[i] = u < split ? min + Math.sqrt(u * left) : max - Math.sqrt((1 - u) * right);
      }
      return;
    }
    case 'uniform': {
      const { min, max } = dist;
      const width = max - min;
      for (let i = 0; i < count; i++) out[i] = min + width * rng();
      return;
    }
    case 'pert': {
      const { min, mode, max } = dist;
      const width = max - min;
      if (width === 0) {
        out.fill(min, 0, count);
        return;
      }
      const alpha = 1 + (4 * (mode - min)) / width;
      const beta = 1 + (4 * (max - mode)) / width;
      for (let i = 0; i < count; i++) {
        const x = gamma(alpha, rng);
        out[i] = min + width * (x / (x + gamma(beta, rng)));
      }
      return;
    }
    case 'discrete': {
      const values = dist.values;
      const k = values.length;
      const cumulative = new Float64Array(k);
      let acc = 0;
      for (let j = 0; j < k; j++) {
        acc += dist.probabilities[j] as number;
        cumulative[j] = acc;
      }
      cumulative[k - 1] = Infinity;
      for (let i = 0; i < count; i++) {
        const u = rng();
        let j = 0;
        while (u >= (cumulative[j] as number)) j++;
        out[i] = values[j] as number;
      }
      return;
    }
  }
}

/**
 * One Gamma(shape, 1) draw for shape ≥ 1 (PERT's shapes lie in [1, 5]) by Marsaglia and Tsang's
 * squeeze method (ACM TOMS 26(3), 2000): a normal draw from Box–Muller, accepted about 98% of
 * the time on the first try. Internal.
 */
function gamma(shape: number, rng: Rng): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = Math.sqrt(-2 * Math.log(rng())) * Math.cos(TWO_PI * rng());
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}
