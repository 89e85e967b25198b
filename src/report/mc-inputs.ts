/**
 * Monte Carlo inputs as @RISK users enter them: a distribution per uncertain input,
 * typed on the form as `mc.<input>=pert(0.1, 0.25, 0.4)`, and rank correlations between inputs
 * as pairs, `mcCorrelations=aiRevenueGrowth aiEbitdaMargin 0.6` (one pair per line or `;`).
 * Parsed here into the finance core's distributions and pairs, or problems naming the key; a
 * correlation matrix that cannot hold together is refused naming the pair at fault.
 */
import { correlationMatrixProblem, lognormal, normal, pert, triangular, uniform, type Distribution } from '../finance';
import { textIn, type Lang } from '../i18n';

/** The inputs a Monte Carlo run may draw, as the model's assumption keys. */
export const UNCERTAIN_INPUTS = ['aiRevenueGrowth', 'aiEbitdaMargin', 'aiCapexShare', 'wacc', 'aiRevenueToCapex'] as const;
export type UncertainInput = (typeof UNCERTAIN_INPUTS)[number];

const MAKERS: Record<string, { params: string[]; make: (...p: number[]) => Distribution }> = {
  normal: { params: ['mean', 'sd'], make: (m, s) => normal(m as number, s as number) },
  lognormal: { params: ['mu', 'sigma'], make: (m, s) => lognormal(m as number, s as number) },
  triangular: { params: ['min', 'mode', 'max'], make: (a, m, b) => triangular(a as number, m as number, b as number) },
  uniform: { params: ['min', 'max'], make: (a, b) => uniform(a as number, b as number) },
  pert: { params: ['min', 'mode', 'max'], make: (a, m, b) => pert(a as number, m as number, b as number) },
};

export interface McInputProblem {
  key: string;
  value: string;
  message: string;
}

