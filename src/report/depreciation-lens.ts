/**
 * The GPU depreciation lens: how a company's operating income, EPS and AI ROIC move when all its
 * AI servers are depreciated over 3 to 7 years instead of the lives behind its reported figures.
 *
 * Convention: reported operating and net income reflect the base model's lives (the data's
 * useful_life_years per vintage where given, else the scenario's). Under a life L for every vintage
 * the AI capex's depreciation in the lens year changes by ΔD = D_L − D_base (straight-line by
 * vintage over the AI capex in the data; vintages before the data are not counted); operating
 * income falls by ΔD and net income by ΔD × (1 − tax). ROIC is the AI program's (NOPAT ÷ average
 * net book value) from the model run under life L, because company-wide invested capital is not in
 * the data. The reference life is the lens year's own life (data or scenario); "one year shorter"
 * is that minus one.
 */
import type { Row } from '../store/types';
import type { Assumptions } from './assumptions';
import { companyYears, finite, num, runCompany, type ModelOptions } from './company-model';

export const LENS_LIVES_YEARS = [3, 4, 5, 6, 7] as const;

export interface LensRow {
  usefulLifeYears: number;
  depreciationUsd: number;
  depreciationChangeUsd: number;
  operatingIncomeUsd: number | null;
  netIncomeUsd: number | null;
  epsUsd: number | null;
  /** EPS change against the base (reported) lives, fraction. */
  epsChange: number | null;
  aiRoic: number | null;
}

export interface DepreciationLens {
  fiscalYear: number;
  /** The lens year's own life (data or scenario), years. */
  referenceLifeYears: number;
  /** AI depreciation in the lens year under the base lives. */
  baseDepreciationUsd: number;
  reportedOperatingIncomeUsd: number | null;
  reportedNetIncomeUsd: number | null;
  sharesOutstanding: number | null;
  rows: LensRow[];
}

/**
 * The lens for the latest fiscal year with reported net or operating income (the latest data year
 * otherwise). Returns null when the company has no capex.
 */
export function depreciationLens(company: string, rows: Row[], a: Assumptions, opts: ModelOptions = {}): DepreciationLens | null {
  const byYear = companyYears(rows);
  const withIncome = [...byYear.entries()].filter(([, r]) => num(r.net_income) !== null || num(r.operating_income) !== null);
  const withCapex = [...byYear.entries()].filter(([, r]) => num(r.capex) !== null);
  const pick = withIncome[withIncome.length - 1] ?? withCapex[withCapex.length - 1];
  if (!pick) return null;
  const [fiscalYear, row] = pick;
  const base = runCompany(company, rows, a, opts);
  const baseT = base ? fiscalYear - base.plan.firstYear : -1;
  if (!base || baseT < 0 || baseT >= base.plan.length) return null;
  const baseYear = { depreciationUsd: base.run.depreciation[baseT] as number };
  const dataLife = num(row.useful_life_years);
  const reference = (opts.lifeFromData ?? true) && dataLife !== null && dataLife >= 1 && dataLife <= 50 ? dataLife : a.gpuUsefulLifeYears;
  const lives = [...new Set<number>([...LENS_LIVES_YEARS, reference - 1, reference, reference + 1])].filter((l) => l >= 1).sort((x, y) => x - y);
  const oi = num(row.operating_income);
  const ni = num(row.net_income);
  const shares = num(row.shares_outstanding);
  const baseEps = ni !== null && shares ? ni / shares : null;
  const out: LensRow[] = lives.map((life) => {
    const lensRun = runCompany(company, rows, { ...a, gpuUsefulLifeYears: life }, { lifeFromData: false });
    const t = lensRun ? fiscalYear - lensRun.plan.firstYear : -1;
    const y = lensRun && t >= 0 && t < lensRun.plan.length ? { depreciationUsd: lensRun.run.depreciation[t] as number, roic: lensRun.run.roic[t] ?? null } : null;
    const dep = y?.depreciationUsd ?? 0;
    const delta = dep - baseYear.depreciationUsd;
    const netIncome = ni === null ? null : ni - delta * (1 - a.taxRate);
    const eps = netIncome !== null && shares ? netIncome / shares : null;
    return {
      usefulLifeYears: life,
      depreciationUsd: dep,
      depreciationChangeUsd: delta,
      operatingIncomeUsd: oi === null ? null : oi - delta,
      netIncomeUsd: netIncome,
      epsUsd: eps,
      epsChange: eps !== null && baseEps !== null && baseEps !== 0 ? finite(eps / baseEps - 1) : null,
      aiRoic: y?.roic ?? null,
    };
  });
  return {
    fiscalYear,
    referenceLifeYears: reference,
    baseDepreciationUsd: baseYear.depreciationUsd,
    reportedOperatingIncomeUsd: oi,
    reportedNetIncomeUsd: ni,
    sharesOutstanding: shares,
    rows: out,
  };
}
