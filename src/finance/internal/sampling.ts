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