export interface McInputs {
  /** Distributions the user chose, by input; inputs not named keep the report's defaults. */
  distributions: Partial<Record<UncertainInput, Distribution>>;
  correlations: { a: UncertainInput; b: UncertainInput; rankCorrelation: number }[];
  problems: McInputProblem[];
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?%?$/i;

function numberOf(text: string): number | null {
  const t = text.trim();
  if (!NUMBER.test(t)) return null;
  return t.endsWith('%') ? Number(t.slice(0, -1)) / 100 : Number(t);
}

/**
 * A distribution as written: `kind(p1, p2[, p3])`, rates as fractions or with `%`; why not, in `lang`.
 * @example parseDistribution('pert(10%, 25%, 40%)') // { kind: 'pert', min: 0.1, mode: 0.25, max: 0.4 }
 */
export function parseDistribution(text: string, lang: Lang = 'en'): { dist: Distribution } | { message: string } {
  const t = (key: string, vars: Record<string, unknown> = {}) => textIn(lang)(`assumptions.mcProblem.${key}`, vars);
  const m = /^\s*([a-z]+)\s*\(([^()]*)\)\s*$/i.exec(text);
  const kinds = Object.keys(MAKERS).join(', ');
  if (!m) return { message: t('form', { kinds }) };
  const kind = (m[1] as string).toLowerCase();
  const maker = MAKERS[kind];
  if (!maker) return { message: t('unknown', { name: m[1], kinds }) };
  const parts = (m[2] as string).split(',');
  if (parts.length !== maker.params.length) return { message: t('count', { kind, n: maker.params.length, params: maker.params.join(', '), got: parts.length }) };
  const nums: number[] = [];
  for (const [i, p] of parts.entries()) {
    const n = numberOf(p);
    if (n === null || !Number.isFinite(n)) return { message: t('param', { kind, param: maker.params[i], value: p.trim() }) };
    nums.push(n);
  }
  try {
    return { dist: maker.make(...nums) };
  } catch (err) {
    return { message: t('invalid', { kind, detail: err instanceof Error ? err.message : String(err) }) };
  }
}

/**
 * The Monte Carlo inputs of a query string or form body (see the module comment); problems in `lang`.
 * @example parseMcInputs({ 'mc.wacc': 'uniform(0.08, 0.11)', mcCorrelations: 'aiRevenueGrowth aiEbitdaMargin 0.6' })
 */
export function parseMcInputs(query: Readonly<Record<string, unknown>>, lang: Lang = 'en'): McInputs {
  const t = (key: string, vars: Record<string, unknown> = {}) => textIn(lang)(`assumptions.mcProblem.${key}`, vars);
  const distributions: McInputs['distributions'] = {};
  const problems: McInputProblem[] = [];
  for (const input of UNCERTAIN_INPUTS) {
    const key = `mc.${input}`;
    const raw = query[key];
    if (raw === undefined || raw === '') continue;
    if (typeof raw !== 'string') {
      problems.push({ key, value: String(raw), message: t('one', { key }) });
      continue;
    }
    const r = parseDistribution(raw, lang);
    if ('dist' in r) distributions[input] = r.dist;
    else problems.push({ key, value: raw, message: t('keyed', { key, message: r.message }) });
  }
  for (const key of Object.keys(query)) {
    if (key.startsWith('mc.') && !(UNCERTAIN_INPUTS as readonly string[]).includes(key.slice(3))) {
      problems.push({ key, value: String(query[key]), message: t('notInput', { key, inputs: `mc.${UNCERTAIN_INPUTS.join(', mc.')}` }) });
    }
  }
  const correlations: McInputs['correlations'] = [];
  const raw = query['mcCorrelations'];
  if (typeof raw === 'string' && raw.trim() !== '') {
    const seen = new Set<string>();
    for (const line of raw.split(/[;\n]/).map((l) => l.trim()).filter((l) => l !== '')) {
      const parts = line.split(/[\s,]+/);
      const [a, b, rhoText] = parts as [string, string, string];
      const bad = (message: string): void => {
        problems.push({ key: 'mcCorrelations', value: line, message: t('pair', { line, message }) });
      };
      if (parts.length !== 3) {
        bad(t('pairForm'));
        continue;
      }
      const unknown = [a, b].find((x) => !(UNCERTAIN_INPUTS as readonly string[]).includes(x));
      if (unknown) {
        bad(t('pairUnknown', { name: unknown, inputs: UNCERTAIN_INPUTS.join(', ') }));
        continue;
      }
      if (a === b) {
        bad(t('pairSame'));
        continue;
      }
      const rho = numberOf(rhoText);
      if (rho === null || rho < -1 || rho > 1) {
        bad(t('pairRho', { value: rhoText }));
        continue;
      }
      const pairKey = [a, b].sort().join(' ');
      if (seen.has(pairKey)) {
        bad(t('pairTwice'));
        continue;
      }
      seen.add(pairKey);
      correlations.push({ a: a as UncertainInput, b: b as UncertainInput, rankCorrelation: rho });
    }
    if (correlations.length > 0 && !problems.some((p) => p.key === 'mcCorrelations')) {
      const names = [...new Set(correlations.flatMap((c) => [c.a, c.b]))];
      const matrix = names.map((x) => names.map((y) => (x === y ? 1 : (correlations.find((c) => (c.a === x && c.b === y) || (c.a === y && c.b === x))?.rankCorrelation ?? 0))));
      const problem = correlationMatrixProblem(matrix, names);
      if (problem) problems.push({ key: 'mcCorrelations', value: raw, message: t('matrix', { detail: problem.message }) });
    }
  }
  return { distributions, correlations, problems };
}

/**
 * A distribution written back the way it is typed (for the form and the permalink).
 * @example describeDistribution(pert(0.1, 0.25, 0.4)) // 'pert(0.1, 0.25, 0.4)'
 */
export function describeDistribution(d: Distribution): string {
  switch (d.kind) {
    case 'normal':
      return `normal(${d.mean}, ${d.sd})`;
    case 'lognormal':
      return `lognormal(${d.mu}, ${d.sigma})`;
    case 'triangular':
      return `triangular(${d.min}, ${d.mode}, ${d.max})`;
    case 'uniform':
      return `uniform(${d.min}, ${d.max})`;
    case 'pert':
      return `pert(${d.min}, ${d.mode}, ${d.max})`;
    case 'discrete':
      return `discrete(${d.values.join(' ')})`;
  }
}
