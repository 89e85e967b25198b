/**
 * The front page's answer per built-in company dataset, from its report under the base scenario
 * (the defaults, with the data's own defaults such as won for Korean data): how much AI capex, how
 * many companies pay it back within the horizon, and the company with the largest gap between what
 * its AI capex costs and what it earns (the most negative NPV; none when every NPV is positive).
 */
import type { CompanyReport } from './company-report';

export interface Headline {
  currency: string;
  totalAiCapex: number;
  companies: number;
  paying: number;
  horizonYears: number;
  largestGap: { company: string; npv: number } | null;
}

/**
 * @example headline(report) // { totalAiCapex: 1.2e11, companies: 4, paying: 1, horizonYears: 10, largestGap: { company: 'Meta', npv: -3.1e10 }, currency: 'USD' }
 */
export function headline(report: CompanyReport): Headline {
  const horizonYears = report.assumptions.values.horizonYears;
  const models = report.sections.map((s) => s.model);
  const worst = models.reduce<(typeof models)[number] | null>((w, m) => (m.npvUsd < 0 && (w === null || m.npvUsd < w.npvUsd) ? m : w), null);
  return {
    currency: report.currency,
    totalAiCapex: models.reduce((sum, m) => sum + m.totalAiCapexUsd, 0),
    companies: models.length,
    paying: models.filter((m) => m.paybackYears !== null && m.paybackYears <= horizonYears).length,
    horizonYears,
    largestGap: worst ? { company: worst.company, npv: worst.npvUsd } : null,
  };
}
